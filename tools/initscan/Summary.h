//===- Summary.h - Per-TU summaries on disk ---------------------*- C++ -*-===//
//
// A TranslationUnitReport is the summary of one translation unit: everything
// the whole-program report and every output format need, with no AST. This
// file turns it into versioned JSON and back, for the cache (Cache.h),
// --summaries-out and --merge.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_SUMMARY_H
#define INITSCAN_TOOLS_SUMMARY_H

#include "Report.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace initscan::cli {

/// Bump when the meaning or shape of a summary changes: older summaries are
/// then rejected by --merge and ignored (re-analysed) by the cache.
inline constexpr int64_t SummaryFormatVersion = 2;
inline constexpr llvm::StringLiteral SummaryFormatName = "initscan-tu-summary";

/// Writes \p Summary as one JSON object.
void writeSummary(llvm::json::OStream &J, const TranslationUnitReport &Summary);
/// The summary as JSON text, indented by \p Indent (0: one line).
std::string summaryText(const TranslationUnitReport &Summary,
                        unsigned Indent = 0);
/// Reads a summary; false with \p Error on a malformed or other-version one.
bool summaryFromJSON(const llvm::json::Value &Value,
                     TranslationUnitReport &Summary, std::string &Error);

/// "00012-server.cpp.json": unique per ordinal, sorted like the run.
std::string summaryFileName(const TranslationUnitReport &Summary);

/// Every summary of the *.json files directly in \p Dirs, in run order
/// (Ordinal); false with \p Error on a missing directory, an unreadable or
/// malformed summary, two summaries for the same TU, or no summary at all (an
/// empty directory alone is fine: a shard can have no TUs).
bool readSummaryDirectories(llvm::ArrayRef<std::string> Dirs,
                            std::vector<TranslationUnitReport> &Summaries,
                            std::string &Error);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_SUMMARY_H
