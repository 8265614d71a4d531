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

// The JSON and SARIF reports (and the summaries, Summary.cpp) are streamed
// with json::OStream, not built as json::Values: a json::Object starts with
// a 64-bucket hash table, and for a TU with thousands of globals building
// the report as values took more time and memory than parsing the TU.
// Attributes are written in sorted key order, the order json::Value prints
// objects in, so the output is what it was when it was built as values.

static void writeCost(llvm::json::OStream &J, const InitCost &C) {
  J.object([&] {
    J.attribute("allocations", jsonInt(C.Allocations));
    J.attributeArray("contributors", [&] {
      for (const CostContributor &Part : C.Contributors)
        J.object([&] {
          J.attribute("allocations", jsonInt(Part.Allocations));
          J.attribute("instructions", jsonInt(Part.Instructions));
          J.attribute("via", llvm::StringRef(Part.Via));
          J.attribute("what", llvm::StringRef(Part.What));
        });
    });
    J.attribute("instructions", jsonInt(C.Instructions));
    J.attributeArray("io", [&] {
      for (llvm::StringRef Name : effectNames(C.Effects))
        J.value(Name);
    });
    J.attribute("time_ns", jsonInt(C.estimatedNanoseconds()));
    J.attributeArray("unknown_callees", [&] {
      for (const std::string &Name : C.UnknownCallees)
        J.value(llvm::StringRef(Name));
    });
    J.attribute("unknown_calls", jsonInt(C.UnknownCalls));
  });
}

static void writeCostAttribute(llvm::json::OStream &J, llvm::StringRef Key,
                               const InitCost &C) {
  J.attributeBegin(Key);
  writeCost(J, C);
  J.attributeEnd();
}

void writeNotes(llvm::json::OStream &J,
                const std::vector<std::pair<Position, std::string>> &Notes) {
  J.array([&] {
    // Named references, not a structured binding: clang up to 15 cannot
    // capture bindings in a lambda (the fuzzers are built with clang-N).
    for (const auto &Note : Notes) {
      const Position &Where = Note.first;
      const std::string &Message = Note.second;
      J.object([&] {
        J.attribute("column", jsonInt(Where.Column));
        J.attribute("file", llvm::StringRef(Where.File));
        J.attribute("line", jsonInt(Where.Line));
        J.attribute("message", llvm::StringRef(Message));
      });
    }
  });
}

void writeFixes(llvm::json::OStream &J,
                const std::vector<clang::tooling::Replacement> &Fixes) {
  J.array([&] {
    for (const clang::tooling::Replacement &R : Fixes)
      J.object([&] {
        J.attribute("file", R.getFilePath());
        J.attribute("length", jsonInt(R.getLength()));
        J.attribute("offset", jsonInt(R.getOffset()));
        J.attribute("replacement", R.getReplacementText());
      });
  });
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

static void writeProgram(llvm::json::OStream &J, const ProgramReport &P,
                         const GateResult &Gates) {
  J.object([&] {
    if (Gates.HasBaseline)
      J.attribute("baseline_suppressed", jsonInt(Gates.BaselineSuppressed));
    if (Gates.Budget)
      J.attribute("budget", jsonInt(*Gates.Budget));
    J.attribute("exit_time_destructors", jsonInt(P.ExitDestructors));
    J.attribute("initializers", jsonInt(P.Initializers));
    if (Gates.Budget)
      J.attribute("over_budget", P.Total.Instructions > *Gates.Budget);
    J.attributeArray("ranked", [&] {
      unsigned Rank = 0;
      for (const ProgramEntry &E : P.Ranked) {
        const GlobalRecord &G = *E.Global;
        J.object([&] {
          J.attribute("column", jsonInt(G.Where.Column));
          writeCostAttribute(J, "cost", G.Cost);
          J.attribute("destructor", G.Destructor);
          J.attribute("file", llvm::StringRef(G.Where.File));
          J.attribute("instances", jsonInt(E.Instances));
          J.attribute("line", jsonInt(G.Where.Line));
          J.attribute("mangled", llvm::StringRef(G.Mangled));
          J.attribute("rank", jsonInt(++Rank));
          J.attribute("registrar", G.Registrar);
          if (G.Registrar)
            J.attribute("registry", llvm::StringRef(G.Registry));
          J.attribute("storage", storageKindName(G.Storage));
          J.attribute("symbol", llvm::StringRef(G.Symbol));
          writeCostAttribute(J, "total", E.Total);
          J.attribute("translation_units", jsonInt(E.TUs));
        });
      }
    });
    J.attributeArray("registries", [&] {
      for (const RegistryGroup &G : P.Registries)
        J.object([&] {
          J.attribute("registrars", jsonInt(G.Registrars));
          J.attribute("registry", llvm::StringRef(G.Name));
          writeCostAttribute(J, "total", G.Total);
        });
    });
    writeCostAttribute(J, "total", P.Total);
    J.attribute("translation_units", jsonInt(P.TUs));
  });
}

void writeJSON(llvm::raw_ostream &OS,
               const std::vector<TranslationUnitReport> &Reports,
               const ProgramReport &Program, const GateResult &Gates) {
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attributeArray("findings", [&] {
      for (const TranslationUnitReport &R : Reports)
        for (const FindingRecord &F : R.Findings)
          J.object([&] {
            if (!F.Chain.empty())
              J.attribute("chain", llvm::json::Array(F.Chain));
            J.attribute("check", llvm::StringRef(F.Check));
            J.attribute("column", jsonInt(F.Where.Column));
            writeCostAttribute(J, "cost", F.Cost);
            J.attribute("dynamic", F.Dynamic);
            J.attribute("file", llvm::StringRef(F.Where.File));
            J.attribute("line", jsonInt(F.Where.Line));
            J.attribute("message", llvm::StringRef(F.Message));
            J.attributeBegin("notes");
            writeNotes(J, F.Notes);
            J.attributeEnd();
            J.attributeBegin("replacements");
            writeFixes(J, F.Fixes);
            J.attributeEnd();
            J.attributeObject("rewrite", [&] {
              J.attribute("advice", llvm::StringRef(F.Advice));
              J.attribute("kind", rewriteKindName(F.RewriteKind));
              J.attribute("text", llvm::StringRef(F.RewriteText));
            });
            J.attribute("symbol", llvm::StringRef(F.Symbol));
            J.attribute("translation_unit", llvm::StringRef(R.File));
          });
    });
    J.attributeArray("globals", [&] {
      for (const TranslationUnitReport &R : Reports)
        for (const GlobalRecord &G : R.Globals)
          J.object([&] {
            J.attribute("column", jsonInt(G.Where.Column));
            writeCostAttribute(J, "cost", G.Cost);
            J.attribute("destructor", G.Destructor);
            J.attribute("dynamic", G.EmitsInitFunction);
            J.attribute("dynamic_init", G.DynamicInit);
            J.attribute("file", llvm::StringRef(G.Where.File));
            J.attribute("line", jsonInt(G.Where.Line));
            J.attribute("mangled", llvm::StringRef(G.Mangled));
            J.attribute("storage", storageKindName(G.Storage));
            J.attribute("symbol", llvm::StringRef(G.Symbol));
            J.attribute("system_header", G.SystemHeader);
            J.attribute("translation_unit", llvm::StringRef(R.File));
          });
    });
    J.attributeBegin("program");
    writeProgram(J, Program, Gates);
    J.attributeEnd();
    J.attribute("tool", "initscan");
    J.attributeArray("translation_units", [&] {
      for (const TranslationUnitReport &R : Reports)
        J.object([&] {
          unsigned Dynamic = llvm::count_if(
              R.Globals, [](const GlobalRecord &G) { return G.EmitsInitFunction; });
          writeCostAttribute(J, "cost", R.StartupCost());
          J.attribute("dynamic", jsonInt(Dynamic));
          J.attribute("failed", R.Failed);
          J.attribute("file", llvm::StringRef(R.File));
          J.attribute("globals", jsonInt(R.Globals.size()));
          J.attribute("stdlib", stdLibName(R.StdLib));
        });
    });
    J.attribute("version", 1);
  });
  OS << "\n";
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

/// {"physicalLocation": ...} attributes of the current object.
static void writePhysicalLocation(llvm::json::OStream &J, const Position &P) {
  J.attributeObject("physicalLocation", [&] {
    J.attributeObject("artifactLocation",
                      [&] { J.attribute("uri", fileURI(P.File)); });
    J.attributeObject("region", [&] {
      if (P.Column)
        J.attribute("startColumn", jsonInt(P.Column));
      J.attribute("startLine", jsonInt(std::max(P.Line, 1u)));
    });
  });
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

static void writeSARIFFixes(llvm::json::OStream &J, const FindingRecord &F) {
  // One artifactChange per file, replacements in order.
  std::map<std::string, std::vector<const clang::tooling::Replacement *>> ByFile;
  for (const clang::tooling::Replacement &Rep : F.Fixes)
    ByFile[Rep.getFilePath().str()].push_back(&Rep);
  J.attributeArray("fixes", [&] {
    J.object([&] {
      J.attributeArray("artifactChanges", [&] {
        for (const auto &FileReps : ByFile) {
          const std::string &File = FileReps.first;
          const auto &Reps = FileReps.second;
          J.object([&] {
            J.attributeObject("artifactLocation",
                              [&] { J.attribute("uri", fileURI(File)); });
            J.attributeArray("replacements", [&] {
              for (const clang::tooling::Replacement *Rep : Reps)
                J.object([&] {
                  J.attributeObject("deletedRegion", [&] {
                    J.attribute("byteLength", jsonInt(Rep->getLength()));
                    J.attribute("byteOffset", jsonInt(Rep->getOffset()));
                  });
                  J.attributeObject("insertedContent", [&] {
                    J.attribute("text", Rep->getReplacementText());
                  });
                });
            });
          });
        }
      });
      J.attributeObject("description", [&] {
        J.attribute("text", F.Advice.empty() ? llvm::StringRef("initscan rewrite")
                                             : llvm::StringRef(F.Advice));
      });
    });
  });
}

static void writeSARIFResult(llvm::json::OStream &J,
                             const TranslationUnitReport &R,
                             const FindingRecord &F, unsigned RuleIndex) {
  J.object([&] {
    if (!F.Fixes.empty())
      writeSARIFFixes(J, F);
    J.attribute("level", "warning");
    J.attributeArray("locations",
                     [&] { J.object([&] { writePhysicalLocation(J, F.Where); }); });
    J.attributeObject("message",
                      [&] { J.attribute("text", llvm::StringRef(F.Message)); });
    J.attributeObject("properties", [&] {
      if (!F.Chain.empty())
        J.attribute("chain", llvm::json::Array(F.Chain));
      writeCostAttribute(J, "cost", F.Cost);
      J.attribute("symbol", llvm::StringRef(F.Symbol));
      J.attribute("translationUnit", llvm::StringRef(R.File));
    });
    bool AnyRelated = llvm::any_of(
        F.Notes, [](const auto &Note) { return !Note.first.File.empty(); });
    if (AnyRelated)
      J.attributeArray("relatedLocations", [&] {
        unsigned Id = 0;
        for (const auto &Note : F.Notes) {
          const Position &Where = Note.first;
          const std::string &Message = Note.second;
          if (Where.File.empty())
            continue;
          J.object([&] {
            J.attribute("id", jsonInt(Id++));
            J.attributeObject("message",
                              [&] { J.attribute("text", llvm::StringRef(Message)); });
            writePhysicalLocation(J, Where);
          });
        }
      });
    J.attribute("ruleId", llvm::StringRef(F.Check));
    J.attribute("ruleIndex", jsonInt(RuleIndex));
  });
}

void writeSARIF(llvm::raw_ostream &OS,
                const std::vector<TranslationUnitReport> &Reports,
                const ProgramReport &Program, llvm::StringRef DocsBaseURI) {
  llvm::StringMap<unsigned> RuleIndex;
  for (llvm::StringRef Check : AllChecks)
    RuleIndex.try_emplace(Check, RuleIndex.size());
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attributeObject("properties", [&] {
          J.attribute("initializers", jsonInt(Program.Initializers));
          writeCostAttribute(J, "programTotal", Program.Total);
        });
        J.attributeArray("results", [&] {
          for (const TranslationUnitReport &R : Reports)
            for (const FindingRecord &F : R.Findings)
              writeSARIFResult(J, R, F, RuleIndex.lookup(F.Check));
        });
        J.attributeObject("tool", [&] {
          J.attributeObject("driver", [&] {
            J.attribute("informationUri", (DocsBaseURI + "cli.md").str());
            J.attribute("name", "initscan");
            J.attributeArray("rules", [&] {
              for (llvm::StringRef Check : AllChecks)
                J.object([&] {
                  J.attributeObject("defaultConfiguration",
                                    [&] { J.attribute("level", "warning"); });
                  J.attribute("helpUri", checkHelpURI(DocsBaseURI, Check));
                  J.attribute("id", Check);
                  J.attributeObject("shortDescription", [&] {
                    J.attribute("text", checkDescription(Check));
                  });
                });
            });
            J.attribute("version", INITSCAN_VERSION);
          });
        });
      });
    });
    J.attribute("version", "2.1.0");
  });
  OS << "\n";
}

} // namespace initscan::cli
