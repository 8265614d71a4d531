//===- Report.h - What the initscan CLI keeps of each translation unit -*- C++ -*-===//
//
// The AST of a TU is gone once it has been analysed; these plain records keep
// what the text and JSON reports need.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_REPORT_H
#define INITSCAN_TOOLS_REPORT_H

#include "initscan/Findings.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace initscan::cli {

struct Position {
  std::string File; ///< Absolute path.
  unsigned Line = 0, Column = 0;
};

struct GlobalRecord {
  std::string Symbol, Mangled;
  Position Where;
  StorageKind Storage;
  bool EmitsInitFunction, DynamicInit, Destructor, SystemHeader;
  InitCost Cost;
};

struct FindingRecord {
  std::string Check, Symbol, Message;
  Position Where;
  bool Dynamic = false;
  InitCost Cost;
  std::vector<std::pair<Position, std::string>> Notes;
  Rewrite::Kind RewriteKind = Rewrite::None;
  std::string Advice, RewriteText;
};

struct TranslationUnitReport {
  std::string File;
  StdLibKind StdLib = StdLibKind::Unknown;
  bool Failed = false;
  std::vector<GlobalRecord> Globals;
  std::vector<FindingRecord> Findings;
  /// Cost of everything that runs before main in this TU.
  InitCost StartupCost() const;
};

void writeJSON(llvm::raw_ostream &OS,
               const std::vector<TranslationUnitReport> &Reports);
void writeTextSummary(llvm::raw_ostream &OS,
                      const std::vector<TranslationUnitReport> &Reports);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_REPORT_H
