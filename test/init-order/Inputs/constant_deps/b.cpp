#include "deps.h"
const int kAnswer = 42;
constinit int gCounter = 2;
const Point kOrigin = {1, 2};
const std::string_view kName = "initscan";
const char *const kGreeting = "hello";
