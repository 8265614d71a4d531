#include <string>
// A header global: reported at the header, in every TU that includes it, and
// never fixed from one TU (the other includers cannot be checked).
const std::string kHeaderName = "a header name long enough to allocate";
