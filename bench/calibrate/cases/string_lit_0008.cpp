// case: std::string from a 8-char literal
// quick
#include <string>
std::string g = "abcdefgh";
