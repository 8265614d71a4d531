#include <string>
#include <vector>
extern std::vector<std::string> gRouteTable;
bool RegisterRoute(const char *Path);
