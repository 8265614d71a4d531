// case: loop inserting 64 entries into a map
#include <map>
struct M {
  std::map<int, int> m;
  M() { for (int i = 0; i < 64; ++i) m.emplace(i, i); }
};
M g;
