#include "registry.h"
std::map<std::string, std::function<int()>> &handlers() {
  static std::map<std::string, std::function<int()>> instance;
  return instance;
}
Registrar::Registrar(const char *name, std::function<int()> fn) {
  handlers().emplace(name, std::move(fn));
}
