// case: std::unordered_map<int,int> of 1
#include <unordered_map>
std::unordered_map<int, int> g = {{1, 0}};
