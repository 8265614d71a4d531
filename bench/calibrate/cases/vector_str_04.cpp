// case: std::vector<std::string> of 4 short strings
// quick
#include <string>
#include <vector>
std::vector<std::string> g = {"abcdef00", "abcdef01", "abcdef02", "abcdef03"};
