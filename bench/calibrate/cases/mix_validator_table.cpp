// case: map from names to regex patterns as strings (no compile)
#include <map>
#include <string>
std::map<std::string, std::string> g = {{"field0", "^[a-z0-9_-]{1,10}$"}, {"field1", "^[a-z0-9_-]{1,11}$"}, {"field2", "^[a-z0-9_-]{1,12}$"}, {"field3", "^[a-z0-9_-]{1,13}$"}, {"field4", "^[a-z0-9_-]{1,14}$"}, {"field5", "^[a-z0-9_-]{1,15}$"}, {"field6", "^[a-z0-9_-]{1,16}$"}, {"field7", "^[a-z0-9_-]{1,17}$"}};
