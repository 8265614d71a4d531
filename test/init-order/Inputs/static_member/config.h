#include <vector>
struct Config {
  static std::vector<int> Defaults;
};
