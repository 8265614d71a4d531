// case: std::unordered_map<std::string,int> of 1
#include <string>
#include <unordered_map>
std::unordered_map<std::string, int> g = {{"abcdef00", 0}};
