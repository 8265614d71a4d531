//===- Findings.h - What each initscan check reports -------------*- C++ -*-===//
//
// The checks' decisions and messages, shared by the clang-tidy module and the
// initscan CLI so both report exactly the same thing.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_FINDINGS_H
#define INITSCAN_FINDINGS_H

#include "initscan/StaticInitAnalysis.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace initscan {

inline constexpr llvm::StringLiteral ExpensiveStaticInitCheck =
    "initscan-expensive-static-init";
inline constexpr llvm::StringLiteral TypeErasedCallableMapCheck =
    "initscan-type-erased-callable-map";
inline constexpr llvm::StringLiteral HeapEscapingCaptureCheck =
    "initscan-heap-escaping-capture";
inline constexpr llvm::StringLiteral EagerSingletonCheck =
    "initscan-eager-singleton";
/// Whole program in the CLI (InitOrder.h), one TU in the clang-tidy module.
inline constexpr llvm::StringLiteral InitOrderCheck = "initscan-init-order";

/// Every check name, for --list-checks and glob matching.
inline constexpr llvm::StringLiteral AllChecks[] = {
    ExpensiveStaticInitCheck, TypeErasedCallableMapCheck,
    HeapEscapingCaptureCheck, EagerSingletonCheck, InitOrderCheck};

struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
};

/// One diagnostic of one check, front-end independent.
struct Finding {
  llvm::StringRef Check;
  const StaticInitializer *Init = nullptr;
  clang::SourceLocation Loc;
  std::string Message; ///< Without the trailing "[check-name]".
  std::vector<FindingNote> Notes;
  std::vector<clang::FixItHint> Fixes;
};

struct ExpensiveStaticInitOptions {
  /// Report initializers whose estimated instructions reach this.
  uint64_t MinCost = 0;
  /// Also report constant-initialized globals that only register a destructor.
  bool ReportDestructorOnly = true;
};

/// initscan-expensive-static-init: every piece of code that runs before main.
std::vector<Finding>
findExpensiveStaticInits(llvm::ArrayRef<StaticInitializer> Inits,
                         const ExpensiveStaticInitOptions &Opts);

struct TypeErasedCallableMapOptions {
  /// Fully qualified class templates that type-erase a callable.
  std::vector<std::string> CallableTypes = {"std::function",
                                            "std::move_only_function"};
};

/// initscan-type-erased-callable-map: global containers of std::function-like
/// callables (registries) built at start-up.
std::vector<Finding>
findTypeErasedCallableMaps(clang::ASTContext &Ctx,
                           llvm::ArrayRef<StaticInitializer> Inits,
                           const TypeErasedCallableMapOptions &Opts);

struct HeapEscapingCaptureOptions {
  /// Only report callables built while a static initializer runs.
  bool StaticInitOnly = true;
};

/// initscan-heap-escaping-capture: closures too large for the small buffer of
/// the std::function-like wrapper they are stored in.
std::vector<Finding>
findHeapEscapingCaptures(clang::ASTContext &Ctx,
                         llvm::ArrayRef<StaticInitializer> Inits,
                         const HeapEscapingCaptureOptions &Opts);

struct EagerSingletonOptions {
  /// Heap allocations at construction that count as acquiring memory.
  uint64_t MinAllocations = 16;
};

/// initscan-eager-singleton: globals whose construction acquires resources
/// (files, sockets, threads, environment, much memory) before main.
std::vector<Finding>
findEagerSingletons(clang::ASTContext &Ctx,
                    llvm::ArrayRef<StaticInitializer> Inits,
                    const EagerSingletonOptions &Opts);

/// The options of every check, as the CLI and .clang-tidy set them.
struct CheckOptions {
  ExpensiveStaticInitOptions ExpensiveStaticInit;
  TypeErasedCallableMapOptions TypeErasedCallableMap;
  HeapEscapingCaptureOptions HeapEscapingCapture;
  EagerSingletonOptions EagerSingleton;
};

/// Runs the checks named in \p Enabled, in the order of AllChecks.
std::vector<Finding> runChecks(clang::ASTContext &Ctx,
                               llvm::ArrayRef<StaticInitializer> Inits,
                               llvm::ArrayRef<std::string> Enabled,
                               const CheckOptions &Opts);

} // namespace initscan

#endif // INITSCAN_FINDINGS_H
