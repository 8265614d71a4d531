// A member call on another TU's std::string: size() reads it.
#include <cstdio>
#include <string>
extern std::string gName;
std::size_t gLength = gName.size();
int main() {
  if (gLength != gName.size())
    std::puts("fiasco: gName");
  std::printf("length=%zu\n", gLength);
}
