// case: class with a member class holding a map and a string
#include <map>
#include <string>
struct Inner { std::map<int, int> m{{1, 1}, {2, 2}}; std::string s = "a string longer than fifteen"; };
struct Outer { Inner a; Inner b; };
Outer g;
