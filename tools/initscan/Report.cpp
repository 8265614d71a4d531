//===- Report.cpp - Text summary and JSON report of the initscan CLI -------===//

#include "Report.h"
#include "llvm/Support/JSON.h"

namespace initscan::cli {

InitCost TranslationUnitReport::StartupCost() const {
  InitCost Total;
  for (const GlobalRecord &G : Globals)
    if (G.EmitsInitFunction && G.Storage != StorageKind::ThreadLocal)
      Total.add(G.Cost);
  return Total;
}

static llvm::json::Object costJSON(const InitCost &C) {
  llvm::json::Array IO;
  for (llvm::StringRef Name : effectNames(C.Effects))
    IO.push_back(Name);
  llvm::json::Array Contributors;
  for (const CostContributor &Part : C.Contributors)
    Contributors.push_back(llvm::json::Object{
        {"what", Part.What},
        {"via", Part.Via},
        {"instructions", static_cast<int64_t>(Part.Instructions)},
        {"allocations", static_cast<int64_t>(Part.Allocations)}});
  llvm::json::Array Unknown;
  for (const std::string &Name : C.UnknownCallees)
    Unknown.push_back(Name);
  return llvm::json::Object{
      {"instructions", static_cast<int64_t>(C.Instructions)},
      {"allocations", static_cast<int64_t>(C.Allocations)},
      {"io", std::move(IO)},
      {"unknown_calls", static_cast<int64_t>(C.UnknownCalls)},
      {"unknown_callees", std::move(Unknown)},
      {"time_ns", static_cast<int64_t>(C.estimatedNanoseconds())},
      {"contributors", std::move(Contributors)}};
}

static void addPosition(llvm::json::Object &O, const Position &P) {
  O["file"] = P.File;
  O["line"] = static_cast<int64_t>(P.Line);
  O["column"] = static_cast<int64_t>(P.Column);
}

static llvm::StringRef rewriteKindName(Rewrite::Kind K) {
  switch (K) {
  case Rewrite::None: return "none";
  case Rewrite::StringView: return "string-view";
  case Rewrite::ConstantArray: return "constant-array";
  case Rewrite::Constexpr: return "constexpr";
  case Rewrite::LazyAccessor: return "lazy-accessor";
  case Rewrite::Registry: return "lazy-registry";
  }
  return "none";
}

void writeJSON(llvm::raw_ostream &OS,
               const std::vector<TranslationUnitReport> &Reports) {
  llvm::json::Array Findings, Globals, Units;
  for (const TranslationUnitReport &R : Reports) {
    unsigned Dynamic = 0;
    for (const GlobalRecord &G : R.Globals) {
      Dynamic += G.EmitsInitFunction;
      llvm::json::Object O{{"symbol", G.Symbol},
                           {"mangled", G.Mangled},
                           {"storage", storageKindName(G.Storage)},
                           {"dynamic", G.EmitsInitFunction},
                           {"dynamic_init", G.DynamicInit},
                           {"destructor", G.Destructor},
                           {"system_header", G.SystemHeader},
                           {"translation_unit", R.File},
                           {"cost", costJSON(G.Cost)}};
      addPosition(O, G.Where);
      Globals.push_back(std::move(O));
    }
    for (const FindingRecord &F : R.Findings) {
      llvm::json::Array Notes;
      for (const auto &[Where, Message] : F.Notes) {
        llvm::json::Object N{{"message", Message}};
        addPosition(N, Where);
        Notes.push_back(std::move(N));
      }
      llvm::json::Object O{
          {"check", F.Check},
          {"symbol", F.Symbol},
          {"dynamic", F.Dynamic},
          {"cost", costJSON(F.Cost)},
          {"message", F.Message},
          {"notes", std::move(Notes)},
          {"rewrite", llvm::json::Object{{"kind", rewriteKindName(F.RewriteKind)},
                                         {"advice", F.Advice},
                                         {"text", F.RewriteText}}},
          {"translation_unit", R.File}};
      addPosition(O, F.Where);
      Findings.push_back(std::move(O));
    }
    llvm::json::Object U{{"file", R.File},
                         {"stdlib", stdLibName(R.StdLib)},
                         {"failed", R.Failed},
                         {"globals", static_cast<int64_t>(R.Globals.size())},
                         {"dynamic", static_cast<int64_t>(Dynamic)},
                         {"cost", costJSON(R.StartupCost())}};
    Units.push_back(std::move(U));
  }
  llvm::json::Object Root{{"version", 1},
                          {"tool", "initscan"},
                          {"findings", std::move(Findings)},
                          {"globals", std::move(Globals)},
                          {"translation_units", std::move(Units)}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

void writeTextSummary(llvm::raw_ostream &OS,
                      const std::vector<TranslationUnitReport> &Reports) {
  InitCost Program;
  unsigned ProgramDynamic = 0;
  for (const TranslationUnitReport &R : Reports) {
    if (R.Failed) {
      OS << R.File << ": not analysed (compilation failed)\n";
      continue;
    }
    unsigned BeforeMain = 0;
    for (const GlobalRecord &G : R.Globals)
      BeforeMain += G.EmitsInitFunction && G.Storage != StorageKind::ThreadLocal;
    InitCost Cost = R.StartupCost();
    OS << R.File << ": " << BeforeMain << " of " << R.Globals.size()
       << " globals run code before main";
    if (BeforeMain)
      OS << ", " << Cost.summary().substr(0, Cost.summary().find(" ("));
    OS << "\n";
    Program.add(Cost);
    ProgramDynamic += BeforeMain;
  }
  if (Reports.size() > 1)
    OS << "total: " << ProgramDynamic << " initializers before main, "
       << Program.summary().substr(0, Program.summary().find(" (")) << "\n";
}

} // namespace initscan::cli
