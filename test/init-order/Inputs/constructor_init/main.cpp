// gLogger's constructor (logger.cpp) reads gDefaultLevel (level.cpp) in its
// member initializer list.
#include "logger.h"
#include <cstdio>
Logger gLogger;
int main() {
  if (gLogger.Level != gDefaultLevel)
    std::puts("fiasco: gDefaultLevel");
  std::printf("level=%d\n", gLogger.Level);
}
