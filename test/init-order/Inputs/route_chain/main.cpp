// The example: gRoutes -> RegisterRoute() [routes.cpp] -> reads
// gRouteTable [table.cpp], dynamically initialized.
#include "table.h"
#include <cstdio>
bool gRoutes = RegisterRoute("/home");
int main() {
  if (gRouteTable.size() != 2)
    std::puts("fiasco: gRouteTable");
  std::printf("routes=%zu\n", gRouteTable.size());
}
