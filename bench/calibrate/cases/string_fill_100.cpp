// case: std::string(100, 'x')
#include <string>
std::string g(100, 'x');
