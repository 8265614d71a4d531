// Text from the analysed code that must stay text in the HTML report: a
// rewrite that contains "</script>" and markup, a symbol with angle brackets.
#include <regex>
#include <string>

const std::string kMarkup =
    "</script><script>document.documentElement.setAttribute('data-pwned', '1')</script><b>&amp;</b>";

template <typename T> struct Holder { static const std::regex Pattern; };
template <> const std::regex Holder<int>::Pattern("<[a-z]+>");
