// case: std::regex "[a-z]+"
#include <regex>
std::regex g("[a-z]+");
