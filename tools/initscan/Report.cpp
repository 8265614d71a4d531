//===- Report.cpp - Text summary and JSON report of the initscan CLI -------===//

#include "Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>

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

void addPosition(llvm::json::Object &O, const Position &P) {
  O["file"] = P.File;
  O["line"] = static_cast<int64_t>(P.Line);
  O["column"] = static_cast<int64_t>(P.Column);
}

llvm::json::Array fixesJSON(const std::vector<clang::tooling::Replacement> &Fixes) {
  llvm::json::Array A;
  for (const clang::tooling::Replacement &R : Fixes)
    A.push_back(llvm::json::Object{{"file", R.getFilePath()},
                                   {"offset", static_cast<int64_t>(R.getOffset())},
                                   {"length", static_cast<int64_t>(R.getLength())},
                                   {"replacement", R.getReplacementText()}});
  return A;
}

llvm::StringRef rewriteKindName(Rewrite::Kind K) {
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

static std::string shortSummary(const InitCost &C) {
  std::string S = C.summary();
  return S.substr(0, S.find(" ("));
}

ProgramReport buildProgramReport(const std::vector<TranslationUnitReport> &Reports) {
  ProgramReport P;
  std::map<std::string, size_t> Index; // mangled + file:line -> Ranked index
  for (const TranslationUnitReport &R : Reports) {
    if (R.Failed)
      continue;
    ++P.TUs;
    for (const GlobalRecord &G : R.Globals) {
      if (!G.beforeMain())
        continue;
      ++P.Initializers;
      std::string Key = G.Mangled + "@" + G.Where.File + ":" +
                        std::to_string(G.Where.Line);
      auto [It, New] = Index.emplace(Key, P.Ranked.size());
      if (New) {
        ProgramEntry E;
        E.Global = &G;
        P.Ranked.push_back(E);
      }
      ProgramEntry &E = P.Ranked[It->second];
      ++E.TUs;
      // An inline variable (or template member) is guarded: it runs once
      // however many TUs define it. Internal linkage runs in every TU.
      if (!G.OncePerProgram || E.Instances == 0) {
        ++E.Instances;
        E.Total.add(G.Cost);
      }
    }
  }
  for (ProgramEntry &E : P.Ranked) {
    if (E.Global->Destructor)
      P.ExitDestructors += E.Instances;
    E.Total.normalize();
    P.Total.add(E.Total);
  }
  P.Total.normalize();
  std::stable_sort(P.Ranked.begin(), P.Ranked.end(),
                   [](const ProgramEntry &A, const ProgramEntry &B) {
                     if (A.Total.Instructions != B.Total.Instructions)
                       return A.Total.Instructions > B.Total.Instructions;
                     if (A.Total.Allocations != B.Total.Allocations)
                       return A.Total.Allocations > B.Total.Allocations;
                     return std::tie(A.Global->Where.File, A.Global->Where.Line) <
                            std::tie(B.Global->Where.File, B.Global->Where.Line);
                   });
  std::map<std::string, size_t> Groups;
  for (const ProgramEntry &E : P.Ranked) {
    if (!E.Global->Registrar)
      continue;
    std::string Name = E.Global->Registry.empty() ? "(unknown registry)"
                                                  : E.Global->Registry;
    auto [It, New] = Groups.emplace(Name, P.Registries.size());
    if (New)
      P.Registries.push_back(RegistryGroup{Name, 0, {}});
    RegistryGroup &G = P.Registries[It->second];
    G.Registrars += E.Instances;
    G.Total.add(E.Total);
  }
  std::stable_sort(P.Registries.begin(), P.Registries.end(),
                   [](const RegistryGroup &A, const RegistryGroup &B) {
                     return A.Total.Instructions > B.Total.Instructions;
                   });
  return P;
}

static llvm::json::Object programJSON(const ProgramReport &P,
                                      const GateResult &Gates) {
  llvm::json::Array Ranked;
  unsigned Rank = 0;
  for (const ProgramEntry &E : P.Ranked) {
    const GlobalRecord &G = *E.Global;
    llvm::json::Object O{{"rank", static_cast<int64_t>(++Rank)},
                         {"symbol", G.Symbol},
                         {"mangled", G.Mangled},
                         {"storage", storageKindName(G.Storage)},
                         {"translation_units", static_cast<int64_t>(E.TUs)},
                         {"instances", static_cast<int64_t>(E.Instances)},
                         {"destructor", G.Destructor},
                         {"registrar", G.Registrar},
                         {"cost", costJSON(G.Cost)},
                         {"total", costJSON(E.Total)}};
    if (G.Registrar)
      O["registry"] = G.Registry;
    addPosition(O, G.Where);
    Ranked.push_back(std::move(O));
  }
  llvm::json::Array Registries;
  for (const RegistryGroup &G : P.Registries)
    Registries.push_back(llvm::json::Object{
        {"registry", G.Name},
        {"registrars", static_cast<int64_t>(G.Registrars)},
        {"total", costJSON(G.Total)}});
  llvm::json::Object O{
      {"total", costJSON(P.Total)},
      {"initializers", static_cast<int64_t>(P.Initializers)},
      {"exit_time_destructors", static_cast<int64_t>(P.ExitDestructors)},
      {"translation_units", static_cast<int64_t>(P.TUs)},
      {"ranked", std::move(Ranked)},
      {"registries", std::move(Registries)}};
  if (Gates.Budget) {
    O["budget"] = static_cast<int64_t>(*Gates.Budget);
    O["over_budget"] = P.Total.Instructions > *Gates.Budget;
  }
  if (Gates.HasBaseline)
    O["baseline_suppressed"] = static_cast<int64_t>(Gates.BaselineSuppressed);
  return O;
}

void writeJSON(llvm::raw_ostream &OS,
               const std::vector<TranslationUnitReport> &Reports,
               const ProgramReport &Program, const GateResult &Gates) {
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
          {"replacements", fixesJSON(F.Fixes)},
          {"translation_unit", R.File}};
      if (!F.Chain.empty())
        O["chain"] = llvm::json::Array(F.Chain);
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
                          {"translation_units", std::move(Units)},
                          {"program", programJSON(Program, Gates)}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

void writeTextSummary(llvm::raw_ostream &OS,
                      const std::vector<TranslationUnitReport> &Reports,
                      const ProgramReport &P, const GateResult &Gates) {
  if (!P.Ranked.empty()) {
    OS << "\nstart-up cost, whole program (largest first):\n";
    // Where is printed relative to nothing: the full path keeps it clickable.
    unsigned Rank = 0;
    size_t Width = 0;
    for (const ProgramEntry &E : P.Ranked)
      Width = std::max(Width, shortSummary(E.Total).size());
    for (const ProgramEntry &E : P.Ranked) {
      const GlobalRecord &G = *E.Global;
      std::string Cost = shortSummary(E.Total);
      OS << llvm::formatv("{0,4}. ", ++Rank) << Cost
         << std::string(Width - Cost.size() + 2, ' ') << G.Symbol << "  "
         << G.Where.File << ":" << G.Where.Line;
      if (E.TUs > 1) {
        OS << "  \u00d7 " << E.TUs << " TUs";
        if (G.OncePerProgram)
          OS << " (inline: runs once)";
      }
      if (G.Registrar)
        OS << "  [registrar: " << G.Registry << "]";
      if (G.Destructor)
        OS << "  [exit-time destructor]";
      OS << "\n";
    }
    if (!P.Registries.empty()) {
      OS << "registrars by registry:\n";
      for (const RegistryGroup &G : P.Registries)
        OS << "      " << G.Name << ": " << G.Registrars << " registrar"
           << (G.Registrars == 1 ? "" : "s") << ", " << shortSummary(G.Total)
           << "\n";
    }
    OS << "exit-time destructors: " << P.ExitDestructors << "\n";
  }
  InitCost Program;
  unsigned ProgramDynamic = 0;
  for (const TranslationUnitReport &R : Reports) {
    if (R.Failed) {
      OS << R.File << ": not analysed (compilation failed)\n";
      continue;
    }
    unsigned BeforeMain = 0;
    for (const GlobalRecord &G : R.Globals)
      BeforeMain += G.beforeMain();
    InitCost Cost = R.StartupCost();
    OS << R.File << ": " << BeforeMain << " of " << R.Globals.size()
       << " globals run code before main";
    if (BeforeMain)
      OS << ", " << shortSummary(Cost);
    OS << "\n";
    Program.add(Cost);
    ProgramDynamic += BeforeMain;
  }
  if (Reports.size() > 1)
    OS << "total: " << ProgramDynamic << " initializers before main, "
       << shortSummary(Program) << "\n";
  if (!P.Ranked.empty() && (Reports.size() > 1 || P.Ranked.size() != P.Initializers))
    OS << "program total: " << P.Ranked.size() << " distinct initializers ("
       << P.Initializers << " in all TUs), " << shortSummary(P.Total) << "\n";
  if (Gates.Budget)
    OS << "budget: " << formatCount(*Gates.Budget) << " instructions, "
       << (P.Total.Instructions > *Gates.Budget ? "exceeded" : "within") << "\n";
  if (Gates.HasBaseline)
    OS << "baseline: " << Gates.BaselineSuppressed
       << " known finding(s) not reported\n";
}

/// The line under a source snippet that points at it: "   |   ^~~~".
static bool isCaretLine(llvm::StringRef Line) {
  llvm::StringRef Marks = Line;
  if (Line.contains('|')) { // Clang 19's line-number gutter: blank here.
    auto [Gutter, Rest] = Line.split('|');
    if (!Gutter.trim().empty())
      return false;
    Marks = Rest;
  }
  return Marks.contains('^') &&
         Marks.find_first_not_of(" ^~") == llvm::StringRef::npos;
}

std::string colorizeDiagnostics(llvm::StringRef Plain) {
  std::string Result;
  llvm::raw_string_ostream OS(Result);
  OS.enable_colors(true);
  struct Severity {
    llvm::StringLiteral Label;
    llvm::raw_ostream::Colors Color;
    bool BoldMessage;
  };
  static constexpr Severity Severities[] = {
      {": error: ", llvm::raw_ostream::RED, true},
      {": warning: ", llvm::raw_ostream::MAGENTA, true},
      {": note: ", llvm::raw_ostream::BLACK, false}};
  while (!Plain.empty()) {
    auto [Line, Rest] = Plain.split('\n');
    bool HasNewline = Plain.size() > Line.size();
    Plain = Rest;
    const Severity *Found = nullptr;
    size_t At = llvm::StringRef::npos;
    for (const Severity &S : Severities)
      if ((At = Line.find(S.Label)) != llvm::StringRef::npos) {
        Found = &S;
        break;
      }
    if (Found) { // "file:line:col: warning: message"
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
      OS << Line.substr(0, At + 2);
      OS.changeColor(Found->Color, true);
      llvm::StringRef Label = Found->Label.drop_front(2);
      OS << Label;
      OS.resetColor();
      if (Found->BoldMessage)
        OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
      OS << Line.substr(At + 2 + Label.size());
      OS.resetColor();
    } else if (isCaretLine(Line)) {
      // "      |     ^~~~": the gutter plain, the caret green.
      size_t Gutter = Line.find('|') + 1;
      OS << Line.take_front(Gutter);
      OS.changeColor(llvm::raw_ostream::GREEN, true);
      OS << Line.drop_front(Gutter);
      OS.resetColor();
    } else {
      OS << Line;
    }
    if (HasNewline)
      OS << "\n";
  }
  return Result;
}

//===----------------------------------------------------------------------===//
// SARIF 2.1.0
//===----------------------------------------------------------------------===//

std::string fileURI(llvm::StringRef Path) {
  std::string URI = "file://";
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-_.~").contains(C))
      URI += C;
    else
      URI += llvm::formatv("%{0:X2}", static_cast<unsigned char>(C)).str();
  }
  return URI;
}

static llvm::json::Object physicalLocation(const Position &P) {
  llvm::json::Object Region{{"startLine", static_cast<int64_t>(std::max(P.Line, 1u))}};
  if (P.Column)
    Region["startColumn"] = static_cast<int64_t>(P.Column);
  return llvm::json::Object{
      {"physicalLocation",
       llvm::json::Object{
           {"artifactLocation", llvm::json::Object{{"uri", fileURI(P.File)}}},
           {"region", std::move(Region)}}}};
}

llvm::StringRef checkDescription(llvm::StringRef Check) {
  if (Check == ExpensiveStaticInitCheck)
    return "Code that runs before main: dynamic initializers, exit-time "
           "destructors and constructor functions, with their estimated cost.";
  if (Check == TypeErasedCallableMapCheck)
    return "Global containers of std::function-like callables (registries) "
           "built at start-up.";
  if (Check == HeapEscapingCaptureCheck)
    return "Closures too large for the small buffer of the std::function-like "
           "wrapper they are stored in.";
  if (Check == EagerSingletonCheck)
    return "Globals whose construction acquires resources (files, sockets, "
           "threads, environment, much memory) before main.";
  if (Check == InitOrderCheck)
    return "Dynamic initializers that read a global dynamically initialized "
           "in another translation unit, or later in the same one (static "
           "initialization order fiasco).";
  return "";
}

std::string checkHelpURI(llvm::StringRef DocsBaseURI, llvm::StringRef Check) {
  return (DocsBaseURI + "checks/" + Check + ".md").str();
}

void writeSARIF(llvm::raw_ostream &OS,
                const std::vector<TranslationUnitReport> &Reports,
                const ProgramReport &Program, llvm::StringRef DocsBaseURI) {
  llvm::json::Array Rules;
  llvm::StringMap<unsigned> RuleIndex;
  for (llvm::StringRef Check : AllChecks) {
    RuleIndex[Check] = Rules.size();
    Rules.push_back(llvm::json::Object{
        {"id", Check},
        {"shortDescription", llvm::json::Object{{"text", checkDescription(Check)}}},
        {"helpUri", checkHelpURI(DocsBaseURI, Check)},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}}});
  }
  llvm::json::Array Results;
  for (const TranslationUnitReport &R : Reports)
    for (const FindingRecord &F : R.Findings) {
      llvm::json::Array Locations, Related;
      Locations.push_back(physicalLocation(F.Where));
      unsigned Id = 0;
      for (const auto &[Where, Message] : F.Notes) {
        if (Where.File.empty())
          continue;
        llvm::json::Object L = physicalLocation(Where);
        L["id"] = static_cast<int64_t>(Id++);
        L["message"] = llvm::json::Object{{"text", Message}};
        Related.push_back(std::move(L));
      }
      llvm::json::Object Result{
          {"ruleId", F.Check},
          {"ruleIndex", static_cast<int64_t>(RuleIndex.lookup(F.Check))},
          {"level", "warning"},
          {"message", llvm::json::Object{{"text", F.Message}}},
          {"locations", std::move(Locations)},
          {"properties",
           llvm::json::Object{{"cost", costJSON(F.Cost)},
                              {"symbol", F.Symbol},
                              {"translationUnit", R.File}}}};
      if (!Related.empty())
        Result["relatedLocations"] = std::move(Related);
      if (!F.Chain.empty())
        (*Result.getObject("properties"))["chain"] = llvm::json::Array(F.Chain);
      if (!F.Fixes.empty()) {
        // One artifactChange per file, replacements in order.
        std::map<std::string, llvm::json::Array> ByFile;
        for (const clang::tooling::Replacement &Rep : F.Fixes)
          ByFile[Rep.getFilePath().str()].push_back(llvm::json::Object{
              {"deletedRegion",
               llvm::json::Object{
                   {"byteOffset", static_cast<int64_t>(Rep.getOffset())},
                   {"byteLength", static_cast<int64_t>(Rep.getLength())}}},
              {"insertedContent",
               llvm::json::Object{{"text", Rep.getReplacementText()}}}});
        llvm::json::Array Changes;
        for (auto &[File, Reps] : ByFile)
          Changes.push_back(llvm::json::Object{
              {"artifactLocation", llvm::json::Object{{"uri", fileURI(File)}}},
              {"replacements", std::move(Reps)}});
        Result["fixes"] = llvm::json::Array{llvm::json::Object{
            {"description",
             llvm::json::Object{{"text", F.Advice.empty() ? "initscan rewrite"
                                                          : F.Advice}}},
            {"artifactChanges", std::move(Changes)}}};
      }
      Results.push_back(std::move(Result));
    }
  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{
           {"driver",
            llvm::json::Object{{"name", "initscan"},
                               {"version", INITSCAN_VERSION},
                               {"informationUri", (DocsBaseURI + "cli.md").str()},
                               {"rules", std::move(Rules)}}}}},
      {"results", std::move(Results)},
      {"properties",
       llvm::json::Object{{"programTotal", costJSON(Program.Total)},
                          {"initializers", static_cast<int64_t>(Program.Initializers)}}}};
  llvm::json::Object Root{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

} // namespace initscan::cli
