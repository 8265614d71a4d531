// Same TU: gLater is defined (and so initialized) after gEarly reads it.
#include <cstdio>
static int seed() { return 41; }
extern int gLater;
int gEarly = gLater + 1;
int gLater = seed();
int main() {
  if (gEarly != gLater + 1)
    std::puts("fiasco: gLater");
  std::printf("gEarly=%d\n", gEarly);
}
