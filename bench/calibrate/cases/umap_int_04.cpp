// case: std::unordered_map<int,int> of 4
// quick
#include <unordered_map>
std::unordered_map<int, int> g = {{1, 0}, {8, 1}, {15, 2}, {22, 3}};
