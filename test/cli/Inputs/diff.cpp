// Two versions of one file: -DBASE is the base branch, without it the change.
#include <map>
#include <string>
#include <vector>

std::vector<int> gKept = {1, 2, 3};
#ifdef BASE
std::string gRemoved(100, 'x');
std::map<int, int> gGrows = {{1, 1}};
#else
std::map<int, int> gGrows = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
std::vector<std::string> gAdded = {"a string too long for the small buffer"};
#endif
