// case: class whose constructor builds a vector of 8 ints
#include <vector>
struct Holder {
  std::vector<int> v;
  Holder() : v{1, 2, 3, 4, 5, 6, 7, 8} {}
};
Holder g;
