// case: loop inserting 16 entries into an unordered_map
#include <unordered_map>
struct M {
  std::unordered_map<int, int> m;
  M() { for (int i = 0; i < 16; ++i) m.emplace(i, i); }
};
M g;
