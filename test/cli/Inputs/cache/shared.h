// Included by a.cpp and c.cpp, not b.cpp.
int sharedValue();
static int gShared = sharedValue();
