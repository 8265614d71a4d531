// inline variables, constexpr constructors with non-trivial destructors,
// constexpr / constinit.
#include <string>

int compute(int);

struct Trivial {
  int a, b;
};
struct WithDtor {
  constexpr WithDtor(int v) : v(v) {}
  ~WithDtor();
  int v;
};
struct ConstexprCtorDefaultDtor {
  constexpr ConstexprCtorDefaultDtor() : v(1) {}
  int v;
};
struct NonConstexprCtor {
  NonConstexprCtor();
  int v;
};
struct ConstexprCtorInlineDtor {
  constexpr ConstexprCtorInlineDtor(const char *n) : name(n) {}
  ~ConstexprCtorInlineDtor() { name = nullptr; }
  const char *name;
};

// inline variables: used / unused, with and without a non-trivial destructor.
inline int inlineConstant = 1;
inline int inlineDynamicUsed = compute(1);
inline int inlineDynamicUnused = compute(2);
inline Trivial inlineTrivial = {1, 2};
inline WithDtor inlineWithDtorUsed{3};       // constant, destructor registered
inline WithDtor inlineWithDtorUnused{4};
inline std::string inlineStringUsed = "an inline std::string that allocates";
inline std::string inlineStringUnused = "unused inline std::string that allocates";
inline const std::string inlineConstStringUnused = "x";
inline NonConstexprCtor inlineNonConstexprUsed;
inline constexpr int inlineConstexpr = 9;
int useInline() {
  return inlineConstant + inlineDynamicUsed + inlineWithDtorUsed.v +
         static_cast<int>(inlineStringUsed.size()) + inlineNonConstexprUsed.v +
         inlineTrivial.a;
}

// constexpr constructor + non-trivial destructor: constant initialization, but
// clang still emits __cxx_global_var_init to call __cxa_atexit.
WithDtor withDtor{5};
const WithDtor constWithDtor{6};
WithDtor withDtorArray[2] = {WithDtor{7}, WithDtor{8}};
ConstexprCtorInlineDtor inlineDtor{"name"};
static WithDtor staticWithDtorUnused{9};
namespace {
WithDtor anonWithDtor{10};
}

// constexpr constructor, trivial destructor: nothing at all.
ConstexprCtorDefaultDtor constexprCtor;
const ConstexprCtorDefaultDtor constConstexprCtor;
Trivial trivial = {1, 2};
Trivial trivialDynamic = {compute(3), 4};

// Non-constexpr constructor: dynamic.
NonConstexprCtor nonConstexpr;

// constexpr variables.
constexpr int kAnswer = 42;
constexpr Trivial kTrivial = {kAnswer, 1};
constexpr const char *kName = "name";
constexpr ConstexprCtorDefaultDtor kConstexprObject{};
int fromConstexpr = kTrivial.a + kAnswer;    // constant

#if __cplusplus > 201703L
// C++20: constinit.
constinit int constinitInt = 5;
constinit WithDtor constinitWithDtor{11};     // constant, destructor registered
constinit thread_local int constinitTls = 6;
extern constinit int constinitExtern;
constinit int constinitExtern = 7;
consteval int immediate(int v) { return v + 1; }
int fromConsteval = immediate(3);
#else
int cxx17Only = compute(4);
#endif
