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

/// Every check name, for --list-checks and glob matching.
inline constexpr llvm::StringLiteral AllChecks[] = {ExpensiveStaticInitCheck};

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

} // namespace initscan

#endif // INITSCAN_FINDINGS_H
