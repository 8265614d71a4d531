//===- Baseline.h - The --baseline report of the initscan CLI -----*- C++ -*-===//
//
// A baseline is an earlier --format=json report; its findings are matched by
// check, symbol and file (the line may move). Parsed here, apart from main,
// so the parsers fuzzer can feed it arbitrary bytes.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_BASELINE_H
#define INITSCAN_TOOLS_BASELINE_H

#include "llvm/ADT/StringRef.h"
#include <set>
#include <string>
#include <tuple>

namespace initscan::cli {

struct BaselineKey {
  std::string Check, Symbol, File;
  bool operator<(const BaselineKey &O) const {
    return std::tie(Check, Symbol, File) < std::tie(O.Check, O.Symbol, O.File);
  }
};

/// Parses the report \p Text (from \p Path, for messages) into \p Keys; on
/// failure returns false with a one-line \p Error.
bool parseBaseline(llvm::StringRef Text, llvm::StringRef Path,
                   std::multiset<BaselineKey> &Keys, std::string &Error);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_BASELINE_H
