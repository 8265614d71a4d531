// case: std::deque<int> of 1
#include <deque>
std::deque<int> g = {1};
