// case: std::deque<int> of 16
#include <deque>
std::deque<int> g = {1, 8, 15, 22, 29, 36, 43, 50, 57, 64, 71, 78, 85, 92, 99, 106};
