#include "shared.h"
int gA = sharedValue() + 1;
