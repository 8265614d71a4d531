// case: map<string, function> of 4 function pointers
#include <functional>
#include <map>
#include <string>
int handler0() { return 0; }
int handler1() { return 1; }
int handler2() { return 2; }
int handler3() { return 3; }
std::map<std::string, std::function<int()>> g = {{"cmd00", &handler0}, {"cmd01", &handler1}, {"cmd02", &handler2}, {"cmd03", &handler3}};
