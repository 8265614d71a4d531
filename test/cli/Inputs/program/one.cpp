#include "registry.h"
#include <regex>
static Registrar reg_one("one", [] { return 1; });
std::vector<std::string> g_one = {"alpha", "beta", "gamma", "a longer string that allocates"};
