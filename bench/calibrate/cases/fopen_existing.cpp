// case: fopen of an existing file
#include <cstdio>
FILE *g = std::fopen("/etc/passwd", "r");
