#include "registry.h"
#include <regex>
static Registrar reg_three("three", [] { return 1; });
std::vector<std::string> g_three = {"alpha", "beta", "gamma", "a longer string that allocates"};
