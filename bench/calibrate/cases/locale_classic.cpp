// case: std::locale copy of classic()
// quick
#include <locale>
std::locale g = std::locale::classic();
