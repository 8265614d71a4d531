// Construct on first use: the dependency is a function-local static.
#include <cstdio>
#include <vector>
std::vector<int> &items();
std::size_t gCount = items().size();
int main() {
  if (gCount != 3)
    std::puts("fiasco: items");
  std::printf("count=%zu\n", gCount);
}
