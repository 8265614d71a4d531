#include "table.h"
bool RegisterRoute(const char *Path) {
  gRouteTable.push_back(Path);
  return true;
}
