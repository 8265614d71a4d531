#include "shared.h"
int gB = 42;
