// case: std::function from a capture-less lambda
// quick
#include <functional>
std::function<int()> g = [] { return 1; };
