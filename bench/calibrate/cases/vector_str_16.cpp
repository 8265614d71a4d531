// case: std::vector<std::string> of 16 short strings
#include <string>
#include <vector>
std::vector<std::string> g = {"abcdef00", "abcdef01", "abcdef02", "abcdef03", "abcdef04", "abcdef05", "abcdef06", "abcdef07", "abcdef08", "abcdef09", "abcdef10", "abcdef11", "abcdef12", "abcdef13", "abcdef14", "abcdef15"};
