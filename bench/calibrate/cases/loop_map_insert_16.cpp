// case: loop inserting 16 entries into a map
// quick
#include <map>
struct M {
  std::map<int, int> m;
  M() { for (int i = 0; i < 16; ++i) m.emplace(i, i); }
};
M g;
