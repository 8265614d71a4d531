// case: std::set<std::string> of 1
#include <set>
#include <string>
std::set<std::string> g = {"abcdef00"};
