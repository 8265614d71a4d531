// Copying a std::string runs inside libstdc++'s compiled code (extern
// template): ASan may not see it, the value read shows it.
#include <cstdio>
#include <string>
extern const std::string kPrefix;
std::string gUrl = kPrefix + "/index";
int main() {
  if (gUrl != kPrefix + "/index")
    std::puts("fiasco: kPrefix");
  std::printf("url=%s\n", gUrl.c_str());
}
