// case: std::string from a 22-char literal
#include <string>
std::string g = "abcdefghijklmnopqrstuv";
