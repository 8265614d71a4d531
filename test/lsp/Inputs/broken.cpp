#include <string>
#include "missing_header.h"
const std::string kBeforeTheErrors = "a string long enough to be allocated";
undeclared_type gBroken = make();
const std::string kBrokenInit = undeclared_call();
int f() { return undeclared_call(1, 2); }
const std::string kAfterTheErrors = "another string long enough to allocate";
