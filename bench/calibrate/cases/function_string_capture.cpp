// case: std::function from a lambda capturing a short std::string
#include <functional>
#include <string>
std::function<int()> g = [s = std::string("abc")] { return (int)s.size(); };
