// case: std::map<std::string,int> of 16
#include <map>
#include <string>
std::map<std::string, int> g = {{"abcdef00", 0}, {"abcdef01", 1}, {"abcdef02", 2}, {"abcdef03", 3}, {"abcdef04", 4}, {"abcdef05", 5}, {"abcdef06", 6}, {"abcdef07", 7}, {"abcdef08", 8}, {"abcdef09", 9}, {"abcdef10", 10}, {"abcdef11", 11}, {"abcdef12", 12}, {"abcdef13", 13}, {"abcdef14", 14}, {"abcdef15", 15}};
