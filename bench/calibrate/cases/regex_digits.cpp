// case: std::regex "\\d+"
#include <regex>
std::regex g("\\d+");
