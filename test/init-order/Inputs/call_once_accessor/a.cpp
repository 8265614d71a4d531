// The dependency is built under std::call_once; the once_flag and the pointer
// are constant-initialized.
#include <cstdio>
#include <vector>
std::vector<int> &table();
std::size_t gCount = table().size();
int main() {
  if (gCount != 4)
    std::puts("fiasco: table");
  std::printf("count=%zu\n", gCount);
}
