// case: std::string from operator+ of two literals
#include <string>
std::string g = std::string("config/") + "service.json";
