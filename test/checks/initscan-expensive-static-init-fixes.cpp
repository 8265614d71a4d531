// RUN: %check_clang_tidy -std c++17,c++20 %s initscan-expensive-static-init %t -- --header-filter=.*

#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include "Inputs/expensive-static-init/names.h"

void takeView(std::string_view);
void takeString(const std::string &);

// Every use works with a std::string_view: the fix-it is applied.
const std::string kGreeting = "hello, world";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'kGreeting' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-FIXES: constexpr std::string_view kGreeting = "hello, world";
static const std::string kPrefix = "service-prefix-that-allocates";
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'kPrefix' is initialized before main: ~{{[0-9]+}} instructions, 1 allocation (std::string of 29 chars (heap)) [initscan-expensive-static-init]
// CHECK-FIXES: static constexpr std::string_view kPrefix = "service-prefix-that-allocates";

bool useViews(const std::string &s) {
  takeView(kGreeting);
  std::cout << kPrefix << kGreeting.size();
  return s == kPrefix || kGreeting.empty() || kPrefix[0] == 's';
}

// Passed to a const std::string&: a string_view would not convert. No fix-it.
const std::string kNeedsString = "needs a real string";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'kNeedsString' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-FIXES: const std::string kNeedsString = "needs a real string";
void useString() { takeString(kNeedsString); }

// c_str() has no string_view twin. No fix-it.
const std::string kPath = "/etc/service.conf";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'kPath' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-FIXES: const std::string kPath = "/etc/service.conf";
const char *path() { return kPath.c_str(); }

// Used as a map key: operator[] of the map, not of the string. No fix-it.
std::map<std::string, int> gCounts;
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'gCounts' is initialized before main: {{.*}} [initscan-expensive-static-init]
const std::string kKey = "requests";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'kKey' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-FIXES: const std::string kKey = "requests";
int requests() { return gCounts[kKey]; }

// Two declarators share the type: replacing it would change both. No fix-it.
const std::string kFirst = "first", kSecond = "second";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'kFirst' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-MESSAGES: :[[@LINE-2]]:37: warning: 'kSecond' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-FIXES: const std::string kFirst = "first", kSecond = "second";
bool firstAndSecond() { return kFirst.size() < kSecond.size(); }

// Externally visible: other TUs may use it as a std::string. No fix-it.
extern const std::string kExported;
const std::string kExported = "exported";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'kExported' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-FIXES: const std::string kExported = "exported";

// Declared by a macro: no fix-it inside macros.
#define DECLARE_NAME(name, text) const std::string name = text;
DECLARE_NAME(kFromMacro, "from a macro")
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'kFromMacro' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-FIXES: DECLARE_NAME(kFromMacro, "from a macro")

// Not a string literal: the lazy accessor is suggested, as text.
std::string makeName();
const std::string kComputed = makeName();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'kComputed' is initialized before main: {{.*}}1 unseen call (call to makeName) [initscan-expensive-static-init]
// CHECK-FIXES: const std::string kComputed = makeName();

// Used unsafely by a project header included after it: the uses are searched
// in every file but the system headers. No fix-it.
const std::string kUsedByHeader = "used by a header included later";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'kUsedByHeader' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-FIXES: const std::string kUsedByHeader = "used by a header included later";
#include "Inputs/expensive-static-init/uses-later.h"

// clang-tidy prints the header's diagnostic after the main file's.
// CHECK-MESSAGES: names.h:4:19: warning: 'kHeaderName' is initialized before main: {{.*}}1 allocation{{.*}} [initscan-expensive-static-init]
