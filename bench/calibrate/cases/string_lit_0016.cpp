// case: std::string from a 16-char literal
#include <string>
std::string g = "abcdefghijklmnop";
