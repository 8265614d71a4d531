// case: class whose constructor calls a helper filling a map
// quick
#include <map>
#include <string>
static void fill(std::map<std::string, int> &m) {
  m.emplace("alpha", 1);
  m.emplace("beta", 2);
  m.emplace("gamma", 3);
  m.emplace("delta", 4);
}
struct Table {
  std::map<std::string, int> m;
  Table() { fill(m); }
};
Table g;
