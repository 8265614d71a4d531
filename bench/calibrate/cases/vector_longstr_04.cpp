// case: std::vector<std::string> of 4 40-char strings
#include <string>
#include <vector>
std::vector<std::string> g = {"abcdefghijklmnopqrstuvwxyzabcdefghijklmn00", "abcdefghijklmnopqrstuvwxyzabcdefghijklmn01", "abcdefghijklmnopqrstuvwxyzabcdefghijklmn02", "abcdefghijklmnopqrstuvwxyzabcdefghijklmn03"};
