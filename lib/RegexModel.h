//===- RegexModel.h - What compiling a std::regex pattern does --*- C++ -*-===//
//
// Internal: the shape of the automaton each standard library builds for an
// ECMAScript pattern, counted the way the library's compiler builds it, so
// the estimator can charge it from the cost table. The counts were derived
// from the libraries' compilers and checked allocation by allocation against
// bench/calibrate (docs/cost-model.md, "std::regex").
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_LIB_REGEXMODEL_H
#define INITSCAN_LIB_REGEXMODEL_H

#include "initscan/StaticInitAnalysis.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace initscan {

/// The std::regex_constants flags the model follows; any other grammar or
/// flag (basic, extended, awk, grep, egrep, collate) makes it give up.
struct RegexFlags {
  bool ICase = false;
  bool NoSubs = false;
  bool Supported = true;
};

struct RegexShape {
  /// False when the pattern uses syntax the model does not follow
  /// (lookahead, back-references in brackets, collating elements, ...).
  bool Understood = false;
  /// libstdc++: NFA states; libc++: nodes of the matcher graph (each one
  /// allocation).
  uint64_t States = 0;
  /// Bracket expressions and class escapes (\d, [a-z]).
  uint64_t Brackets = 0;
  /// libstdc++: entries of the brackets' 256-entry caches that go through
  /// the locale's collate transform (two allocations each).
  uint64_t CacheTransforms = 0;
  /// Other allocations: vector growth, copies made for {n,m}, bookkeeping.
  uint64_t Allocations = 0;
};

/// The automaton \p Lib builds for \p Pattern (ECMAScript grammar), with the
/// global locale of static initialization ("C").
RegexShape shapeOfRegex(llvm::StringRef Pattern, StdLibKind Lib,
                        const RegexFlags &Flags);

} // namespace initscan

#endif // INITSCAN_LIB_REGEXMODEL_H
