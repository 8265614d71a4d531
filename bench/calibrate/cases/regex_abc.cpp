// case: std::regex "abc"
// quick
#include <regex>
std::regex g("abc");
