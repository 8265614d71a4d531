// RUN: %check_clang_tidy -std c++17,c++20 %s initscan-type-erased-callable-map %t
// RUN: %check_clang_tidy -check-suffixes=,OPT %s initscan-type-erased-callable-map %t \
// RUN:   -- -config="{CheckOptions: [{key: initscan-type-erased-callable-map.CallableTypes, value: 'acme::Callback;::acme::v2::Task'}]}"
// RUN: %check_clang_tidy -check-suffix=HDR %s initscan-type-erased-callable-map %t \
// RUN:   -- --header-filter=.*type-erased-callable-map.* -- -std=c++17 -DHEADER_ONLY
//
// Every complete constant table the check prints compiles in place of the
// globals it replaces, and so do the lookup functions (of this file only:
// clang-tidy 21+ also reports headers unless --header-filter says otherwise):
// RUN: %clang_tidy -load %tidy_module --config={} --checks='-*,initscan-type-erased-callable-map' --header-filter='^$' %s -- -std=c++17 \
// RUN:   | sed -n -e 's/^.*note: replace it with a constant table.*(needs [^)]*): //p' -e 's/^.*note: look keys up with a binary search ([^)]*): //p' \
// RUN:   | sed -e 's/; or dispatch with a switch over the keys$//' | grep -v 'Calc::' > %t.tables.inc
// RUN: FileCheck --input-file=%t.tables.inc --check-prefix=TABLE %s
// RUN: %clangxx -std=c++17 -fsyntax-only -Wno-undefined-internal '-DTABLES="%t.tables.inc"' %s
// RUN: %clangxx -std=c++20 -fsyntax-only -Wno-undefined-internal '-DTABLES="%t.tables.inc"' %s
//
// Sorted by key, the duplicate "health" dropped (std::map keeps the first),
// the comment of the multi-line lambda gone:
// TABLE: constexpr std::array<std::pair<std::string_view, std::string (*)(const Request &)>, 4> gRoutes = {{[{][{][{]}}"echo", [](const Request &req) { return render(200, req.body); }}, {"health", handleHealth}, {"teapot", [](const Request &) { return render(418, "I'm a teapot"); }}, {"version", handleVersion}}};
// TABLE-NEXT: inline auto lookupGRoutes(std::string_view key) -> std::string (*)(const Request &) { auto it = std::lower_bound(gRoutes.begin(), gRoutes.end(), key, [](const auto &entry, std::string_view k) { return entry.first < k; }); return it != gRoutes.end() && it->first == key ? it->second : nullptr; }
// Keys and functions written by a macro:
// TABLE-NEXT: constexpr std::array<std::pair<std::string_view, std::string (*)(const Request &)>, 2> gMacroRoutes = {{[{][{][{]}}"Echo", handleEcho}, {"Health", handleHealth}}};
// TABLE-NEXT: inline auto lookupGMacroRoutes(std::string_view key) {{.*}}
// A vector keeps its order:
// TABLE-NEXT: constexpr std::array<std::pair<std::string_view, std::string (*)(const Request &)>, 2> gOrderedRoutes = {{[{][{][{]}}"zeta", handleEcho}, {"alpha", &handleHealth}}};
// TABLE-NEXT: constexpr std::array<void (*)(), 2> gShutdownHooks = {{[{][{]}}flushLogs, closeSockets}};
// TABLE-NEXT: static constexpr std::array<std::pair<Op, int (*)(int, int)>, 2> kOps = {{[{][{][{]}}Op::Add, add}, {Op::Sub, sub}}};
// TABLE-NEXT: constexpr std::array<void (*)(), 2> gCleanup = {{[{][{]}}flushLogs, [] {}}};
// TABLE-NOT: {{.}}

#include <array>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

// A header included by several translation units: reported only for headers
// that --header-filter selects, with a note on its per-TU copies. Nothing is
// reported for system headers.
#include "Inputs/type-erased-callable-map/registry.h"
// CHECK-NOTES-HDR: {{.*}}registry.h:26:45: warning: 'kBuiltinRoutes' is a std::map of 2 std::function entries built before main: ~{{[0-9.]+k?}} instructions, 2 allocations (2 std::map entries); ~{{[0-9.]+k?}} instructions, 1 allocation per entry [initscan-type-erased-callable-map]
// CHECK-NOTES-HDR: {{.*}}registry.h:26:45: note: per entry: a tree node (1 allocation); every key fits the 15-character small-string buffer; every callable is stored inline in the 16-byte std::function buffer of libstdc++
// CHECK-NOTES-HDR: {{.*}}registry.h:26:45: note: defined in a header with internal linkage: every translation unit that includes it builds its own copy
// CHECK-NOTES-HDR: {{.*}}registry.h:26:45: note: replace it with a constant table built at compile time, sorted by key (needs <array>, <string_view>, <utility>): static constexpr std::array<std::pair<std::string_view, std::string (*)(const Request &)>, 2> kBuiltinRoutes = {{[{][{][{]}}"missing", renderNotFound}, {"ok", renderOk}}};
// CHECK-NOTES-HDR: {{.*}}registry.h:26:45: note: look keys up with a binary search {{.*}}
#include "Inputs/type-erased-callable-map/system_routes.h"

// Handlers: most are defined in other translation units.
std::string handleHealth(const Request &);
std::string handleEcho(const Request &);
static std::string handleVersion(const Request &) { return "1.2.3"; }
std::string render(int status, const std::string &body);
void flushLogs();
void closeSockets();
int add(int, int);
int sub(int, int);
enum class Op { Add = 1, Sub = 2 };
struct Calc;

#if !defined(TABLES) && !defined(HEADER_ONLY)

//===--- Containers with a complete constant table -------------------------===//

std::map<std::string, Handler> gRoutes = {
    {"health", handleHealth},
    {"version", handleVersion},
    {"echo", [](const Request &req) { return render(200, req.body); }},
    {"teapot", [](const Request &) {
       // Multi-line lambda with a comment: the table is one line.
       return render(418, "I'm a teapot");
     }},
    {"health", handleEcho}, // A duplicate: std::map keeps the first.
};
// CHECK-NOTES: :[[@LINE-10]]:32: warning: 'gRoutes' is a std::map of 5 std::function entries built before main: ~{{[0-9.]+k?}} instructions, 5 allocations (5 std::map entries); ~{{[0-9.]+k?}} instructions, 1 allocation per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-11]]:32: note: per entry: a tree node (1 allocation); every key fits the 15-character small-string buffer; every callable is stored inline in the 16-byte std::function buffer of libstdc++
// CHECK-NOTES: :[[@LINE-12]]:32: note: replace it with a constant table built at compile time, sorted by key, equal keys dropped as the std::map drops them (needs <array>, <string_view>, <utility>): constexpr std::array<std::pair<std::string_view, std::string (*)(const Request &)>, 4> gRoutes = {{.*}}
// CHECK-NOTES: :[[@LINE-13]]:32: note: look keys up with a binary search (needs <algorithm>; replaces gRoutes.find, .at, .count and .contains): inline auto lookupGRoutes(std::string_view key) -> std::string (*)(const Request &) {{.*}}

// Registries built by macros.
#define ROUTE(name) {#name, handle##name}
std::map<std::string, Handler> gMacroRoutes = {ROUTE(Health), ROUTE(Echo)};
// CHECK-NOTES: :[[@LINE-1]]:32: warning: 'gMacroRoutes' is a std::map of 2 std::function entries built before main: ~{{[0-9.]+k?}} instructions, 2 allocations (2 std::map entries); ~{{[0-9.]+k?}} instructions, 1 allocation per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:32: note: per entry: a tree node (1 allocation); every key fits {{.*}}
// CHECK-NOTES: :[[@LINE-3]]:32: note: replace it with a constant table built at compile time, sorted by key (needs <array>, <string_view>, <utility>): constexpr std::array<{{.*}}, 2> gMacroRoutes = {{.*}}
// CHECK-NOTES: :[[@LINE-4]]:32: note: look keys up with a binary search {{.*}}

// A vector of pairs keeps its order; a vector of callables has no keys.
std::vector<std::pair<std::string, Handler>> gOrderedRoutes = {
    {"zeta", handleEcho},
    {"alpha", &handleHealth},
};
// CHECK-NOTES: :[[@LINE-4]]:46: warning: 'gOrderedRoutes' is a std::vector of 2 std::function entries built before main: ~{{[0-9.]+k?}} instructions, 1 allocation (2 std::vector entries); ~{{[0-9.]+k?}} instructions, 0.5 allocations per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-5]]:46: note: per entry: a slot of one shared buffer; every key fits {{.*}}
// CHECK-NOTES: :[[@LINE-6]]:46: note: replace it with a constant table built at compile time, in source order as the std::vector iterates (sort it by key to look keys up with a binary search) (needs <array>, <string_view>, <utility>): constexpr std::array<{{.*}}, 2> gOrderedRoutes = {{.*}}
std::vector<std::function<void()>> gShutdownHooks = {flushLogs, closeSockets};
// CHECK-NOTES: :[[@LINE-1]]:36: warning: 'gShutdownHooks' is a std::vector of 2 std::function entries built before main: ~{{[0-9.]+k?}} instructions, 1 allocation (2 std::vector entries); ~{{[0-9.]+k?}} instructions, 0.5 allocations per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:36: note: per entry: a slot of one shared buffer; every callable is stored inline in the 16-byte std::function buffer of libstdc++
// CHECK-NOTES: :[[@LINE-3]]:36: note: replace it with a constant table built at compile time (needs <array>): constexpr std::array<void (*)(), 2> gShutdownHooks = {{[{][{]}}flushLogs, closeSockets}};

// Static member with enum keys.
struct Calc {
  static const std::map<Op, std::function<int(int, int)>> kOps;
};
const std::map<Op, std::function<int(int, int)>> Calc::kOps = {
    {Op::Sub, sub},
    {Op::Add, add},
};
// CHECK-NOTES: :[[@LINE-4]]:56: warning: 'kOps' is a std::map of 2 std::function entries built before main: ~{{[0-9.]+k?}} instructions, 2 allocations (2 std::map entries); ~{{[0-9.]+k?}} instructions, 1 allocation per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-5]]:56: note: per entry: a tree node (1 allocation); every callable is stored inline in the 16-byte std::function buffer of libstdc++
// CHECK-NOTES: :[[@LINE-6]]:56: note: replace it with a constant table built at compile time, sorted by key, declared in the class (remove the out-of-line definition) (needs <array>, <utility>): static constexpr std::array<std::pair<Op, int (*)(int, int)>, 2> kOps = {{[{][{]}}{Op::Add, add}, {Op::Sub, sub}}};
// CHECK-NOTES: :[[@LINE-7]]:56: note: look keys up with a binary search (needs <algorithm>; replaces kOps.find, .at, .count and .contains): inline auto lookupKOps(Op key) -> int (*)(int, int) {{.*}}; or dispatch with a switch over the keys

// Arrays of callables.
std::function<void()> gCleanup[2] = {flushLogs, [] {}};
// CHECK-NOTES: :[[@LINE-1]]:23: warning: 'gCleanup' is an array of 2 std::function entries built before main: ~{{[0-9.]+k?}} instructions (exit-time destructor registration); ~{{[0-9.]+k?}} instructions per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:23: note: per entry: an element in place (no allocation of its own); every callable is stored inline in the 16-byte std::function buffer of libstdc++
// CHECK-NOTES: :[[@LINE-3]]:23: note: replace it with a constant table built at compile time (needs <array>): constexpr std::array<void (*)(), 2> gCleanup = {{[{][{]}}flushLogs, [] {}}};

//===--- Containers without a constant table -------------------------------===//

// A lambda with captures, a long key, a large closure: no table, and the
// per-entry note says what allocates.
std::unordered_map<std::string, std::function<int(int)>> gOps = {
    {"increment-by-configured-step", [](int x) { return x + 1; }},
    {"big", [table = std::array<int, 16>{}](int x) { return x + table[0]; }},
};
// CHECK-NOTES: :[[@LINE-4]]:58: warning: 'gOps' is a std::unordered_map of 2 std::function entries built before main: ~{{[0-9.]+k?}} instructions, 7 allocations (2 std::unordered_map entries); ~{{[0-9.]+k?}} instructions, 3.5 allocations per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-5]]:58: note: per entry: a hash node (1 allocation), plus one bucket array; 1 of 2 keys ("increment-by-configured-step") exceeds the 15-character small-string buffer and allocates; 1 of 2 callables does not fit the 16-byte std::function buffer of libstdc++ and allocates (the lambda at line {{[0-9]+}}: 64 bytes, larger than the 16-byte buffer)
// CHECK-NOTES: :[[@LINE-6]]:58: note: no constant table: entry 2 captures state (a table of {key, function pointer} needs a literal key and a capture-less lambda or function for every entry); build it on first use instead: std::unordered_map<std::string, std::function<int (int)>>& gOps() { static std::unordered_map<std::string, std::function<int (int)>> instance = {{.*}}; return instance; }

// A struct holding the map, and a vector of structs holding callables.
struct Router {
  std::map<std::string, Handler> routes;
  int version;
};
Router gRouter = {{{"health", handleHealth}}, 1};
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'gRouter' holds a std::map of 1 std::function entry (Router::routes) built before main: ~{{[0-9.]+k?}} instructions, 1 allocation (1 std::map entry); ~{{[0-9.]+k?}} instructions, 1 allocation per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:8: note: per entry: a tree node (1 allocation); {{.*}}
// CHECK-NOTES: :[[@LINE-3]]:8: note: no constant table: it is a member of 'Router' {{.*}}; build it on first use instead: Router& gRouter() { static Router instance = {{[{][{]}}{"health", handleHealth}}, 1}; return instance; }

struct Route {
  const char *name;
  Handler handler;
};
std::vector<Route> gRouteList = {{"health", handleHealth}, {"echo", handleEcho}};
// CHECK-NOTES: :[[@LINE-1]]:20: warning: 'gRouteList' is a std::vector of 2 entries holding a std::function built before main: ~{{[0-9.]+k?}} instructions, 1 allocation (2 std::vector entries); ~{{[0-9.]+k?}} instructions, 0.5 allocations per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:20: note: per entry: a slot of one shared buffer
// CHECK-NOTES: :[[@LINE-3]]:20: note: no constant table: its entries hold the callable inside another type (a table of function pointers needs a capture-less lambda or function for every entry); build it on first use instead: {{.*}}

// Keys that are pointers compare by address: a string table would differ.
std::map<const char *, Handler> gByPointer = {{"health", handleHealth}};
// CHECK-NOTES: :[[@LINE-1]]:33: warning: 'gByPointer' is a std::map of 1 std::function entry built before main: ~{{[0-9.]+k?}} instructions, 1 allocation (1 std::map entry); ~{{[0-9.]+k?}} instructions, 1 allocation per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:33: note: per entry: a tree node (1 allocation); every callable is stored inline {{.*}}
// CHECK-NOTES: :[[@LINE-3]]:33: note: no constant table: its keys are pointers, compared by address {{.*}}

// A template's static member, instantiated by a use.
template <class T> struct Factory {
  static std::map<std::string, std::function<T()>> makers;
};
template <class T>
std::map<std::string, std::function<T()>> Factory<T>::makers = {
    {"zero", [] { return T(); }}};
// CHECK-NOTES: :[[@LINE-2]]:55: warning: 'makers' is a std::map of 1 std::function entry built before main: ~{{[0-9.]+k?}} instructions, 1 allocation (1 std::map entry); ~{{[0-9.]+k?}} instructions, 1 allocation per entry [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-3]]:55: note: per entry: {{.*}}
// CHECK-NOTES: :[[@LINE-4]]:55: note: no constant table: it belongs to a template ({{.*}}); build it on first use instead, in a function-local static
int countMakers() { return static_cast<int>(Factory<int>::makers.size()); }

//===--- Registrars ---------------------------------------------------------===//

// The registrar's constructor is in another translation unit (registry.cpp).
REGISTER_HANDLER(ping, [](const Request &) { return std::string("pong"); })
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'registrar_ping' registers a std::function entry through 'Registrar' before main: ~{{[0-9.]+k?}} instructions, 1 unseen call (call to Registrar::Registrar); 2 such registrars in this translation unit: ~{{[0-9.]+k?}} instructions [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:1: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'Registrar::Registrar'
// CHECK-NOTES: :[[@LINE-3]]:1: note: a registrar: keep the registration itself eager (deferring a registrar silently drops its entry); make the registry it fills a lazy registry (a function-local static returned by an accessor) if it is not one already, or replace the registrars and the registry with one constant table: a sorted constexpr std::array of {std::string_view, function pointer} looked up with a binary search (or a switch)
REGISTER_HANDLER(health, handleHealth)
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'registrar_health' registers a std::function entry through 'Registrar' before main: ~{{[0-9.]+k?}} instructions, 1 unseen call (call to Registrar::Registrar); 2 such registrars in this translation unit: ~{{[0-9.]+k?}} instructions [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:1: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'Registrar::Registrar'
// CHECK-NOTES: :[[@LINE-3]]:1: note: a registrar: keep the registration itself eager {{.*}}

// A registrar filling a lazy registry (a function-local static): the good
// pattern for the registry; the registration stays eager.
std::map<std::string, std::function<int()>> &commandRegistry() {
  static std::map<std::string, std::function<int()>> registry;
  return registry;
}
struct CommandRegistrar {
  CommandRegistrar(const char *name, int (*fn)()) {
    commandRegistry()[name] = fn;
  }
};
int runBuild();
static CommandRegistrar registerBuild("build", runBuild);
// CHECK-NOTES: :[[@LINE-1]]:25: warning: 'registerBuild' registers a std::function entry in 'commandRegistry()' before main: ~{{[0-9.]+k?}} instructions, 1 allocation (std::map insert via CommandRegistrar::CommandRegistrar) [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:25: note: the registry 'commandRegistry()' is already a lazy registry (a function-local static); keep the registration itself eager (deferring a registrar silently drops its entry), or replace the registrars and the registry with one constant table: {{.*}}

// A registrar filling a namespace-scope registry.
std::map<std::string, std::function<void()>> gPlugins;
struct PluginRegistrar {
  explicit PluginRegistrar(const char *name) { gPlugins[name] = [] {}; }
};
static PluginRegistrar registerZip("zip");
// CHECK-NOTES: :[[@LINE-1]]:24: warning: 'registerZip' registers a std::function entry in 'gPlugins' before main: ~{{[0-9.]+k?}} instructions, 1 allocation ({{.*}}) [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:24: note: the registry 'gPlugins' is a namespace-scope global, built before main and possibly after registrars of other translation units run: make it a lazy registry, a function-local static returned by an accessor (std::map<std::string, std::function<void ()>> &gPlugins() { static std::map<std::string, std::function<void ()>> instance; return instance; }); keep the registration itself eager (deferring a registrar silently drops its entry); or replace the registrars and the registry with one constant table: {{.*}}

// Registration through a function and a variable nobody reads.
bool registerOp(const char *name, std::function<int(int)> op);
static bool kNegRegistered = registerOp("neg", [](int x) { return -x; });
// CHECK-NOTES: :[[@LINE-1]]:13: warning: 'kNegRegistered' registers a std::function entry through 'registerOp' before main: ~{{[0-9.]+k?}} instructions, 1 unseen call (call to registerOp) [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:13: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'registerOp'
// CHECK-NOTES: :[[@LINE-3]]:13: note: a registrar: keep the registration itself eager {{.*}}

// A template registrar: factories of T.
struct Widget {
  virtual ~Widget() = default;
};
struct Button : Widget {};
std::map<std::string, std::function<Widget *()>> &widgetFactories() {
  static std::map<std::string, std::function<Widget *()>> factories;
  return factories;
}
template <class T> struct AutoRegister {
  explicit AutoRegister(const char *name) {
    widgetFactories()[name] = [] { return new T(); };
  }
};
static AutoRegister<Button> registerButton("button");
// CHECK-NOTES: :[[@LINE-1]]:29: warning: 'registerButton' registers a std::function entry in 'widgetFactories()' before main: ~{{[0-9.]+k?}} instructions, 1 allocation ({{.*}}) [initscan-type-erased-callable-map]
// CHECK-NOTES: :[[@LINE-2]]:29: note: the registry 'widgetFactories()' is already a lazy registry (a function-local static); {{.*}}

//===--- Type-erased callables named by the CallableTypes option ----------===//

namespace acme {
template <class Signature> class Callback;
template <class R, class... Args> class Callback<R(Args...)> {
public:
  template <class F> Callback(F f) : target_(reinterpret_cast<void *>(+f)) {}
  ~Callback() {}

private:
  void *target_;
};
inline namespace v2 {
template <class Signature> struct Task {
  Task(Signature *fn) : fn_(fn) {}
  Signature *fn_;
};
} // namespace v2
} // namespace acme

std::map<std::string, acme::Callback<int(int)>> gCallbacks = {
    {"id", [](int x) { return x; }},
};
// CHECK-NOTES-OPT: :[[@LINE-3]]:49: warning: 'gCallbacks' is a std::map of 1 acme::Callback entry built before main: ~{{[0-9.]+k?}} instructions, 1 allocation (1 std::map entry); ~{{[0-9.]+k?}} instructions, 1 allocation per entry [initscan-type-erased-callable-map]
// CHECK-NOTES-OPT: :[[@LINE-4]]:49: note: per entry: a tree node (1 allocation); every key fits the 15-character small-string buffer
// CHECK-NOTES-OPT: :[[@LINE-5]]:49: note: replace it with a constant table built at compile time, sorted by key (needs <array>, <string_view>, <utility>): constexpr std::array<std::pair<std::string_view, int (*)(int)>, 1> gCallbacks = {{[{][{]}}{"id", [](int x) { return x; }}}};
// CHECK-NOTES-OPT: :[[@LINE-6]]:49: note: look keys up with a binary search {{.*}}
std::vector<acme::Task<void()>> gTasks = {flushLogs, closeSockets};
// CHECK-NOTES-OPT: :[[@LINE-1]]:33: warning: 'gTasks' is a std::vector of 2 acme::Task entries built before main: ~{{[0-9.]+k?}} instructions{{.*}} per entry [initscan-type-erased-callable-map]
// CHECK-NOTES-OPT: :[[@LINE-2]]:33: note: per entry: a slot of one shared buffer
// CHECK-NOTES-OPT: :[[@LINE-3]]:33: note: replace it with a constant table built at compile time (needs <array>): constexpr std::array<void (*)(), 2> gTasks = {{[{][{]}}flushLogs, closeSockets}};

//===--- Not diagnosed ------------------------------------------------------===//

// Constant tables: nothing runs before main.
constexpr std::array<std::pair<std::string_view, int (*)(int, int)>, 2> kTable = {
    {{"add", add}, {"sub", sub}}};
#if __cplusplus >= 202002L
constinit std::vector<Handler> gLaterHandlers; // constexpr constructor in C++20
#endif

// Empty containers: registrars that fill them are reported where they are.
std::map<std::string, Handler> gEmptyRegistry;
std::function<void()> gDefaultHooks[4];

// A function-local static registry is built on first use.
std::map<std::string, Handler> &lazyRoutes() {
  static std::map<std::string, Handler> routes = {{"health", handleHealth}};
  return routes;
}

// thread_local: built per thread, on first use.
thread_local std::map<std::string, Handler> tRoutes = {{"health", handleHealth}};

// Templates never instantiated, and members only named in unevaluated
// contexts, run nothing.
template <class T> struct Unused {
  static std::map<std::string, std::function<T()>> entries;
};
template <class T>
std::map<std::string, std::function<T()>> Unused<T>::entries = {
    {"one", [] { return T(1); }}};
static_assert(sizeof(Unused<int>::entries) > 0, "");
template <class T>
std::map<std::string, std::function<T()>> gVariableTemplate = {
    {"one", [] { return T(1); }}};
using Unevaluated = decltype(gVariableTemplate<long>);

// Not containers of type-erased callables.
std::map<std::string, int> gCodes = {{"ok", 200}, {"not-found", 404}};
Handler gFallback = handleHealth;
std::map<std::string, int (*)(int, int)> gPointers = {{"add", add}};

// A registrar that registers no callable.
std::map<std::string, int> &priorities() {
  static std::map<std::string, int> p;
  return p;
}
struct PriorityRegistrar {
  PriorityRegistrar(const char *name, int value) { priorities()[name] = value; }
};
static PriorityRegistrar registerHigh("high", 10);

#elif defined(TABLES)
#include <algorithm>
#include <string_view>
#include TABLES
#endif
