// RUN: %check_clang_tidy %s initscan-expensive-static-init %t
// RUN: %check_clang_tidy -std c++20 %s initscan-expensive-static-init %t

#include <memory>
#include <regex>
#include <string>
#include <string_view>

// Expensive: compiling a regular expression before main.
const std::regex kPattern("([a-z]+)@([a-z]+)\\.(com|org|net)");
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'kPattern' is initialized before main: {{.*}} [initscan-expensive-static-init]

namespace config {
std::regex gValidator("^[A-Z][a-z]*( [A-Z][a-z]*)*$", std::regex::icase);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'gValidator' is initialized before main: {{.*}} [initscan-expensive-static-init]
} // namespace config

struct Router {
  static const std::regex kRoute;
};
const std::regex Router::kRoute("/users/([0-9]+)/posts/([0-9]+)");
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'kRoute' is initialized before main: {{.*}} [initscan-expensive-static-init]

// Not diagnosed: constant initialization costs nothing at start-up.
constexpr int kLimit = 64;
constexpr std::string_view kName = "initscan";
const char *const kGreeting = "hello";
int gCounter = 0;

// Not diagnosed: function-local statics run on first use, not before main.
const std::regex &lazyPattern() {
  static const std::regex Pattern("[0-9]+(\\.[0-9]+)*");
  return Pattern;
}

// Cheap, but still code before main (the default MinCost is 0).
int gTwice = kLimit * 2 + gCounter;
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'gTwice' is initialized before main: {{.*}} [initscan-expensive-static-init]

// Constant initialization, but a destructor registered at exit.
std::unique_ptr<int> gOwner;
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'gOwner' registers a destructor at exit: {{.*}} [initscan-expensive-static-init]
