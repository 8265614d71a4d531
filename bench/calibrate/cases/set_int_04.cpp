// case: std::set<int> of 4
#include <set>
std::set<int> g = {1, 8, 15, 22};
