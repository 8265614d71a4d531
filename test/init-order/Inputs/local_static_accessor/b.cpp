#include <vector>
std::vector<int> &items() {
  static std::vector<int> Items = {1, 2, 3};
  return Items;
}
std::vector<int> gOther = items();
