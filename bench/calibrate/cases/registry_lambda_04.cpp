// case: map<string, function> of 4 capture-less lambdas
// quick
#include <functional>
#include <map>
#include <string>
std::map<std::string, std::function<int()>> g = {{"cmd00", [] { return 0; }}, {"cmd01", [] { return 1; }}, {"cmd02", [] { return 2; }}, {"cmd03", [] { return 3; }}};
