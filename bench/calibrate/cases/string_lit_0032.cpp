// case: std::string from a 32-char literal
#include <string>
std::string g = "abcdefghijklmnopqrstuvwxyzabcdef";
