// Namespace-scope variables: constants, dynamic initializers, linkage.
#include <cstddef>

int compute(int);
int computeNoArg();
constexpr int twice(int v) { return 2 * v; }

// Constant initialization.
int zeroInit;
int constInit = 42;
const int kConst = 7;
constexpr int kConstexpr = twice(21);
double ratio = 1.5;
const char *greeting = "hello";
int *nullPtr = nullptr;
int *addrOf = &constInit;
std::size_t sizeOfInt = sizeof(int);
enum Color { Red, Green };
Color favourite = Green;

// Dynamic initialization.
int fromCall = compute(3);
int fromCallNoArg = computeNoArg();
int copiedFromNonConst = constInit;        // constInit is not const: dynamic
int sumOfGlobals = constInit + zeroInit;
int fromConstant = kConst + kConstexpr;    // constant: both are constants
double converted = static_cast<double>(compute(1));
int fromConditional = kConst > 3 ? compute(2) : 0;
bool flag = computeNoArg() != 0;

// const globals initialized from non-constexpr calls: internal linkage, and
// clang emits them even though nothing uses them.
const int kFromCall = compute(5);
const double kRatioFromCall = compute(6) / 2.0;
const int kUsedConstFromCall = compute(7);
int useConst() { return kUsedConstFromCall; }

// static (internal linkage), used and unused.
static int staticUnusedConst = 3;          // never emitted
static int staticUnusedDynamic = compute(8);
static int staticUsedDynamic = compute(9);
static const int staticConstUnused = compute(10);
int useStatic() { return staticUsedDynamic; }

// extern: declarations are not definitions; `extern` with an initializer is.
extern int declaredElsewhere;
extern const int declaredConstElsewhere;
extern int definedHereWithExtern;
int definedHereWithExtern = compute(11);
extern const int externConstDefinition = compute(12);
extern const int externConstConstant = 12;
int readsDeclared = declaredElsewhere;     // dynamic: a load of another TU's global
int readsDeclaredConst = declaredConstElsewhere;

// Anonymous namespaces.
namespace {
int anonConstant = 5;
int anonDynamic = compute(13);
int anonUnusedDynamic = computeNoArg();
int anonUsedDynamic = compute(14);
} // namespace
int useAnon() { return anonUsedDynamic + anonConstant; }

// Named and nested namespaces.
namespace outer {
int constant = 1;
int dynamic = compute(15);
namespace inner {
const int constant = 2;
int dynamic = compute(16) + outer::constant;
} // namespace inner
inline namespace v1 {
int versioned = compute(17);
int versionedConstant = 17;
} // namespace v1
} // namespace outer

// Comma, statement expression-free lambda call, sizeof of a call (unevaluated).
int unevaluated = sizeof(compute(0));
int commaDynamic = (computeNoArg(), 3);
int immediatelyInvoked = [] { return 4; }();   // constexpr lambda call (C++17): constant
int immediatelyInvokedDynamic = [] { return compute(18); }();
