#include "config.h"
std::vector<int> Config::Defaults = {1, 2, 3};
