// case: registrar object whose constructor registers 4 handlers
#include <functional>
#include <map>
#include <string>
static std::map<std::string, std::function<int()>> &registry() {
  static std::map<std::string, std::function<int()>> r;
  return r;
}
static bool registerHandler(const std::string &name, std::function<int()> fn) {
  registry().emplace(name, std::move(fn));
  return true;
}
struct Registrar {
  Registrar() {
    registerHandler("h0", [] { return 0; });
    registerHandler("h1", [] { return 1; });
    registerHandler("h2", [] { return 2; });
    registerHandler("h3", [] { return 3; });
  }
};
Registrar g;
