// A header that defines globals, included by header_and_macros.cpp.
#ifndef INITSCAN_TEST_GLOBALS_H
#define INITSCAN_TEST_GLOBALS_H

#include <string>

int compute(int);

// `static` in a header: one copy per including TU.
static int headerStaticConstant = 1;
static int headerStaticDynamic = compute(100);
static const std::string headerStaticString = "a header-defined static std::string";
// const at namespace scope: internal linkage too.
const int headerConst = 2;
const int headerConstFromCall = compute(101);
// inline: one copy per program.
inline int headerInlineDynamic = compute(102);
inline const char *headerInlineLiteral = "literal";
inline std::string headerInlineString = "a header-defined inline std::string";

namespace header_ns {
inline int counter = 0;
inline int seeded = compute(103);
struct Holder {
  static inline std::string name = "holder name that is long enough";
  static inline int id = 3;
};
} // namespace header_ns

#define DEFINE_FLAG(name, value) int FLAG_##name = (value)
#define DEFINE_STRING_FLAG(name, value) std::string FLAGS_##name = value
#define REGISTER(name) static const int registered_##name = compute(__LINE__)

#endif
