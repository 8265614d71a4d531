// A reference bound at run time: using it reads it.
#include <cstdio>
#include <vector>
extern std::vector<int> &gItems;
std::size_t gCount = gItems.size();
int main() {
  if (gCount != gItems.size())
    std::puts("fiasco: gItems");
  std::printf("count=%zu\n", gCount);
}
