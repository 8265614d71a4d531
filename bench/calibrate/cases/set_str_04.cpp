// case: std::set<std::string> of 4
#include <set>
#include <string>
std::set<std::string> g = {"abcdef00", "abcdef01", "abcdef02", "abcdef03"};
