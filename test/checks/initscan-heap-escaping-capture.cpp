// RUN: %check_clang_tidy -std c++17,c++20 -check-suffixes=,STDCXX %s initscan-heap-escaping-capture %t
// RUN: %check_clang_tidy -std c++2b -check-suffixes=,STDCXX,CXX23 %s initscan-heap-escaping-capture %t
// RUN: %check_clang_tidy -check-suffixes=,STDCXX,ANY %s initscan-heap-escaping-capture %t -- -config="{CheckOptions: [{key: initscan-heap-escaping-capture.StaticInitOnly, value: false}]}"
// The LIBCXX lines run from initscan-heap-escaping-capture-libcxx.cpp.

// CHECK-* lines without a suffix hold in every run (libstdc++ and libc++);
// STDCXX: libstdc++ (std::string is 32 bytes, std::function keeps only
// trivially copyable callables of up to 16 bytes); LIBCXX: libc++ (24-byte
// std::string, 24-byte buffer for nothrow-copyable callables); CXX23:
// std::move_only_function; ANY: StaticInitOnly=false.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct Options {
  int Retries;
  int TimeoutMs;
  long Limits[4];
};

struct Request {
  std::string Path;
};
using Handler = std::function<std::string(const Request &)>;

const std::string kServiceName = "inventory-service-backend";
Options gOptions = {3, 250, {1, 2, 3, 4}};

//===--- Hooks vector: each element is built, then copied out of the list ---===//

std::vector<std::function<void()>> gShutdownHooks = {
    [Service = kServiceName, Opts = Options{3, 250, {}}] { (void)Service; (void)Opts; },
    // CHECK-MESSAGES-STDCXX: :[[@LINE-1]]:5: warning: lambda capturing 'Service' (std::string, 32 bytes) and 'Opts' (Options, 40 bytes) is 72 bytes, over std::function's 16-byte small buffer in libstdc++: each construction allocates (during static initialization of 'gShutdownHooks'): ~{{[0-9]+}} instructions, 2 allocations (built in the initializer_list, then copied into the container) [initscan-heap-escaping-capture]
    // CHECK-MESSAGES-LIBCXX: :[[@LINE-2]]:5: warning: lambda capturing 'Service' (std::string, 24 bytes) and 'Opts' (Options, 40 bytes) is 64 bytes, over std::function's 24-byte small buffer in libc++: each construction allocates (during static initialization of 'gShutdownHooks'): ~{{[0-9]+}} instructions, 2 allocations (built in the initializer_list, then copied into the container) [initscan-heap-escaping-capture]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: use 'kServiceName' directly instead of copying it into 'Service' (a global needs no capture); or keep bulky state in one long-lived object and capture a pointer to it; a function pointer or a template parameter instead of std::function avoids the allocation
    [Owner = std::string("inventory-platform@example.com")] { (void)Owner; },
    // CHECK-MESSAGES-STDCXX: :[[@LINE-1]]:5: warning: lambda capturing 'Owner' (std::string, 32 bytes) is 32 bytes, over std::function's 16-byte small buffer in libstdc++: each construction allocates (during static initialization of 'gShutdownHooks'): {{.*}}, 2 allocations {{.*}}
    // CHECK-MESSAGES-LIBCXX: :[[@LINE-2]]:5: warning: lambda capturing 'Owner' (std::string, 24 bytes) is 24 bytes but its copy constructor may throw, which keeps it out of std::function's 24-byte small buffer in libc++: each construction allocates (during static initialization of 'gShutdownHooks'): {{.*}}, 2 allocations {{.*}}
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: capture 'Owner' as a std::string_view of the literal; or {{.*}}
    // Silent: no captures, one pointer, two ints.
    [] {},
    [Opts = &gOptions] { (void)Opts; },
    [Retries = 3, TimeoutMs = 250] { (void)Retries; (void)TimeoutMs; },
};

//===--- Registrations through a macro, with handlers from other TUs ---===//

struct Registrar {
  Registrar(const char *Name, Handler H); // Defined in another TU.
};
#define REGISTER_HANDLER(name, ...) static Registrar registrar_##name(#name, __VA_ARGS__);

std::string handleHealth(const Request &); // Defined in another TU.
Handler makeAdminHandler();                 // Defined in another TU.

REGISTER_HANDLER(audit, [Tag = std::string("audit-log-handler")](const Request &R) { return Tag + R.Path; })
// CHECK-MESSAGES-STDCXX: :[[@LINE-1]]:25: warning: lambda capturing 'Tag' (std::string, 32 bytes) is 32 bytes, over std::function's 16-byte small buffer in libstdc++: each construction allocates (during static initialization of 'registrar_audit'): ~{{[0-9]+}} instructions, 1 allocation [initscan-heap-escaping-capture]
// CHECK-MESSAGES-LIBCXX: :[[@LINE-2]]:25: warning: lambda capturing 'Tag' (std::string, 24 bytes) is 24 bytes but its copy constructor may throw, {{.*}} (during static initialization of 'registrar_audit'): ~{{[0-9]+}} instructions, 1 allocation [initscan-heap-escaping-capture]
// Silent: capture-less lambda, function, wrapper built in another TU.
REGISTER_HANDLER(ping, [](const Request &) { return std::string("pong"); })
REGISTER_HANDLER(health, &handleHealth)
REGISTER_HANDLER(admin, makeAdminHandler())

std::map<std::string, Handler> gRoutes = {
    {"version", [Version = std::string("1.2.3")](const Request &) { return Version; }},
    // CHECK-MESSAGES-STDCXX: :[[@LINE-1]]:17: warning: lambda capturing 'Version' (std::string, 32 bytes) is 32 bytes, over std::function's 16-byte small buffer in libstdc++: each construction allocates (during static initialization of 'gRoutes'): {{.*}}, 2 allocations {{.*}}
    // CHECK-MESSAGES-LIBCXX: :[[@LINE-2]]:17: warning: lambda capturing 'Version' (std::string, 24 bytes) {{.*}} (during static initialization of 'gRoutes'): {{.*}}, 2 allocations {{.*}}
    {"health", handleHealth},
};

//===--- Built in a function the initializer calls ---===//

struct HookRegistry {
  void add(std::function<void()> Hook) { Hooks.push_back(std::move(Hook)); }
  template <typename F> void addCallable(F Fn) { Hooks.push_back(std::function<void()>(Fn)); }
  std::vector<std::function<void()>> Hooks;
};
HookRegistry &hookRegistry() {
  static HookRegistry Registry;
  return Registry;
}

void installDefaultHooks() {
  std::string Banner = "starting inventory service";
  hookRegistry().add([Banner] { (void)Banner; });
  // CHECK-MESSAGES-STDCXX: :[[@LINE-1]]:22: warning: lambda capturing 'Banner' (std::string, 32 bytes) is 32 bytes, over std::function's 16-byte small buffer in libstdc++: each construction allocates (during static initialization of 'gInstalled' via installDefaultHooks): ~{{[0-9]+}} instructions, 1 allocation [initscan-heap-escaping-capture]
  // CHECK-MESSAGES-LIBCXX: :[[@LINE-2]]:22: warning: lambda capturing 'Banner' (std::string, 24 bytes) {{.*}} (during static initialization of 'gInstalled' via installDefaultHooks): {{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: make 'Banner' a std::string_view (it holds a literal); or {{.*}}
  std::string Name = kServiceName;
  hookRegistry().addCallable([Name, Opts = gOptions] { (void)Name; (void)Opts; });
  // CHECK-MESSAGES-STDCXX: :[[@LINE-1]]:30: warning: lambda capturing 'Name' (std::string, 32 bytes) and 'Opts' (Options, 40 bytes) is 72 bytes, {{.*}} (during static initialization of 'gInstalled' via installDefaultHooks -> HookRegistry::addCallable): {{.*}}
  // CHECK-MESSAGES-LIBCXX: :[[@LINE-2]]:30: warning: lambda capturing 'Name' (std::string, 24 bytes) and 'Opts' (Options, 40 bytes) is 64 bytes, {{.*}} (during static initialization of 'gInstalled' via installDefaultHooks -> HookRegistry::addCallable): {{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:30: note: capture 'Name' by reference if it outlives the callable; or keep bulky state {{.*}}
  // CHECK-MESSAGES: :[[@LINE-19]]:66: note: converted to std::function here
}
bool gInstalled = (installDefaultHooks(), true);

// Not trivially copyable: heap in libstdc++, inline in libc++.
std::function<void()> gOnReload = [Cfg = std::make_shared<Options>()] { (void)Cfg; };
// CHECK-MESSAGES-STDCXX: :[[@LINE-1]]:35: warning: lambda capturing 'Cfg' (std::shared_ptr<Options>, 16 bytes) is 16 bytes but not trivially copyable, which std::function in libstdc++ requires to use its 16-byte small buffer: each construction allocates (during static initialization of 'gOnReload'): ~{{[0-9]+}} instructions, 1 allocation [initscan-heap-escaping-capture]
// CHECK-MESSAGES-STDCXX: :[[@LINE-2]]:35: note: keep the state that is costly to copy in one long-lived object and capture a pointer to it; a function pointer or a template parameter instead of std::function avoids the allocation

// A function object that is not a lambda.
struct Matcher {
  std::string Pattern;
  bool operator()(const std::string &Path) const { return Path == Pattern; }
};
std::function<bool(const std::string &)> gApiMatcher = Matcher{"/api/v1/"};
// CHECK-MESSAGES-STDCXX: :[[@LINE-1]]:56: warning: function object of type 'Matcher' holding 'Pattern' (std::string, 32 bytes) is 32 bytes, over std::function's 16-byte small buffer in libstdc++: {{.*}} (during static initialization of 'gApiMatcher'): {{.*}}
// CHECK-MESSAGES-LIBCXX: :[[@LINE-2]]:56: warning: function object of type 'Matcher' holding 'Pattern' (std::string, 24 bytes) is 24 bytes but its copy constructor may throw, {{.*}} (during static initialization of 'gApiMatcher'): {{.*}}

// A constructor function runs before main too.
__attribute__((constructor)) static void installTracing() {
  hookRegistry().add([Sink = std::string("/var/log/inventory/trace.log")] { (void)Sink; });
  // CHECK-MESSAGES-STDCXX: :[[@LINE-1]]:22: warning: lambda capturing 'Sink' {{.*}} (in constructor function 'installTracing', before main): {{.*}}
  // CHECK-MESSAGES-LIBCXX: :[[@LINE-2]]:22: warning: lambda capturing 'Sink' {{.*}} (in constructor function 'installTracing', before main): {{.*}}
}

//===--- Silent: nothing allocates, or nothing runs before main ---===//

void plainHook();
std::function<void()> gNoop = [] {};
std::function<void()> gPlain = plainHook;
std::function<void()> gPlainPtr = &plainHook;
std::function<void()> gOnePointer = [Opts = &gOptions] { (void)Opts; };
std::function<void()> gTwoInts = [A = 1, B = 2] { (void)A; (void)B; };
std::function<void()> gCopy = gNoop;
// Constant-initialized: no code runs before main.
void (*const kFnPtr)() = [] {};
constexpr auto kSquare = [](int X) { return X * X; };

// Function-local statics run on first use, not before main.
const std::function<void()> &lazyHook() {
  static const std::function<void()> Hook = [Name = std::string("lazy-hook-name")] { (void)Name; };
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:45: warning: lambda capturing 'Name' (std::string, 32 bytes) is 32 bytes, over std::function's 16-byte small buffer in libstdc++: each construction allocates: ~{{[0-9]+}} instructions, 1 allocation [initscan-heap-escaping-capture]
  return Hook;
}

// thread_local variables are initialized per thread, on first use.
thread_local std::function<void()> tPerThread = [Name = std::string("per-thread-hook")] { (void)Name; };
// CHECK-MESSAGES-ANY: :[[@LINE-1]]:49: warning: lambda capturing 'Name' {{.*}} each construction allocates: {{.*}}

// Templates never instantiated build nothing.
template <typename T> void neverInstantiated(T Value) {
  std::string Label = "never instantiated";
  std::function<void()> F = [Label, Value] { (void)Label; (void)Value; };
  std::function<void()> G = [Label] { (void)Label; };
}

// Unevaluated operands build nothing.
void unevaluated() {
  auto Big = [S = std::string("unevaluated operand")] { (void)S; };
  using Wrapped = decltype(std::function<void()>(Big));
  (void)sizeof(std::function<void()>(Big));
  (void)noexcept(std::function<void()>(Big));
  if constexpr (false) {
    std::function<void()> Discarded = Big;
  }
}

//===--- StaticInitOnly=false: everywhere else in the TU ---===//

void configure(std::vector<std::function<void()>> &Hooks, std::function<void()> &Slot) {
  std::function<void()> Local = [Opts = gOptions] { (void)Opts; };
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:33: warning: lambda capturing 'Opts' (Options, 40 bytes) is 40 bytes, over std::function's 16-byte small buffer in libstdc++: each construction allocates: ~{{[0-9]+}} instructions, 1 allocation [initscan-heap-escaping-capture]
  Hooks.emplace_back([Name = std::string("emplaced")] { (void)Name; });
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:22: warning: lambda capturing 'Name' {{.*}} each construction allocates: {{.*}}
  Slot = [Opts = gOptions] { (void)Opts; };
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:10: warning: lambda capturing 'Opts' {{.*}} each construction allocates: {{.*}}
  Hooks.push_back([Ptr = &gOptions] { (void)Ptr; });
}

#if __cplusplus > 202002L
//===--- std::move_only_function: 24-byte buffer, nothrow move suffices ---===//
int *gSlot = nullptr;
std::move_only_function<void()> gShared = [Cfg = std::make_shared<Options>()] { (void)Cfg; };
std::move_only_function<void()> gThreePointers = [A = gSlot, B = gSlot, C = gSlot] { (void)A; };
std::move_only_function<void()> gFourPointers = [A = gSlot, B = gSlot, C = gSlot, D = gSlot] { (void)A; };
// CHECK-MESSAGES-CXX23: :[[@LINE-1]]:49: warning: lambda capturing 'A' (int *, 8 bytes), 'B' (int *, 8 bytes), 'C' (int *, 8 bytes) and 1 other capture is 32 bytes, over std::move_only_function's 24-byte small buffer in libstdc++: each construction allocates (during static initialization of 'gFourPointers'): {{.*}}
struct ThrowingMove {
  ThrowingMove() = default;
  ThrowingMove(ThrowingMove &&) {}
};
std::move_only_function<void()> gThrowingMove = [T = ThrowingMove()] { (void)T; };
// CHECK-MESSAGES-CXX23: :[[@LINE-1]]:49: warning: lambda capturing 'T' (ThrowingMove, 1 byte) is 1 byte but its move constructor may throw, which keeps it out of std::move_only_function's 24-byte small buffer in libstdc++: {{.*}}
// CHECK-MESSAGES-CXX23: :[[@LINE-2]]:49: note: declare the move constructor of 'ThrowingMove' noexcept; or {{.*}}
#endif

// Declarations in system headers are not reported.
# 1 "fake/system/hooks.h" 1 3
std::function<void()> gSystemHook = [S = std::string("in a system header")] { (void)S; };
