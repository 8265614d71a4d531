// case: std::string from a 64-char literal
// quick
#include <string>
std::string g = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl";
