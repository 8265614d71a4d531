// RUN: %check_clang_tidy -std c++20 %s initscan-init-order %t
// RUN: %check_clang_tidy -std c++20 -check-suffix=EXTERN %s initscan-init-order %t \
// RUN:   -- -config="{CheckOptions: [{key: initscan-init-order.ReportExternReads, value: true}]}" --

#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

int seed();
extern std::vector<int> gLaterVector;
extern const int kLater;

//===--- One TU shows it: read before its definition ----------------------===//

extern std::string gLaterName;
extern int gLaterCount;

std::size_t gNameLength = gLaterName.size();
// CHECK-NOTES: :[[@LINE-1]]:13: warning: 'gNameLength' reads 'gLaterName' while it is initialized, but 'gLaterName' is dynamically initialized later in this translation unit: it is read before it is initialized [initscan-init-order]
// CHECK-NOTES: :[[@LINE-2]]:27: note: 'gNameLength' reads 'gLaterName' here
// CHECK-NOTES: :[[@LINE+13]]:13: note: 'gLaterName' is dynamically initialized here
// CHECK-NOTES: :[[@LINE+12]]:13: note: construct 'gLaterName' on first use: an accessor returning a function-local static: std::string& gLaterName() { static std::string instance = std::string(40, 'x'); return instance; }; or constinit/constexpr if its initializer can be constant
// CHECK-MESSAGES-EXTERN: :[[@LINE-5]]:13: warning: 'gNameLength' reads 'gLaterName' {{.*}} later in this translation unit

// Through a function: the chain names it.
static int countTwice() { return gLaterCount * 2; }
int gDoubled = countTwice();
// CHECK-NOTES: :[[@LINE-1]]:5: warning: 'gDoubled' reads 'gLaterCount' through countTwice() while it is initialized, but 'gLaterCount' is dynamically initialized later in this translation unit: it is read before it is initialized [initscan-init-order]
// CHECK-NOTES: :[[@LINE-2]]:16: note: 'gDoubled' calls 'countTwice()' here
// CHECK-NOTES: :[[@LINE-4]]:34: note: 'countTwice()' reads 'gLaterCount' here
// CHECK-NOTES: :[[@LINE+4]]:5: note: 'gLaterCount' is dynamically initialized here
// CHECK-NOTES: :[[@LINE+3]]:5: note: construct 'gLaterCount' on first use
// CHECK-MESSAGES-EXTERN: :[[@LINE-6]]:5: warning: 'gDoubled' reads 'gLaterCount' through countTwice() {{.*}} later in this translation unit
std::string gLaterName = std::string(40, 'x');
int gLaterCount = seed();

//===--- Only declared here: the CLI decides (ReportExternReads) ----------===//

extern std::vector<int> gElsewhere;
std::size_t gElsewhereCount = gElsewhere.size();
// CHECK-MESSAGES-EXTERN: :[[@LINE-1]]:13: warning: 'gElsewhereCount' reads 'gElsewhere' while it is initialized, and 'gElsewhere' is defined in another translation unit: if its initialization is dynamic, which runs first depends on the link order (run the initscan CLI over the program to know) [initscan-init-order]

// constinit on the declaration promises constant initialization: silent.
extern constinit int gPromisedConstant;
int gUsesPromise = gPromisedConstant + seed();

//===--- Silent -----------------------------------------------------------===//

// Defined earlier in this TU.
std::string gEarlier = std::string(20, 'e');
std::size_t gEarlierLength = gEarlier.size();

// Constant initialization: constexpr, constinit, literals, aggregates of
// constants, std::string_view.
constexpr int kLimit = 10;
constinit int gConstinit = 3;
const int kLiteral = 7;
struct Point {
  int X, Y;
};
const Point kOrigin = {1, 2};
constexpr std::string_view kView = "view";
int gFromConstants = seed() + kLimit + gConstinit + kLiteral + kOrigin.X +
                     static_cast<int>(kView.size()) + kLater;
const int kLater = 5; // A constant defined later is still initialized first.

// Function-local statics and accessors.
std::vector<int> &items() {
  static std::vector<int> Items = {1, 2, 3};
  return Items;
}
std::size_t gItemCount = items().size();

// std::call_once guarding constant-initialized state.
static std::once_flag gOnce;
static std::vector<int> *gTable;
std::vector<int> &table() {
  std::call_once(gOnce, [] { gTable = new std::vector<int>{1, 2}; });
  return *gTable;
}
std::size_t gTableSize = table().size();

// A lambda stored during initialization but not called.
std::function<std::size_t()> gLazy = [] { return gLaterVector.size(); };

// Addresses and references, no read.
struct Registrar {
  Registrar(const std::vector<int> *Items, const char *Name) : Items(Items), Name(Name) {}
  const std::vector<int> *Items;
  std::string Name;
};
Registrar gRegistrar(&gLaterVector, "later");
struct View {
  std::vector<int> &Items;
  std::string Name;
};
View gView{gLaterVector, "view"};

// Unevaluated operands.
std::string gSizes = std::string(sizeof(gLaterVector), 's') +
                     std::to_string(sizeof(decltype(gLaterVector.front()))) +
                     (noexcept(gLaterVector.size()) ? "n" : "");

// An inline variable from a header included before the reader.
#include "Inputs/init-order/shared.h"
std::size_t gSharedCount = gShared.size();

std::vector<int> gLaterVector = {seed()};
