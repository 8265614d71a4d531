// case: std::string from a 15-char literal
#include <string>
std::string g = "abcdefghijklmno";
