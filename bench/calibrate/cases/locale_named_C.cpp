// case: std::locale("C")
// quick
#include <locale>
std::locale g("C");
