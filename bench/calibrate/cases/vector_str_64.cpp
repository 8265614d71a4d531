// case: std::vector<std::string> of 64 short strings
// quick
#include <string>
#include <vector>
std::vector<std::string> g = {"abcdef00", "abcdef01", "abcdef02", "abcdef03", "abcdef04", "abcdef05", "abcdef06", "abcdef07", "abcdef08", "abcdef09", "abcdef10", "abcdef11", "abcdef12", "abcdef13", "abcdef14", "abcdef15", "abcdef16", "abcdef17", "abcdef18", "abcdef19", "abcdef20", "abcdef21", "abcdef22", "abcdef23", "abcdef24", "abcdef25", "abcdef26", "abcdef27", "abcdef28", "abcdef29", "abcdef30", "abcdef31", "abcdef32", "abcdef33", "abcdef34", "abcdef35", "abcdef36", "abcdef37", "abcdef38", "abcdef39", "abcdef40", "abcdef41", "abcdef42", "abcdef43", "abcdef44", "abcdef45", "abcdef46", "abcdef47", "abcdef48", "abcdef49", "abcdef50", "abcdef51", "abcdef52", "abcdef53", "abcdef54", "abcdef55", "abcdef56", "abcdef57", "abcdef58", "abcdef59", "abcdef60", "abcdef61", "abcdef62", "abcdef63"};
