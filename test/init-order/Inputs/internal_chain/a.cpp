// Through two functions of b.cpp to a global with internal linkage there.
#include <cstdio>
int total();
int gTotal = total();
int main() {
  if (gTotal != total())
    std::puts("fiasco: gItems");
  std::printf("total=%d\n", gTotal);
}
