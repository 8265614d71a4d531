#include "registry.h"
#include <regex>
static Registrar reg_two("two", [] { return 1; });
std::vector<std::string> g_two = {"alpha", "beta", "gamma", "a longer string that allocates"};
const std::regex kHeavy("[a-z]+(@[a-z]+)*\\.com");
