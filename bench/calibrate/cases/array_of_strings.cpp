// case: array of 8 long std::string
#include <string>
std::string g[8] = {"element number 0 of a long array", "element number 1 of a long array", "element number 2 of a long array", "element number 3 of a long array", "element number 4 of a long array", "element number 5 of a long array", "element number 6 of a long array", "element number 7 of a long array"};
