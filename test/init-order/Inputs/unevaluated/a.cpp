// sizeof, decltype and noexcept do not evaluate their operands.
#include <cstdio>
#include <string>
#include <vector>
extern std::vector<int> gItems;
std::string gText = std::string(sizeof(gItems) / sizeof(int), 'x') +
                    (noexcept(gItems.size()) ? "n" : "") +
                    std::to_string(sizeof(decltype(gItems.front())));
int main() {
  std::printf("text=%s\n", gText.c_str());
}
