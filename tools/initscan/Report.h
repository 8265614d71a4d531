//===- Report.h - What the initscan CLI keeps of each translation unit -*- C++ -*-===//
//
// The AST of a TU is gone once it has been analysed; these plain records keep
// what the text and JSON reports need.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_REPORT_H
#define INITSCAN_TOOLS_REPORT_H

#include "initscan/Findings.h"
#include "initscan/InitOrder.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

namespace initscan::cli {

struct Position {
  std::string File; ///< Absolute path.
  unsigned Line = 0, Column = 0;
};

struct GlobalRecord {
  std::string Symbol, Mangled;
  std::string USR; ///< clang's Unified Symbol Resolution, "c:@N@app@kRoute".
  Position Where;
  StorageKind Storage;
  bool EmitsInitFunction = false, DynamicInit = false, Destructor = false,
       SystemHeader = false;
  InitCost Cost;
  /// Linked once per program however many TUs define it (inline variables,
  /// template static members: guarded, run once); false for internal linkage,
  /// which runs once in every TU that includes the definition.
  bool OncePerProgram = false;
  /// Built only for its constructor's side effect.
  bool Registrar = false;
  /// For registrars: the registry it fills when the checks found it, else the
  /// registrar's class.
  std::string Registry;
  /// Runs before main (not thread_local).
  bool beforeMain() const {
    return EmitsInitFunction && Storage != StorageKind::ThreadLocal;
  }
};

struct FindingRecord {
  std::string Check, Symbol, Message;
  Position Where;
  bool Dynamic = false;
  InitCost Cost;
  std::vector<std::pair<Position, std::string>> Notes;
  Rewrite::Kind RewriteKind = Rewrite::None;
  std::string Advice, RewriteText;
  /// The fix-its, as file edits.
  std::vector<clang::tooling::Replacement> Fixes;
  /// The clang-style diagnostic text (warning and notes), for text mode.
  std::string DiagText;
  /// initscan-init-order: the reader-to-dependency chain, as JSON.
  llvm::json::Array Chain;
};

/// Everything the reports need of one TU: the per-TU summary. It is written to
/// and read from disk by Summary.h (the cache, --summaries-out, --merge), so
/// every report is built from summaries alone.
struct TranslationUnitReport {
  std::string File;
  /// Position of the TU in the whole run's job list (compile database order):
  /// merged shards are put back in this order.
  unsigned Ordinal = 0;
  /// What the compiler printed (warnings), replayed on a cache hit.
  std::string CompilerDiagnostics;
  /// What each dynamic initializer and each defined function reads and
  /// calls (initscan/InitOrder.h, toJSON), for initscan-init-order across
  /// TUs; serialized as "initOrder", null when absent. addInitOrderFindings
  /// consumes them.
  std::optional<InitOrderFacts> InitOrder;
  StdLibKind StdLib = StdLibKind::Unknown;
  bool Failed = false;
  std::vector<GlobalRecord> Globals;
  std::vector<FindingRecord> Findings;
  /// Whether initscan-init-order reports in this TU (its facts are in
  /// InitOrder either way: another TU's reader may depend on this TU).
  bool InitOrderEnabled = false;
  /// Cost of everything that runs before main in this TU.
  InitCost StartupCost() const;
};

/// One start-up initializer of the whole program: a definition seen in one
/// or more TUs (a header global), deduplicated by mangled name + file:line.
struct ProgramEntry {
  const GlobalRecord *Global = nullptr; ///< The first TU's record.
  unsigned TUs = 0;       ///< TUs that define it.
  unsigned Instances = 0; ///< Times it runs per program start.
  InitCost Total;         ///< Cost x Instances.
};

struct RegistryGroup {
  std::string Name;
  unsigned Registrars = 0;
  InitCost Total;
};

struct ProgramReport {
  std::vector<ProgramEntry> Ranked; ///< Largest total first.
  std::vector<RegistryGroup> Registries;
  unsigned Initializers = 0; ///< Runs before main, instances.
  unsigned ExitDestructors = 0;
  unsigned TUs = 0;
  InitCost Total;
};
ProgramReport buildProgramReport(const std::vector<TranslationUnitReport> &Reports);

/// What the gates decided, for the reports.
struct GateResult {
  std::optional<uint64_t> Budget;
  unsigned BaselineSuppressed = 0;
  bool HasBaseline = false;
};

/// Collects a report in a std::string through a buffer, flushed when the
/// stream is flushed or destroyed. llvm::raw_string_ostream appends every
/// write to the string unbuffered, and json::OStream writes strings a
/// character at a time: on an 11 MB report those appends were a fifth of the
/// whole run.
class StringBuilderStream : public llvm::raw_ostream {
public:
  explicit StringBuilderStream(std::string &Out) : Out(Out) {
    SetBufferSize(1 << 16);
  }
  ~StringBuilderStream() override { flush(); }

private:
  void write_impl(const char *Ptr, size_t Size) override {
    Out.append(Ptr, Size);
  }
  uint64_t current_pos() const override { return Out.size(); }
  std::string &Out;
};

/// Clang's terminal colours for plain clang-style diagnostic text (summaries
/// keep it plain: one summary serves terminals, files and every format).
std::string colorizeDiagnostics(llvm::StringRef Plain);
/// Shared by the JSON, SARIF and HTML writers and the summaries.
/// "string-view", "lazy-accessor"...: the stable name of a rewrite kind.
llvm::StringRef rewriteKindName(Rewrite::Kind K);
/// A count as a JSON number (llvm::json has no unsigned type before LLVM 17).
inline int64_t jsonInt(uint64_t N) { return static_cast<int64_t>(N); }
/// Notes as [{column, file, line, message}].
void writeNotes(llvm::json::OStream &J,
                const std::vector<std::pair<Position, std::string>> &Notes);
/// Replacements as [{file, length, offset, replacement}].
void writeFixes(llvm::json::OStream &J,
                const std::vector<clang::tooling::Replacement> &Fixes);
/// One sentence on what \p Check finds.
llvm::StringRef checkDescription(llvm::StringRef Check);
/// The check's documentation page, docs/checks/<check>.md under \p DocsBaseURI.
std::string checkHelpURI(llvm::StringRef DocsBaseURI, llvm::StringRef Check);
/// "file:///abs/path" with the unsafe characters percent-encoded.
std::string fileURI(llvm::StringRef Path);

void writeJSON(llvm::raw_ostream &OS,
               const std::vector<TranslationUnitReport> &Reports,
               const ProgramReport &Program, const GateResult &Gates);
void writeSARIF(llvm::raw_ostream &OS,
                const std::vector<TranslationUnitReport> &Reports,
                const ProgramReport &Program, llvm::StringRef DocsBaseURI);
void writeTextSummary(llvm::raw_ostream &OS,
                      const std::vector<TranslationUnitReport> &Reports,
                      const ProgramReport &Program, const GateResult &Gates);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_REPORT_H
