// The lambda reading gB is stored during initialization, called from main.
#include <cstdio>
#include <functional>
extern int gB;
std::function<int()> gGetB = [] { return gB; };
int main() {
  if (gGetB() != 41)
    std::puts("fiasco: gB");
  std::printf("b=%d\n", gGetB());
}
