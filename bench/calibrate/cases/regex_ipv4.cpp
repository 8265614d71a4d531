// case: std::regex "(\\d{1,3}\\.){3}\\d{1,3}"
// quick
#include <regex>
std::regex g("(\\d{1,3}\\.){3}\\d{1,3}");
