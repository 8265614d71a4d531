#include "shared.h"
int gC = 3;
