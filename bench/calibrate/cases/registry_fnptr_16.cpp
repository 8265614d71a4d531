// case: map<string, function> of 16 function pointers
#include <functional>
#include <map>
#include <string>
int handler0() { return 0; }
int handler1() { return 1; }
int handler2() { return 2; }
int handler3() { return 3; }
int handler4() { return 4; }
int handler5() { return 5; }
int handler6() { return 6; }
int handler7() { return 7; }
int handler8() { return 8; }
int handler9() { return 9; }
int handler10() { return 10; }
int handler11() { return 11; }
int handler12() { return 12; }
int handler13() { return 13; }
int handler14() { return 14; }
int handler15() { return 15; }
std::map<std::string, std::function<int()>> g = {{"cmd00", &handler0}, {"cmd01", &handler1}, {"cmd02", &handler2}, {"cmd03", &handler3}, {"cmd04", &handler4}, {"cmd05", &handler5}, {"cmd06", &handler6}, {"cmd07", &handler7}, {"cmd08", &handler8}, {"cmd09", &handler9}, {"cmd10", &handler10}, {"cmd11", &handler11}, {"cmd12", &handler12}, {"cmd13", &handler13}, {"cmd14", &handler14}, {"cmd15", &handler15}};
