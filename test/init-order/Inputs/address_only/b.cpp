#include <vector>
std::vector<int> gItems = {1, 2, 3};
