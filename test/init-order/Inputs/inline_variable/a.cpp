#include "inline.h"
#include <cstdio>
std::size_t gCount = gShared.size();
int main() {
  if (gCount != 3)
    std::puts("fiasco: gShared");
  std::printf("count=%zu\n", gCount);
}
