// case: std::ios_base::Init object
// quick
#include <ios>
std::ios_base::Init g;
