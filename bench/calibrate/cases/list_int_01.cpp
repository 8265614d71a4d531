// case: std::list<int> of 1
#include <list>
std::list<int> g = {1};
