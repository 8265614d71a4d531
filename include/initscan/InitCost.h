//===- InitCost.h - Estimated cost of code that runs before main -*- C++ -*-===//
//
// The value type every initscan front-end reports: how much work a static
// initializer does, which resources it touches and what could not be seen.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_INITCOST_H
#define INITSCAN_INITCOST_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <vector>

namespace initscan {

/// Side effects of start-up code beyond CPU work, as a bit set.
enum Effect : unsigned {
  EffectNone = 0,
  EffectFile = 1u << 0,
  EffectNetwork = 1u << 1,
  EffectEnvironment = 1u << 2,
  EffectThread = 1u << 3,
  EffectLock = 1u << 4,
  EffectDynamicLoading = 1u << 5,
  EffectClock = 1u << 6,
  EffectLocale = 1u << 7,
  EffectConsole = 1u << 8,
  EffectMemoryTouch = 1u << 9,
};
using EffectSet = unsigned;

/// Stable lower-case names of the effects in \p Effects ("file", "network"...).
std::vector<llvm::StringRef> effectNames(EffectSet Effects);

/// One named part of a cost, e.g. "std::regex compile" or
/// "3 std::map entries", with the call path that leads to it.
struct CostContributor {
  std::string What;
  std::string Via; ///< "Config::Config -> Config::load", empty when direct.
  uint64_t Instructions = 0;
  uint64_t Allocations = 0;
  EffectSet Effects = EffectNone;
};

/// Estimated cost of running one piece of start-up code.
struct InitCost {
  uint64_t Instructions = 0;
  uint64_t Allocations = 0;
  EffectSet Effects = EffectNone;
  /// Calls whose bodies could not be seen: their cost is unknown, not zero.
  unsigned UnknownCalls = 0;
  /// Names of some of those callees, for the report.
  std::vector<std::string> UnknownCallees;
  /// The largest parts of the cost, largest first (see normalize()).
  std::vector<CostContributor> Contributors;

  /// Adds \p Other; its contributors are prefixed with \p Via when given.
  void add(const InitCost &Other, llvm::StringRef Via = {});
  /// Adds \p Other \p Times times (loops with constant trip counts).
  void addScaled(const InitCost &Other, uint64_t Times);
  /// Adds a single contributor.
  void add(const CostContributor &C);
  /// Merges contributors with the same label and path, sorts them largest
  /// first and keeps the first \p Keep.
  void normalize(size_t Keep = 8);

  bool hasUnknowns() const { return UnknownCalls != 0; }
  /// Adds \p Other's unseen calls (the names, up to a few).
  void mergeUnknowns(const InitCost &Other);
  /// Estimated wall time at the model's nominal rate, in nanoseconds.
  uint64_t estimatedNanoseconds() const;
  /// "~2.5M instructions, 4230 allocations (std::regex compile)".
  std::string summary() const;
};

/// "2.5M", "870", "12k": the compact form used in messages.
std::string formatCount(uint64_t N);

/// Parses a cost threshold like "0", "5000", "10k", "2.5M", "1G" (instructions).
bool parseCostThreshold(llvm::StringRef Text, uint64_t &Result);

} // namespace initscan

#endif // INITSCAN_INITCOST_H
