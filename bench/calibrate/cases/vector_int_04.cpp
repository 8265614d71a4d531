// case: std::vector<int> of 4
// quick
#include <vector>
std::vector<int> g = {1, 8, 15, 22};
