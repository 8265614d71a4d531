#include <mutex>
#include <vector>
static std::once_flag gOnce;
static std::vector<int> *gTable;
std::vector<int> &table() {
  std::call_once(gOnce, [] { gTable = new std::vector<int>{1, 2, 3, 4}; });
  return *gTable;
}
std::vector<int> gCopy = table();
