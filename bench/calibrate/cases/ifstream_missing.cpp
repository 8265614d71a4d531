// case: std::ifstream of a missing file
#include <fstream>
std::ifstream g("/nonexistent/initscan.cfg");
