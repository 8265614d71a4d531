// case: std::string from a 23-char literal
#include <string>
std::string g = "abcdefghijklmnopqrstuvw";
