// case: std::regex abc, icase
#include <regex>
std::regex g("abc", std::regex::icase);
