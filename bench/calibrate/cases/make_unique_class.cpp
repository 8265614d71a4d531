// case: std::make_unique of a class holding a long string
#include <memory>
#include <string>
struct Holder { std::string s; Holder() : s("a string longer than the small buffer") {} };
std::unique_ptr<Holder> g = std::make_unique<Holder>();
