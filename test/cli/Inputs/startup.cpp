#include <regex>
#include <string>

const std::regex kPattern("[a-z]+@[a-z]+\\.com");
const std::string kShort = "abc";
constexpr int kLimit = 3;

int compute();
int gComputed = compute();

bool matches(const std::string &s) { return std::regex_match(s, kPattern); }
const int *limitAddress() { return &kLimit; }
