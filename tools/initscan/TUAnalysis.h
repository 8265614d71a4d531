//===- TUAnalysis.h - One translation unit into its summary -----*- C++ -*-===//
//
// Parses one TU with its compile command, runs the engine and the enabled
// checks, and keeps the result as a TranslationUnitReport (the per-TU
// summary, Summary.h) plus the files the TU was built from (for the cache).
// Nothing here prints: the reports are built from summaries alone.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_TUANALYSIS_H
#define INITSCAN_TOOLS_TUANALYSIS_H

#include "Cache.h"
#include "Report.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace initscan::cli {

enum class OutputFormat { Text, JSON, SARIF, HTML };

struct Config {
  OutputFormat Format = OutputFormat::Text;
  std::vector<std::string> EnabledChecks;
  CheckOptions Checks;
  bool SystemHeaders = false;
  bool ShowColors = false;
  /// Keep each finding's clang-style text: the text output prints it and a
  /// cached summary must be able to serve a later text run. Rendering it is
  /// up to a sixth of a run on macro-heavy TUs, so JSON, SARIF and HTML runs
  /// without a cache skip it.
  bool RenderDiagnostics = true;
};

/// One translation unit: a file with (at most) one compile command.
struct Job {
  std::string File;
  std::vector<clang::tooling::CompileCommand> Commands;
  Config Cfg;
  unsigned Ordinal = 0; ///< Position in the whole run, for merging shards.
  std::string CacheKey; ///< Empty: not cached.
  // Results.
  bool FromCache = false;
  std::vector<TranslationUnitReport> Reports;
  std::vector<Dependency> Dependencies;
  bool ToolFailed = false;
};

/// Parses and analyses \p J's TU, filling its results. The compiler's own
/// diagnostics and each finding's clang-style text are kept without colour.
void runJob(Job &J);

/// Why \p File cannot be analysed ("no such file", "is a directory",
/// "Permission denied"...), or "" when it can be read.
std::string unreadableReason(llvm::StringRef File);

/// Records \p J as a failed TU whose only diagnostic is the one-line
/// `initscan: error: <Problem>`: it is reported, the others go on, and the
/// run exits 2 at the end.
void failJob(Job &J, const llvm::Twine &Problem);

/// True (and \p J failed) when \p J's file cannot be read; runJob checks
/// this first.
bool failIfUnreadable(Job &J);

/// \p J's results as text, for a child process (--timeout) to send to its
/// parent: the summaries in their lossless on-disk form (Summary.h), the
/// files the TU was built from (for the cache) and whether the tool failed.
std::string encodeJobResults(const Job &J);
/// Reads encodeJobResults() output into \p J; false on anything else.
bool decodeJobResults(llvm::StringRef Text, Job &J);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_TUANALYSIS_H
