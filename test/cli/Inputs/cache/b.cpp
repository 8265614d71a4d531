#include "other.h"
int gB = otherValue();
