// case: std::vector<int> of 1
#include <vector>
std::vector<int> g = {1};
