//===- Diff.h - Start-up cost of a change against a base report -*- C++ -*-===//
//
// `initscan --diff base.json` compares the program report of the current scan
// with the "program" section of an earlier --format=json report (typically
// the base branch's) and prints the difference as Markdown, for CI job
// summaries and merge-request comments.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_DIFF_H
#define INITSCAN_TOOLS_DIFF_H

#include "Report.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace initscan::cli {

/// What one side of a diff knows of the start-up cost: the whole-program
/// ranking, reduced to the numbers a diff compares.
struct CostSnapshot {
  struct Global {
    std::string Symbol, File; ///< Matched by symbol + file, as --baseline does.
    unsigned Line = 0;
    unsigned Instances = 0;
    uint64_t Instructions = 0, Allocations = 0, TimeNs = 0;
  };
  std::vector<Global> Globals;
  unsigned Initializers = 0;
  uint64_t Instructions = 0, Allocations = 0, TimeNs = 0;
};

/// The snapshot of the current scan.
CostSnapshot snapshotOf(const ProgramReport &Program);

/// Reads the "program" section of an initscan --format=json report; false
/// with a one-line \p Error when \p JSONText is not such a report.
bool readSnapshot(llvm::StringRef JSONText, CostSnapshot &Base,
                  std::string &Error);

/// Writes the Markdown comparison of \p Current against \p Base: totals, then
/// one row per global added, removed or whose cost changed (largest change
/// first). Paths under \p RelativeTo are shown relative to it.
void writeMarkdownDiff(llvm::raw_ostream &OS, const CostSnapshot &Base,
                       const CostSnapshot &Current, llvm::StringRef RelativeTo);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_DIFF_H
