// case: std::deque<int> of 4
#include <deque>
std::deque<int> g = {1, 8, 15, 22};
