//===- CostModel.h - Access to the cost table -------------------*- C++ -*-===//
//
// Internal: the operations of CostModel.def and the library functions of
// KnownFunctions.def, as an enum and lookups.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_LIB_COSTMODEL_H
#define INITSCAN_LIB_COSTMODEL_H

#include "initscan/InitCost.h"
#include <optional>

namespace initscan {

enum class CostOp {
#define INITSCAN_COST(Id, Instructions, Allocations, Effects, Label) Id,
#include "CostModel.def"
};

struct CostEntry {
  uint64_t Instructions;
  uint64_t Allocations;
  EffectSet Effects;
  llvm::StringRef Label;
};

const CostEntry &costEntry(CostOp Op);

/// The cost of \p Times occurrences of \p Op, labelled \p What (or the table's
/// label when empty).
CostContributor charge(CostOp Op, uint64_t Times = 1, llvm::StringRef What = {});

/// The frame and exit registration every initializer of its kind pays: not
/// worth naming as a "largest cost".
bool isFixedOverhead(const CostContributor &C);

/// The operation a library function maps to, by qualified name.
std::optional<CostOp> knownFunctionCost(llvm::StringRef QualifiedName);

/// Nominal rate used to turn instructions into time: 1 ns per 3 instructions
/// (3 GHz at an IPC of 1, typical of cold start-up code).
constexpr uint64_t InstructionsPerMicrosecond = 3000;

} // namespace initscan

#endif // INITSCAN_LIB_COSTMODEL_H
