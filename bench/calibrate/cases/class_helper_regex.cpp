// case: class whose constructor compiles a regex through a helper
#include <regex>
#include <string>
static std::regex compile(const char *p) { return std::regex(p); }
struct Validator {
  std::regex r;
  Validator() : r(compile("[a-z]+[0-9]*")) {}
};
Validator g;
