// case: std::vector<std::string> of 1 short strings
#include <string>
#include <vector>
std::vector<std::string> g = {"abcdef00"};
