// case: std::locale() (global copy)
#include <locale>
std::locale g;
