#include "registry.h"
std::size_t gOtherCount = Registry<int>::Items.size();
