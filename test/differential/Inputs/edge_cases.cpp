// Corner cases where "what clang emits" is not obvious from the source: code
// generation folds more than the standard calls constant, templates are
// emitted only where used, attributes change what gets registered.
#include <any>
#include <array>
#include <chrono>
#include <climits>
#include <cmath>
#include <complex>
#include <condition_variable>
#include <deque>
#include <initializer_list>
#include <memory>
#include <random>
#include <string>
#include <system_error>
#include <thread>
#include <tuple>
#include <typeinfo>
#include <utility>
#include <variant>

int compute(int);
int x = 1;
thread_local int tlsVar = 2;

// Not constant expressions, but clang emits them as constants anyway.
long addressAsInteger = (long)&x;
int *memoryMapped = (int *)0x40000000;
int &memoryMappedRef = *(int *)0x1000;
int stringLength = __builtin_strlen("abc");
bool notNull = &x != nullptr;
double absolute = std::abs(-1.0);              // libstdc++: constexpr
// ... and some it does not fold.
int truncatedAddress[2] = {(int)(long)&x, 2};
int *tlsAddress = &tlsVar;                     // a thread_local's address is per thread
thread_local int *tlsAddressTls = &tlsVar;
const double kPi = std::acos(-1.0);
const char *typeName = typeid(int).name();
const std::type_info &typeInfo = typeid(int);  // constant

// initializer_list backing arrays and lifetime-extended temporaries.
std::initializer_list<int> intList = {1, 2, 3};                  // constant
std::initializer_list<std::string> stringList = {"a", "b"};      // dynamic backing array
namespace ns {
std::initializer_list<std::string> nestedList = {"c"};
}
struct RefMember {
  const int &r;
};
RefMember refMember = {5};                     // constant lifetime-extended temporary
const int &refToSum = 3 + 4;

// Structured bindings at namespace scope: the hidden variable is the global.
auto [dynA, dynB] = std::pair<int, int>(1, compute(1));
auto [constA, constB] = std::pair<int, int>(1, 2);

// Attributes.
[[clang::no_destroy]] std::string noDestroyString = "dynamic, never destroyed";
[[clang::no_destroy]] std::unique_ptr<int> noDestroyPtr;            // nothing at all
__attribute__((weak)) int weakDynamic = compute(2);
__attribute__((weak)) int weakConstant = 2;
__attribute__((used)) static int usedStaticConstant = 3;
__attribute__((used)) static int usedStaticDynamic = compute(3);
[[maybe_unused]] static int maybeUnusedDynamic = compute(4);
int renamed asm("initscan_renamed_symbol") = compute(5);
extern "C" {
int cLinkageDynamic = compute(6);
int cLinkageConstant = 6;
}
__thread int gnuThreadLocal = 3;
volatile int volatileConstant = 3;
int a0 = 0, b0 = compute(7), c0 = 3;

// Templates: emitted where odr-used, even from code that is never emitted.
template <class T> struct R {
  static int m;
  static int k;
};
template <class T> int R<T>::m = compute(8);
template <class T> int R<T>::k = compute(9);
extern template struct R<short>;                       // defined in another TU
int useExternTemplate() { return R<short>::m; }
int unevaluated = sizeof(R<long>::k);                  // not odr-used
decltype(R<char>::k) unevaluatedDecltype = 0;
inline int unusedInline() { return R<int>::m; }       // still instantiates R<int>::m
template <class T> int uninstantiated() { return R<T>::k + R<double>::k; }
auto unusedLambda = [] { return R<char>::m; };
int *addressOfMember = &R<unsigned>::m;
template <class T> int discarded() {
  if constexpr (sizeof(T) > 100)
    return R<T>::k;
  else
    return 0;
}
int callsDiscarded = discarded<int>();

template <class T> struct Outer {
  struct Inner {
    static int v;
  };
};
template <class T> int Outer<T>::Inner::v = compute(10);
int useOuter = Outer<int>::Inner::v;
struct HasMemberTemplate {
  template <class T> static int tv;
};
template <class T> int HasMemberTemplate::tv = compute(sizeof(T));
int useMemberTemplate = HasMemberTemplate::tv<int>;
template <class T> int vt = 1;
template <class T> int vt<T *> = compute(11);           // partial specialization
int useVt = vt<int *> + vt<int>;

// Classes.
struct EmptyUserCtor {
  EmptyUserCtor() {}
};
EmptyUserCtor emptyUserCtor;
struct DefaultedCtor {
  DefaultedCtor() = default;
  int a;
};
DefaultedCtor defaultedCtor;
struct VirtualBaseRoot {
  int b = 1;
};
struct WithVirtualBase : virtual VirtualBaseRoot {
  WithVirtualBase() {}
};
WithVirtualBase withVirtualBase;
int *newed = new int(3);
int fromMove = std::move(x);
std::array<std::string, 2> stringArray = {"a", "b"};
std::array<int, 3> intArray = {1, 2, 3};

// Standard library types whose constructors are (not) constexpr.
std::error_code errorCode;                     // calls system_category()
std::mt19937 randomEngine;
std::variant<int, std::string> variant;        // constexpr, destructor registered
std::variant<int, double> trivialVariant;
std::any any;
std::deque<int> deque;
std::thread thread;
std::condition_variable conditionVariable;
std::chrono::seconds seconds{5};
std::complex<double> complexNumber{1, 2};
std::tuple<int, double> tuple{1, 2.0};

#if __cplusplus > 201703L
int isConstantEvaluated = std::is_constant_evaluated() ? 1 : compute(12);   // constant: 1
#endif
