#include <vector>
std::vector<int> &gItems = *new std::vector<int>{1, 2, 3};
