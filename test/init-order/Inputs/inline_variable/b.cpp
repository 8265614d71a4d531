#include "inline.h"
std::size_t gOtherCount = gShared.size() + 1;
