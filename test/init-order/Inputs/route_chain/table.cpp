#include "table.h"
std::vector<std::string> gRouteTable = {"/"};
