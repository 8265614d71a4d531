#include <string>
std::string gName = std::string(40, 'n');
