// Same TU, defined before the reader: initialized first.
#include <cstdio>
#include <string>
std::string gBase = std::string(20, 'b');
std::size_t gLength = gBase.size();
int main() {
  if (gLength != gBase.size())
    std::puts("fiasco: gBase");
  std::printf("length=%zu\n", gLength);
}
