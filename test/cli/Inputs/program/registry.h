#include <functional>
#include <map>
#include <string>
std::map<std::string, std::function<int()>> &handlers();
struct Registrar {
  Registrar(const char *name, std::function<int()> fn);
};
// Internal linkage: every including TU builds its own copy before main.
static const std::string kBanner = "a banner string long enough to allocate";
