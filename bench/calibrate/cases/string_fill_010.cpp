// case: std::string(10, 'x')
#include <string>
std::string g(10, 'x');
