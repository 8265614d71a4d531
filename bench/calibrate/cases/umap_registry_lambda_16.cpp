// case: unordered_map<string, function> of 16 capture-less lambdas
#include <functional>
#include <string>
#include <unordered_map>
std::unordered_map<std::string, std::function<int()>> g = {{"cmd00", [] { return 0; }}, {"cmd01", [] { return 1; }}, {"cmd02", [] { return 2; }}, {"cmd03", [] { return 3; }}, {"cmd04", [] { return 4; }}, {"cmd05", [] { return 5; }}, {"cmd06", [] { return 6; }}, {"cmd07", [] { return 7; }}, {"cmd08", [] { return 8; }}, {"cmd09", [] { return 9; }}, {"cmd10", [] { return 10; }}, {"cmd11", [] { return 11; }}, {"cmd12", [] { return 12; }}, {"cmd13", [] { return 13; }}, {"cmd14", [] { return 14; }}, {"cmd15", [] { return 15; }}};
