// case: registrar: bool from registerHandler(name, lambda)
// quick
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
bool g = registerHandler("status", [] { return 0; });
