#include <vector>
static std::vector<int> gItems = {1, 2, 3};
static int sum() {
  int S = 0;
  for (int I : gItems)
    S += I;
  return S;
}
int total() { return sum(); }
