// case: class with three string members (one long)
// quick
#include <string>
struct Names {
  std::string a = "short";
  std::string b = "another";
  std::string c = "this one is longer than any small buffer";
};
Names g;
