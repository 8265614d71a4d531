// case: std::string from a 1-char literal
#include <string>
std::string g = "a";
