// Implicitly instantiated here too: this TU initializes its own copy first
// (guarded), whatever the link order.
#include "registry.h"
#include <cstdio>
std::size_t gCount = Registry<int>::Items.size();
int main() {
  if (gCount != 2)
    std::puts("fiasco: Registry<int>::Items");
  std::printf("count=%zu\n", gCount);
}
