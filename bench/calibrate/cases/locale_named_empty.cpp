// case: std::locale("") (environment)
#include <locale>
std::locale g("");
