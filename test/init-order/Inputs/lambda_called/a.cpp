// An immediately invoked lambda runs during initialization.
#include <cstdio>
extern int gB;
int gA = [] { return gB * 2; }();
int main() {
  if (gA != gB * 2)
    std::puts("fiasco: gB");
  std::printf("gA=%d\n", gA);
}
