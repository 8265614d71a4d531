// case: std::function from a lambda capturing 64 bytes
// quick
#include <functional>
struct Big { long v[8]; };
Big big{{1, 2, 3, 4, 5, 6, 7, 8}};
std::function<long()> g = [b = big] { return b.v[0] + b.v[7]; };
