// RUN: %check_clang_tidy -std c++17,c++20 %s initscan-eager-singleton %t -- -- -isystem %S/Inputs/eager-singleton/system
// RUN: %check_clang_tidy -check-suffixes=,ALLOC %s initscan-eager-singleton %t \
// RUN:   -- -config="{CheckOptions: [{key: initscan-eager-singleton.MinAllocations, value: 6}]}" \
// RUN:   -- -isystem %S/Inputs/eager-singleton/system

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <dlfcn.h>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <vector>

#include "Inputs/eager-singleton/service.h"
#include <sys_singleton.h>

//===--- Singletons that acquire resources --------------------------------===//

// The configuration singleton: its constructor reads the environment and a
// helper opens the file.
class Config {
public:
  Config() {
    const char *Path = std::getenv("APP_CONFIG");
    load(Path ? Path : "/etc/app/app.conf");
  }
  bool load(const std::string &Path) {
    std::ifstream In(Path);
    std::string Line;
    while (std::getline(In, Line))
      Values[Line.substr(0, Line.find('='))] = Line.substr(Line.find('=') + 1);
    return true;
  }
  std::string get(const std::string &Key) const {
    auto It = Values.find(Key);
    return It == Values.end() ? std::string() : It->second;
  }

private:
  std::map<std::string, std::string> Values;
};

Config gConfig;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'gConfig' acquires resources before main: opens a file via Config::Config -> Config::load, reads the environment via Config::Config: ~{{[0-9.]+k?}} instructions, {{[0-9]+}} allocations, file+environment I/O (std::basic_ifstream open via Config::Config -> Config::load) [initscan-eager-singleton]
// `config` is taken (below): the accessor gets another name.
// CHECK-NOTES: :[[@LINE-3]]:8: note: construct it on first use: Config& configInstance() { static Config instance; return instance; }
// CHECK-NOTES: :[[@LINE-4]]:8: note: if it must outlive the destructors of other globals, never destroy it (NoDestructor-style): Config& configInstance() { static Config& instance = *new Config; return instance; }

// A logger that starts its flushing thread in its constructor. Private to
// this file and only used in function bodies: the fix-it applies.
class Logger {
public:
  Logger() : Flusher([this] { flushLoop(); }) {}
  ~Logger() {
    Stop = true;
    Flusher.join();
  }
  void log(const char *Message) { std::fputs(Message, stderr); }

private:
  void flushLoop() {}
  bool Stop = false;
  std::thread Flusher;
};

static Logger gLogger;
// CHECK-NOTES: :[[@LINE-1]]:15: warning: 'gLogger' acquires resources before main: starts a thread via Logger::Logger: {{.*}}, thread I/O (std::thread start via Logger::Logger) [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:15: note: construct it on first use: static Logger& logger() { static Logger instance; return instance; }
// CHECK-NOTES: :[[@LINE-3]]:15: note: if it must outlive the destructors of other globals, never destroy it (NoDestructor-style): static Logger& logger() { static Logger& instance = *new Logger; return instance; }
// CHECK-FIXES: static Logger& logger() { static Logger instance; return instance; }

void logStartup() { gLogger.log("starting\n"); }
// CHECK-FIXES: void logStartup() { logger().log("starting\n"); }

// A pool allocated with new whose constructor allocates many buffers.
struct Pool {
  Pool() {
    for (int I = 0; I < 32; ++I)
      Slots.push_back(new char[4096]);
  }
  std::vector<char *> Slots;
};

Pool *gPool = new Pool;
// CHECK-NOTES: :[[@LINE-1]]:7: warning: 'gPool' acquires resources before main: allocates heap memory via Pool::Pool: ~{{[0-9.]+k?}} instructions, 33 allocations (32 x new char via Pool::Pool) [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:7: note: construct it on first use: Pool* pool() { static Pool* const instance = new Pool; return instance; }

namespace {
Pool *gScratchPool = new Pool;
// CHECK-NOTES: :[[@LINE-1]]:7: warning: 'gScratchPool' acquires resources before main: allocates heap memory via Pool::Pool: {{.*}} [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:7: note: construct it on first use: Pool* scratchPool() { static Pool* const instance = new Pool; return instance; }
// CHECK-FIXES: Pool* scratchPool() { static Pool* const instance = new Pool; return instance; }
} // namespace

char *scratch(int I) { return gScratchPool->Slots[I]; }
// CHECK-FIXES: char *scratch(int I) { return scratchPool()->Slots[I]; }

// A reference bound to a leaked object whose constructor reads the clock.
struct Uptime {
  Uptime() : Start(std::time(nullptr)) {}
  std::time_t Start;
};

Uptime &gUptime = *new Uptime;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: 'gUptime' acquires resources before main: reads the clock via Uptime::Uptime: {{.*}}, clock I/O (new Uptime) [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:9: note: construct it on first use: Uptime& uptime() { static Uptime& instance = *new Uptime; return instance; }

// A lazy singleton, forced at start-up through a global pointer.
class Registry {
public:
  static Registry &instance() {
    static Registry R;
    return R;
  }
  std::FILE *db() const { return Db; }

private:
  Registry() : Db(std::fopen("/var/lib/app/registry.db", "r")) {}
  std::FILE *Db;
};

Registry *gRegistry = &Registry::instance();
// CHECK-NOTES: :[[@LINE-1]]:11: warning: 'gRegistry' forces 'Registry::instance' to run before main: opens a file via Registry::instance -> Registry::Registry: {{.*}}, file I/O (file open via Registry::instance -> Registry::Registry) [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:11: note: 'Registry::instance' builds the object on first use: call it where the object is needed: Registry* registry() { return &Registry::instance(); }

// The instance as a static member of its own class.
class Telemetry {
public:
  static Telemetry Instance;
  Telemetry() : Socket(::socket(AF_INET, SOCK_DGRAM, 0)) {}
  int Socket;
};

Telemetry Telemetry::Instance;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: 'Telemetry::Instance' acquires resources before main: uses the network via Telemetry::Telemetry: {{.*}}, network I/O (network call via Telemetry::Telemetry) [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:22: note: construct it on first use: static Telemetry& instance() { static Telemetry instance; return instance; }

// Plugins loaded with dlopen, through a std::unique_ptr.
struct Plugins {
  Plugins() : Handle(dlopen("libplugins.so", RTLD_LAZY)) {}
  void *Handle;
};

std::unique_ptr<Plugins> gPlugins(new Plugins);
// dlopen's own allocations are not counted as a separate memory resource.
// CHECK-NOTES: :[[@LINE-2]]:26: warning: 'gPlugins' acquires resources before main: loads a shared library via Plugins::Plugins: {{.*}}, dlopen I/O (dlopen via Plugins::Plugins) [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-3]]:26: note: construct it on first use: std::unique_ptr<Plugins>& plugins() { static std::unique_ptr<Plugins> instance(new Plugins); return instance; }

// A static member of a class template, instantiated by its use: the accessor
// is written for the template.
template <class T> struct Shared {
  static T *Ptr;
};
template <class T> T *Shared<T>::Ptr = new T;
// CHECK-NOTES: :[[@LINE-1]]:34: warning: 'Shared<Config>::Ptr' acquires resources before main: opens a file via Config::Config -> Config::load, reads the environment via Config::Config: {{.*}} [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:34: note: construct it on first use: static T* ptr() { static T* const instance = new T; return instance; }
std::string sharedValue() { return Shared<Config>::Ptr->get("key"); }

// Library objects that acquire resources are flagged too.
std::thread gWatchdog([] {});
// CHECK-NOTES: :[[@LINE-1]]:13: warning: 'gWatchdog' acquires resources before main: starts a thread: {{.*}}, thread I/O (std::thread start) [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:13: note: construct it on first use: std::thread& watchdog() { static std::thread instance([] {}); return instance; }
// CHECK-NOTES: :[[@LINE-3]]:13: note: if it must outlive the destructors of other globals, never destroy it (NoDestructor-style): std::thread& watchdog() { static std::thread& instance = *new std::thread([] {}); return instance; }
const std::string kHome = std::getenv("HOME");
// CHECK-NOTES: :[[@LINE-1]]:19: warning: 'kHome' acquires resources before main: reads the environment: {{.*}}, environment I/O (environment read) [initscan-eager-singleton]
// A const global has internal linkage: so has its accessor.
// CHECK-NOTES: :[[@LINE-3]]:19: note: construct it on first use: static const std::string& home() { static const std::string instance = std::getenv("HOME"); return instance; }
// CHECK-NOTES: :[[@LINE-4]]:19: note: if it must outlive the destructors of other globals, never destroy it (NoDestructor-style): static const std::string& home() { static const std::string& instance = *new std::string(std::getenv("HOME")); return instance; }
// CHECK-FIXES: static const std::string& home() { static const std::string instance = std::getenv("HOME"); return instance; }
std::string homeDirectory() { return kHome; }
// CHECK-FIXES: std::string homeDirectory() { return home(); }

// With MinAllocations=4, a cache that allocates a few nodes counts.
struct Cache {
  Cache() {
    for (int I = 0; I < 6; ++I)
      Entries[I] = "entry";
  }
  std::map<int, std::string> Entries;
};

Cache gCache;
// CHECK-NOTES-ALLOC: :[[@LINE-1]]:7: warning: 'gCache' acquires resources before main: allocates heap memory via Cache::Cache: ~{{[0-9.]+k?}} instructions, 6 allocations ({{.*}}) [initscan-eager-singleton]
// CHECK-NOTES-ALLOC: :[[@LINE-2]]:7: note: construct it on first use: Cache& cache() { static Cache instance; return instance; }
// CHECK-NOTES-ALLOC: :[[@LINE-3]]:7: note: if it must outlive the destructors of other globals, never destroy it (NoDestructor-style): Cache& cache() { static Cache& instance = *new Cache; return instance; }

// More private shapes with a fix-it: an array of loggers, and a lazy
// singleton's accessor cached in a reference.
static Logger gShards[2];
// CHECK-NOTES: :[[@LINE-1]]:15: warning: 'gShards' acquires resources before main: starts a thread via Logger::Logger: {{.*}} [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:15: note: construct it on first use: static auto& shards() { static Logger instance[2]; return instance; }
// CHECK-FIXES: static auto& shards() { static Logger instance[2]; return instance; }
void logSharded(unsigned I, const char *Message) { gShards[I % 2].log(Message); }
// CHECK-FIXES: void logSharded(unsigned I, const char *Message) { shards()[I % 2].log(Message); }

namespace {
Registry &gLocalRegistry = Registry::instance();
// CHECK-NOTES: :[[@LINE-1]]:11: warning: 'gLocalRegistry' forces 'Registry::instance' to run before main: opens a file via Registry::instance -> Registry::Registry: {{.*}} [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:11: note: 'Registry::instance' builds the object on first use: call it where the object is needed: Registry& localRegistry() { return Registry::instance(); }
// CHECK-FIXES: Registry& localRegistry() { return Registry::instance(); }
} // namespace
std::FILE *registryDb() { return gLocalRegistry.db(); }
// CHECK-FIXES: std::FILE *registryDb() { return localRegistry().db(); }

// No fix-it when a use cannot become a call: here the address is taken in
// another global's (constant) initializer.
static Logger gAuditLog;
// CHECK-NOTES: :[[@LINE-1]]:15: warning: 'gAuditLog' acquires resources before main: starts a thread via Logger::Logger: {{.*}} [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:15: note: construct it on first use: static Logger& auditLog() { static Logger instance; return instance; }
// CHECK-NOTES: :[[@LINE-3]]:15: note: if it must outlive {{.*}}
// CHECK-FIXES: static Logger gAuditLog;
Logger *const kAuditSink = &gAuditLog;
void audit(const char *Message) { kAuditSink->log(Message); }

//===--- Constructors in another translation unit -------------------------===//

// Classic singleton shapes are reported without inventing resources.
Service gService;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: 'gService' is built before main by code not visible in this translation unit: ~{{[0-9.]+k?}} instructions, 1 unseen call (call to Service::Service) [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:9: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'Service::Service'
// CHECK-NOTES: :[[@LINE-3]]:9: note: construct it on first use: Service& service() { static Service instance; return instance; }
Service *gServicePtr = new Service;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: 'gServicePtr' is built before main by code not visible in this translation unit: {{.*}}, 1 unseen call (new Service) [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-2]]:10: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'Service::Service'
// CHECK-NOTES: :[[@LINE-3]]:10: note: construct it on first use: Service* servicePtr() { static Service* const instance = new Service; return instance; }

// Other shapes are not: nothing says these acquire anything.
Widget gWidget(42);
const Service kDefaultService;

//===--- Not singletons, or not eager: no diagnostic ----------------------===//

// Constant initialization.
std::mutex gMutex;
constexpr int kLimit = 64;
[[clang::require_constant_initialization]] int gLevel = 3;
#if __cplusplus >= 202002L
constinit int gVerbosity = 1;
#endif

// Function-local statics are the cure.
Config &config() {
  static Config Instance;
  return Instance;
}

// NoDestructor-style storage in a function-local static.
template <class T> class NoDestructor {
public:
  template <class... Args> explicit NoDestructor(Args &&...A) {
    new (Storage) T(static_cast<Args &&>(A)...);
  }
  T &operator*() { return *reinterpret_cast<T *>(Storage); }

private:
  alignas(T) unsigned char Storage[sizeof(T)];
};

Logger &sharedLogger() {
  static NoDestructor<Logger> Instance;
  return *Instance;
}

// A Q_GLOBAL_STATIC-like holder: constant-initialized, builds on first use.
template <class T> class GlobalStatic {
public:
  constexpr GlobalStatic() = default;
  T *operator->() {
    static T Instance;
    return &Instance;
  }
};

static GlobalStatic<Config> gLazyConfig;
std::string lazyPort() { return gLazyConfig->get("port"); }

// Dynamic initialization without any resource: the job of
// initscan-expensive-static-init.
std::string gName = "service";
// A timestamp of the start: eager on purpose.
const auto kStartTime = std::chrono::steady_clock::now();
long long uptimeTicks() {
  return (std::chrono::steady_clock::now() - kStartTime).count();
}
struct Counter {
  Counter() : N(1) {}
  int N;
};
Counter gCounter;
std::vector<std::string> gNames = {"a", "b", "c", "d", "e", "f", "g", "h",
                                   "i", "j", "k", "l", "m", "n", "o", "p",
                                   "q", "r", "s", "t"};

// A registrar: built for its constructor's side effect, never named again.
struct Registrar {
  Registrar(const char *Name, void (*Fn)()) {
    if (std::getenv(Name))
      Fn();
  }
};
static Registrar gRegisterStartup("APP_LOG_STARTUP", &logStartup);

// Declared by a macro: the accessor would have to repeat an initializer that
// is not in this file's text, so the note shows none (it used to show
// `static Service* const instance;`, dropping the `new`).
#define DEFINE_SERVICE(name) static Service *name = new Service;
DEFINE_SERVICE(gMacroService)
void startMacroService() { gMacroService->start(); }
// CHECK-NOTES: :[[@LINE-2]]:16: warning: 'gMacroService' is built before main by code not visible in this translation unit: {{.*}} [initscan-eager-singleton]
// CHECK-NOTES: :[[@LINE-3]]:1: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'Service::Service'
// CHECK-NOTES: :[[@LINE-4]]:1: note: construct it on first use with a function-local static (thread-safe since C++11){{$}}

// A registrar with external linkage (ninja's TEST() macro): its class offers
// nothing but its construction, so its constructor is its purpose, even
// though the constructor is not visible here and takes no argument.
void registerTest(void (*Run)(), const char *Name);
struct RegisterParseTest {
  RegisterParseTest() { registerTest(&logStartup, "Parse.Test"); }
};
RegisterParseTest gRegisterParseTest;
struct RegisterElsewhere {
  RegisterElsewhere();
};
RegisterElsewhere gRegisterElsewhere;

// A private object nothing names: its constructor is its purpose.
static Logger gKeepAliveLogger;

// Per-thread, on first use.
thread_local Logger tLogger;

// Templates never instantiated.
template <class T> struct Singleton {
  static T Instance;
};
template <class T> T Singleton<T>::Instance;
template <class T> Config gPerType;

// Unevaluated operands.
using ConfigType = decltype(Config());
constexpr unsigned long kConfigSize = sizeof(Config);
constexpr bool kConfigNothrow = noexcept(Config());
