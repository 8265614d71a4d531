#include "config.h"
#include <cstdio>
std::size_t gCount = Config::Defaults.size();
int main() {
  if (gCount != Config::Defaults.size())
    std::puts("fiasco: Config::Defaults");
  std::printf("count=%zu\n", gCount);
}
