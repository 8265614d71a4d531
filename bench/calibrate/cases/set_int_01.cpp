// case: std::set<int> of 1
#include <set>
std::set<int> g = {1};
