// case: std::function from a function pointer
#include <functional>
int f() { return 1; }
std::function<int()> g = &f;
