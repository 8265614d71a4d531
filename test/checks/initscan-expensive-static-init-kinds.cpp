// RUN: %check_clang_tidy -std c++17,c++20 %s initscan-expensive-static-init %t

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

// Static data members: out of line, inline, and of an instantiated template.
struct Registry {
  static std::map<int, std::string> Names;
  static inline std::string Default = "an inline static member that allocates";
};
// CHECK-MESSAGES: :[[@LINE-2]]:29: warning: 'Default' is initialized before main: {{.*}}1 allocation{{.*}} [initscan-expensive-static-init]
std::map<int, std::string> Registry::Names = {{1, "one"}, {2, "two"}};
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'Names' is initialized before main: {{.*}}2 allocations (2 std::map entries) [initscan-expensive-static-init]

template <typename T> struct Cache {
  static std::string Label;
};
template <typename T> std::string Cache<T>::Label = "cache label for a type";
std::string &intLabel() { return Cache<int>::Label; }
// CHECK-MESSAGES: :[[@LINE-2]]:45: warning: 'Label' is initialized before main: {{.*}} [initscan-expensive-static-init]

// A template nobody instantiates costs nothing.
template <typename T> struct Unused {
  static std::string Label;
};
template <typename T> std::string Unused<T>::Label = "never instantiated";

// Variable templates: each used specialization is its own initializer.
template <typename T> std::string TypeName = "type name of some type T";
std::string &names() { return TypeName<long>; }
// CHECK-MESSAGES: :[[@LINE-2]]:35: warning: 'TypeName<long>' is initialized before main: {{.*}} [initscan-expensive-static-init]

// Inline variables are initialized even when this TU does not use them.
inline std::string gInline = "inline variable that allocates too";
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'gInline' is initialized before main: {{.*}} [initscan-expensive-static-init]

// Lambdas stored in globals: the std::function is built before main.
std::function<int(int)> gTwice = [](int X) { return 2 * X; };
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'gTwice' is initialized before main: {{.*}} [initscan-expensive-static-init]
auto gPlain = [](int X) { return X; };

// References to other globals.
std::string gOwned = "owned";
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'gOwned' is initialized before main: {{.*}} [initscan-expensive-static-init]
std::string &gAlias = gOwned;
int gValue = 3;
int gCopy = gValue;
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'gCopy' is initialized before main: {{.*}} [initscan-expensive-static-init]

// Never diagnosed: constant initialization in all its forms.
constexpr int kSize = 4;
constexpr std::string_view kView = "view";
const char *const kLiteral = "literal";
struct Point { int X, Y; };
constexpr Point kOrigin = {0, 0};
const Point kUnit = {1, 1};
std::mutex gLock;
std::atomic<int> gHits{0};
int gZero;
#if __cplusplus > 201703L
constinit int gConstinit = 7;
#endif

// Never diagnosed: thread_local runs per thread on first use, not before main.
thread_local std::string tBuffer = "per-thread buffer, built on first use";

// Never diagnosed: function-local statics are built on first use.
std::string &lazyName() {
  static std::string Name = "lazy name, built on first use";
  return Name;
}

// Never diagnosed: only named in unevaluated operands.
extern std::string gDeclaredOnly;
constexpr auto kSizeOfString = sizeof(gDeclaredOnly);
