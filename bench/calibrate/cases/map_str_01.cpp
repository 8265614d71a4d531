// case: std::map<std::string,int> of 1
#include <map>
#include <string>
std::map<std::string, int> g = {{"abcdef00", 0}};
