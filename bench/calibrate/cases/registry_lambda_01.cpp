// case: map<string, function> of 1 capture-less lambdas
#include <functional>
#include <map>
#include <string>
std::map<std::string, std::function<int()>> g = {{"cmd00", [] { return 0; }}};
