// case: std::regex "a"
#include <regex>
std::regex g("a");
