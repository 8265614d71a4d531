#include "logger.h"
#include <cstdlib>
int gDefaultLevel = std::atoi("3");
