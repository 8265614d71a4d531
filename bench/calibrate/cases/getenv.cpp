// case: getenv
// quick
#include <cstdlib>
const char *g = std::getenv("INITSCAN_CALIBRATE");
