// case: std::map<int,int> of 4
// quick
#include <map>
std::map<int, int> g = {{1, 0}, {8, 1}, {15, 2}, {22, 3}};
