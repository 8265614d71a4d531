// case: std::unordered_map<std::string,int> of 4
#include <string>
#include <unordered_map>
std::unordered_map<std::string, int> g = {{"abcdef00", 0}, {"abcdef01", 1}, {"abcdef02", 2}, {"abcdef03", 3}};
