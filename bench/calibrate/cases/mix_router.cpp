// case: router: vector of route structs with strings and functions
// quick
#include <functional>
#include <string>
#include <vector>
struct Route { std::string path; std::function<int()> fn; };
std::vector<Route> g = {{"/api/v1/resource0", [] { return 0; }}, {"/api/v1/resource1", [] { return 1; }}, {"/api/v1/resource2", [] { return 2; }}, {"/api/v1/resource3", [] { return 3; }}, {"/api/v1/resource4", [] { return 4; }}, {"/api/v1/resource5", [] { return 5; }}};
