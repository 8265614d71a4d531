// case: std::regex "get|put|post|delete|head|options|patch|trace"
#include <regex>
std::regex g("get|put|post|delete|head|options|patch|trace");
