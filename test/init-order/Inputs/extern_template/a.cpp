// A class template's static member instantiated in another TU: ASan does not
// check template members, the value read shows the fiasco.
#include "holder.h"
#include <cstdio>
std::size_t gLength = Holder<int>::Value.size();
int main() {
  if (gLength != Holder<int>::Value.size())
    std::puts("fiasco: Holder<int>::Value");
  std::printf("length=%zu\n", gLength);
}
