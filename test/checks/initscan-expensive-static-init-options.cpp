// RUN: %check_clang_tidy %s initscan-expensive-static-init %t -- \
// RUN:   --config="{CheckOptions: [{key: initscan-expensive-static-init.MinCost, value: '10k'}]}"
// RUN: %check_clang_tidy -check-suffix=NODTOR %s initscan-expensive-static-init %t -- \
// RUN:   --config="{CheckOptions: [{key: initscan-expensive-static-init.ReportDestructorOnly, value: false}]}"
// RUN: %check_clang_tidy -check-suffix=BAD %s initscan-expensive-static-init %t -- \
// RUN:   --config="{CheckOptions: [{key: initscan-expensive-static-init.MinCost, value: 'lots'}]}"

// clang-tidy prints configuration problems first. An invalid value is reported the way clang-tidy reports its own, and the
// default (report everything) stays in force.
// CHECK-MESSAGES-BAD: warning: invalid MinCost 'lots' for check 'initscan-expensive-static-init': expected a number of instructions such as 5000, 10k or 2M [clang-tidy-config]

#include <memory>
#include <regex>
#include <string>

const std::regex kPattern("[a-z]+@[a-z]+\\.com");
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'kPattern' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-MESSAGES-NODTOR: :[[@LINE-2]]:18: warning: 'kPattern' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-MESSAGES-BAD: :[[@LINE-3]]:18: warning: 'kPattern' is initialized before main: {{.*}} [initscan-expensive-static-init]

int compute();
int gCheap = compute();
// CHECK-MESSAGES-NODTOR: :[[@LINE-1]]:5: warning: 'gCheap' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-MESSAGES-BAD: :[[@LINE-2]]:5: warning: 'gCheap' is initialized before main: {{.*}} [initscan-expensive-static-init]

std::unique_ptr<int> gOwner;
// CHECK-MESSAGES-BAD: :[[@LINE-1]]:22: warning: 'gOwner' registers a destructor at exit: {{.*}} [initscan-expensive-static-init]

