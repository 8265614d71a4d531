// Every dependency is constant-initialized: before any dynamic initializer.
#include "deps.h"
#include <cstdio>
#include <string>
std::string gText = std::string(kName) + kGreeting +
                    std::to_string(kAnswer + gCounter + kOrigin.X + kOrigin.Y);
int main() {
  if (gText != "initscanhello47")
    std::puts("fiasco: constant");
  std::printf("text=%s\n", gText.c_str());
}
