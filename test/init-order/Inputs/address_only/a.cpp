// Taking addresses and binding references read nothing.
#include <cstdio>
#include <string>
#include <vector>
extern std::vector<int> gItems;
struct Registrar {
  Registrar(const std::vector<int> *Items, const char *Name)
      : Items(Items), Name(Name) {}
  const std::vector<int> *Items;
  std::string Name;
};
Registrar gRegistrar(&gItems, "items");
struct View {
  std::vector<int> &Items;
  std::string Name;
};
View gView{gItems, "view"};
int main() {
  if (gRegistrar.Items->size() != 3 || gView.Items.size() != 3)
    std::puts("fiasco: gItems");
  std::printf("items=%zu\n", gView.Items.size());
}
