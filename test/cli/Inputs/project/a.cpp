#include "shared.h"
std::string gA = "a global of a.cpp, long enough to allocate";
