// case: std::map<std::string,int> of 4
// quick
#include <map>
#include <string>
std::map<std::string, int> g = {{"abcdef00", 0}, {"abcdef01", 1}, {"abcdef02", 2}, {"abcdef03", 3}};
