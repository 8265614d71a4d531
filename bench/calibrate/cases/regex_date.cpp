// case: std::regex "(\\d{4})-(\\d{2})-(\\d{2})"
#include <regex>
std::regex g("(\\d{4})-(\\d{2})-(\\d{2})");
