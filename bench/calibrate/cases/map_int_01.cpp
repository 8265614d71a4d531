// case: std::map<int,int> of 1
#include <map>
std::map<int, int> g = {{1, 0}};
