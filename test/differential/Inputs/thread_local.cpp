// thread_local variables (constant and dynamic) and function-local statics,
// which must never be reported.
#include <string>
#include <vector>

int compute(int);
struct WithDtor {
  constexpr WithDtor() : v(0) {}
  ~WithDtor();
  int v;
};

// thread_local: constant.
thread_local int tlsConstant = 1;
thread_local const char *tlsPointer = "p";
static thread_local int tlsStaticConstant = 2;
// thread_local: dynamic (initialized on first use per thread).
thread_local int tlsDynamic = compute(1);
thread_local std::string tlsString = "a thread-local std::string, long enough";
thread_local std::vector<int> tlsVector;                // destructor only (C++17)
thread_local WithDtor tlsWithDtor;                      // destructor only
static thread_local int tlsStaticDynamicUnused = compute(2);
static thread_local int tlsStaticDynamicUsed = compute(3);
int readTls() { return tlsStaticDynamicUsed + tlsDynamic; }
namespace {
thread_local int tlsAnonDynamic = compute(4);
}
extern thread_local int tlsExtern;
int readExternTls() { return tlsExtern; }

struct PerThread {
  static thread_local int counter;
  static thread_local int constantCounter;
  inline static thread_local std::string name = "inline static thread_local name";
};
thread_local int PerThread::counter = compute(5);
thread_local int PerThread::constantCounter = 5;
const std::string &readName() { return PerThread::name; }

inline thread_local int inlineTlsUsed = compute(6);
inline thread_local int inlineTlsUnused = compute(7);
int readInlineTls() { return inlineTlsUsed; }

template <class T> struct TlsTemplate {
  static thread_local T value;
};
template <class T> thread_local T TlsTemplate<T>::value = T(compute(8));
int readTemplateTls() { return TlsTemplate<int>::value; }

// Function-local statics: initialized on first call, never before main.
int localStatics() {
  static int localConstant = 1;
  static int localDynamic = compute(9);
  static std::string localString = "a local static std::string, long enough";
  static thread_local int localTls = compute(10);
  static WithDtor localWithDtor;
  return localConstant + localDynamic + static_cast<int>(localString.size()) + localTls +
         localWithDtor.v;
}
struct Widget {
  int method() {
    static std::vector<int> cache = {1, 2, 3};
    return cache[0];
  }
};
int useWidget() { return Widget().method(); }
auto lambdaWithStatic = [] {
  static int insideLambda = compute(11);
  return insideLambda;
};
int useLambda() { return lambdaWithStatic(); }
