#include <string>
std::string gOther = std::string(20, 'o');
