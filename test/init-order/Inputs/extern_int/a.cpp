// gA's initializer reads gB, dynamically initialized in b.cpp.
#include <cstdio>
extern int gB;
int gA = gB + 1;
int main() {
  if (gA != gB + 1)
    std::puts("fiasco: gB");
  std::printf("gA=%d\n", gA);
}
