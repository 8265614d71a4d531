// RUN: %check_clang_tidy %s initscan-expensive-static-init %t

#include <string>
#include <vector>

struct Config {
  Config();
  std::vector<std::string> Paths;
};
int readLimit();
Config::Config() : Paths{"/etc/a", "/etc/b"} { readLimit(); }

Config gConfig;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'gConfig' is initialized before main: ~{{[0-9]+}} instructions, 1 allocation, 1 unseen call (2 std::vector entries via Config::Config) [initscan-expensive-static-init]
// CHECK-NOTES: :[[@LINE-2]]:8: note: largest costs: 2 std::vector entries via Config::Config (~{{[0-9]+}} instructions, 1 alloc); std::string construction via Config::Config {{.*}}
// CHECK-NOTES: :[[@LINE-3]]:8: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'readLimit'
// CHECK-NOTES: :[[@LINE-4]]:8: note: build it on first use with a function-local static (thread-safe since C++11): Config& gConfig() { static Config instance; return instance; }

// A registrar: the advice keeps the registration.
struct Registrar {
  Registrar(const char *Name, void (*Fn)());
};
void handler();
static Registrar RegisterHandler("handler", &handler);
// CHECK-NOTES: :[[@LINE-1]]:18: warning: 'RegisterHandler' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-NOTES: :[[@LINE-2]]:18: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'Registrar::Registrar'
// CHECK-NOTES: :[[@LINE-3]]:18: note: a registrar: keep the registration, but make the registry it fills a function-local static, or replace both with a constant table

// A registrar that takes no argument and is visible to other translation
// units (ninja's TEST() macro): its class offers nothing but its
// construction.
void registerTest(void (*Create)(), const char *Name);
struct RegisterParserTest {
  RegisterParserTest() { registerTest(&handler, "Parser.Test"); }
};
RegisterParserTest gRegisterParserTest;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: 'gRegisterParserTest' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-NOTES: :[[@LINE-2]]:20: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'registerTest'
// CHECK-NOTES: :[[@LINE-3]]:20: note: a registrar: keep the registration, but make the registry it fills a function-local static, or replace both with a constant table

// A private object that nothing names, built without arguments (pugixml's
// TEST() macro): its constructor links it into the list of tests.
struct TestRunner {
  TestRunner(const char *Name);
  virtual ~TestRunner() {}
  virtual void run() = 0;
};
static struct TestRunnerParse : TestRunner {
  TestRunnerParse() : TestRunner("parse") {}
  void run() override {}
} gTestRunnerParse;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: 'gTestRunnerParse' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-NOTES: :[[@LINE-2]]:3: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'TestRunner::TestRunner'
// CHECK-NOTES: :[[@LINE-3]]:3: note: a registrar: keep the registration, but make the registry it fills a function-local static, or replace both with a constant table

// Private variables only there to run a call (benchmark's BENCHMARK() and
// its stream anchor): registrars too.
struct Bench {
  Bench *arg(int);
};
Bench *registerBench(const char *Name, void (*Fn)());
static Bench *gBenchHandler = (registerBench("handler", &handler))->arg(1);
// CHECK-NOTES: :[[@LINE-1]]:15: warning: 'gBenchHandler' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-NOTES: :[[@LINE-2]]:15: note: largest costs: {{.*}}
// CHECK-NOTES: :[[@LINE-3]]:15: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'registerBench', 'Bench::arg'
// CHECK-NOTES: :[[@LINE-4]]:15: note: a registrar: keep the registration, but make the registry it fills a function-local static, or replace both with a constant table
int initStreams();
static int gStreamsAnchor = initStreams();
// CHECK-NOTES: :[[@LINE-1]]:12: warning: 'gStreamsAnchor' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-NOTES: :[[@LINE-2]]:12: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'initStreams'
// CHECK-NOTES: :[[@LINE-3]]:12: note: a registrar: keep the registration, but make the registry it fills a function-local static, or replace both with a constant table

// Declared by a macro: the accessor would have to repeat an initializer that
// is not in this file's text, so the note shows none (it used to show
// `static int instance;`, dropping the call).
#define DEFINE_LIMIT(name) static int name = readLimit();
DEFINE_LIMIT(gLimit)
int limit() { return gLimit; }
// CHECK-NOTES: :[[@LINE-2]]:14: warning: 'gLimit' is initialized before main: {{.*}} [initscan-expensive-static-init]
// CHECK-NOTES: :[[@LINE-3]]:1: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'readLimit'
// CHECK-NOTES: :[[@LINE-4]]:1: note: build it on first use with a function-local static (thread-safe since C++11){{$}}

// A constructor function runs before main as well.
__attribute__((constructor)) static void setUp() { readLimit(); }
// CHECK-NOTES: :[[@LINE-1]]:42: warning: constructor function 'setUp' runs before main: {{.*}}1 unseen call{{.*}} [initscan-expensive-static-init]
// CHECK-NOTES: :[[@LINE-2]]:42: note: the estimate excludes calls whose bodies are not visible in this translation unit: 'readLimit'
