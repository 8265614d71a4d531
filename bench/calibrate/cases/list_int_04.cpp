// case: std::list<int> of 4
#include <list>
std::list<int> g = {1, 8, 15, 22};
