// case: std::ifstream of an existing file
// quick
#include <fstream>
std::ifstream g("/etc/passwd");
