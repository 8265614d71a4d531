// case: map<string, function> of 4 lambdas capturing a long string
// quick
#include <functional>
#include <map>
#include <string>
std::map<std::string, std::function<int()>> g = {{"cmd00", [s = std::string("a-heap-allocated-capture-00")] { return (int)s.size(); }}, {"cmd01", [s = std::string("a-heap-allocated-capture-01")] { return (int)s.size(); }}, {"cmd02", [s = std::string("a-heap-allocated-capture-02")] { return (int)s.size(); }}, {"cmd03", [s = std::string("a-heap-allocated-capture-03")] { return (int)s.size(); }}};
