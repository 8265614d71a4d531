// C++20-only constructs, guarded; the C++17 build sees the #else branches.
#include <string>
#include <string_view>
#include <vector>

int compute(int);
constexpr int square(int v) { return v * v; }

#if __cplusplus > 201703L
#include <span>

constinit int ciInt = square(4);
constinit const char *ciLiteral = "constinit literal";
constinit std::string_view ciView = "constinit view";
// std::vector's default constructor is constexpr in C++20: constant, but the
// destructor is still registered. (constinit std::string is rejected with
// libstdc++ 12: its SSO buffer union has no active member.)
constinit std::vector<int> ciEmptyVector;
std::string defaultString20;
#if defined(_LIBCPP_VERSION)
// constexpr std::string (libc++ only: clang rejects libstdc++ 12's in constant
// evaluation). Transient use in a constant expression, constant default
// construction (destructor still registered), and a dynamic one.
constexpr std::size_t kLiteralLength = std::string("constexpr").size();
std::size_t literalLength = kLiteralLength;
constinit std::string ciEmptyString;
std::string shortString20 = "short";
#endif
constexpr std::string_view kEmpty = "";
consteval int immediate() { return 7; }
int fromImmediate = immediate();
const int fromImmediateConst = immediate() + square(2);
std::vector<int> vector20;                             // constexpr ctor in C++20, dtor registered
int numbers[] = {1, 2, 3};
std::span<int> spanOfGlobal = numbers;                 // constant
char8_t utf8Char = u8'x';
struct Aggregate20 {
  int a;
  int b;
};
// C++20 parenthesized aggregate init: clang 16 and later.
#if __cpp_aggregate_paren_init
Aggregate20 parenAggregate(1, 2);
Aggregate20 parenAggregateDynamic(1, compute(1));
#endif
template <class T> concept Small = sizeof(T) <= 4;
template <Small T> T constrainedVar = T(compute(2));
int useConstrained() { return constrainedVar<int>; }
auto dynamic20 = [n = compute(3)] { return n; };
#else
const char *ciLiteral = "plain literal";
std::string defaultString17;
int fallbackDynamic = compute(4);
#endif

// Both standards.
int always = compute(5);
constexpr int alwaysConstant = square(3);
