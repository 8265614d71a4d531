// Globals defined in an included header and by macros.
#include "globals.h"

int useHeader() {
  return headerStaticConstant + headerConst + header_ns::counter + header_ns::Holder::id +
         static_cast<int>(header_ns::Holder::name.size());
}

// Macros defined in the header.
DEFINE_FLAG(verbose, 0);
DEFINE_FLAG(threads, compute(1));
DEFINE_STRING_FLAG(output, "a default output path that is long");
DEFINE_STRING_FLAG(empty, "");
REGISTER(alpha);
REGISTER(beta);

// Macros defined here.
#define CONSTANT_GLOBAL(name) constexpr int name = __LINE__
#define DYNAMIC_GLOBAL(name) int name = compute(__LINE__)
#define TWO_GLOBALS(a, b) int a = 1; int b = compute(2)
CONSTANT_GLOBAL(macroConstant);
DYNAMIC_GLOBAL(macroDynamic);
TWO_GLOBALS(pairConstant, pairDynamic);

// A macro that expands to an initializer only.
#define INIT_WITH_CALL compute(3)
#define INIT_CONSTANT 4
int initFromMacroCall = INIT_WITH_CALL;
int initFromMacroConstant = INIT_CONSTANT;

// Object-like macro naming the type.
#define STRING_TYPE std::string
STRING_TYPE macroTypedString = "macro typed std::string, long enough to allocate";
