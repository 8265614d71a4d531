//===- InitOrderReport.cpp - initscan-init-order in the CLI ----------------===//
//
// The one check that needs the whole program: the facts each TU left in its
// report are joined here, after every TU has been analysed.
//
//===----------------------------------------------------------------------===//

#include "InitOrderReport.h"
#include <map>
#include <set>
#include <tuple>

namespace initscan::cli {

static Position positionOf(const InitOrderLocation &L) {
  Position P;
  P.File = L.File;
  P.Line = L.Line;
  P.Column = L.Column;
  return P;
}

static std::string diagnosticLine(const Position &P, llvm::StringRef Kind,
                                  llvm::StringRef Message) {
  return P.File + ":" + std::to_string(P.Line) + ":" +
         std::to_string(P.Column) + ": " + Kind.str() + ": " + Message.str() +
         "\n";
}

static llvm::StringRef kindName(InitOrderIssue::Kind K) {
  switch (K) {
  case InitOrderIssue::OtherTranslationUnit: return "other-translation-unit";
  case InitOrderIssue::DefinedLater: return "defined-later";
  case InitOrderIssue::ExternDeclaration: return "extern-declaration";
  }
  return "other-translation-unit";
}

static llvm::json::Array chainJSON(const InitOrderIssue &Issue) {
  auto Where = [](const InitOrderLocation &L) {
    return llvm::json::Object{{"file", L.File},
                              {"line", static_cast<int64_t>(L.Line)},
                              {"column", static_cast<int64_t>(L.Column)}};
  };
  llvm::json::Array Chain;
  Chain.push_back(llvm::json::Object{{"kind", "reader"},
                                     {"name", Issue.Reader},
                                     {"where", Where(Issue.ReaderWhere)}});
  for (const InitOrderStep &Step : Issue.Chain)
    Chain.push_back(llvm::json::Object{
        {"kind", Step.K == InitOrderStep::Call ? "call" : "read"},
        {"from", Step.From},
        {"name", Step.To},
        {"where", Where(Step.Where)}});
  Chain.push_back(llvm::json::Object{{"kind", "dependency"},
                                     {"issue", kindName(Issue.K)},
                                     {"name", Issue.Dependency},
                                     {"translation_unit", Issue.DependencyTU},
                                     {"where", Where(Issue.DependencyWhere)},
                                     {"cure", Issue.Cure}});
  return Chain;
}

void addInitOrderFindings(std::vector<TranslationUnitReport> &Reports) {
  std::vector<InitOrderFacts> Program;
  std::vector<size_t> ReportOf;
  for (size_t I = 0; I < Reports.size(); ++I) {
    if (Reports[I].Failed || !Reports[I].InitOrder)
      continue;
    Program.push_back(std::move(*Reports[I].InitOrder));
    Reports[I].InitOrder.reset();
    ReportOf.push_back(I);
  }
  std::map<std::string, size_t> ByFile;
  for (size_t I = 0; I < Program.size(); ++I)
    ByFile.emplace(Program[I].TranslationUnit, ReportOf[I]);

  // A file analysed twice (two compile commands) reports each issue once.
  std::set<std::tuple<std::string, std::string, std::string>> Reported;
  for (const InitOrderIssue &Issue : findInitOrderIssues(Program)) {
    auto It = ByFile.find(Issue.ReaderTU);
    if (It == ByFile.end() || !Reports[It->second].InitOrderEnabled ||
        !Reported.insert({Issue.ReaderTU, Issue.Reader, Issue.Dependency})
             .second)
      continue;
    FindingRecord F;
    F.Check = InitOrderCheck.str();
    F.Symbol = Issue.Reader;
    F.Message = Issue.message();
    F.Where = positionOf(Issue.ReaderWhere);
    F.Dynamic = true;
    F.DiagText = diagnosticLine(F.Where, "warning",
                                F.Message + " [" + F.Check + "]");
    for (const auto &[Where, Message] : Issue.notes()) {
      F.Notes.emplace_back(positionOf(Where), Message);
      F.DiagText += diagnosticLine(positionOf(Where), "note", Message);
    }
    F.Chain = chainJSON(Issue);
    Reports[It->second].Findings.push_back(std::move(F));
  }
}

} // namespace initscan::cli
