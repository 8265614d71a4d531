//===- initscan.cpp - Find and cost the code that runs before main ---------===//
//
// initscan file.cpp -- <compiler flags>
// initscan -p <build dir> [files...]
//
// Runs the engine on each translation unit, prints clang-style diagnostics and
// a per-TU summary (or a JSON report), exits 2 on usage or input errors.
//
//===----------------------------------------------------------------------===//

#include "Config.h"
#include "InitOrderReport.h"
#include "Report.h"
#include "initscan/Compat.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/ReplacementsYaml.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/thread.h"
#include "llvm/Support/YAMLTraits.h"
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include "initscan/Findings.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace initscan;
using namespace initscan::cli;

namespace {

enum class OutputFormat { Text, JSON, SARIF };

struct Config {
  OutputFormat Format = OutputFormat::Text;
  std::vector<std::string> EnabledChecks;
  CheckOptions Checks;
  bool SystemHeaders = false;
  bool ShowColors = false;
};

[[noreturn]] void fail(const llvm::Twine &Message) {
  llvm::errs() << "initscan: error: " << Message << "\n";
  std::exit(2);
}

/// The database of a build directory: its compile_commands.json (parse errors
/// are the user's to see, not a reason to look in parent directories), else
/// whatever clang's plugins find there (compile_flags.txt...).
std::unique_ptr<tooling::CompilationDatabase>
loadBuildDatabase(llvm::StringRef Dir, std::string &Error) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "compile_commands.json");
  if (!llvm::sys::fs::exists(Path))
    return tooling::CompilationDatabase::autoDetectFromDirectory(Dir, Error);
  auto JSON = tooling::JSONCompilationDatabase::loadFromFile(
      Path, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!JSON)
    return nullptr;
  // Files missing from the database get flags from their neighbours, as in
  // clangd and clang-tidy.
  return tooling::inferMissingCompileCommands(std::move(JSON));
}

Position positionOf(const SourceManager &SM, SourceLocation Loc) {
  Position P;
  Loc = SM.getExpansionLoc(Loc);
  if (Loc.isInvalid())
    return P;
  FileID FID = SM.getFileID(Loc);
  if (auto Entry = SM.getFileEntryRefForID(FID)) {
    llvm::StringRef Canonical = SM.getFileManager().getCanonicalName(*Entry);
    P.File = Canonical.str();
  }
  P.Line = SM.getExpansionLineNumber(Loc);
  P.Column = SM.getExpansionColumnNumber(Loc);
  return P;
}

/// Analyses one TU: prints its diagnostics (text mode) and records it.
class InitscanConsumer : public ASTConsumer {
public:
  InitscanConsumer(CompilerInstance &CI, const Config &Cfg,
                   TranslationUnitReport &Report)
      : CI(CI), Cfg(Cfg), Report(Report) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred()) {
      Report.Failed = true;
      return;
    }
    const SourceManager &SM = Ctx.getSourceManager();
    Report.StdLib = detectStdLib(Ctx).Kind;
    std::vector<StaticInitializer> Inits = analyzeTranslationUnit(Ctx);
    Report.InitOrderEnabled = llvm::is_contained(Cfg.EnabledChecks,
                                                 InitOrderCheck.str());
    Report.InitOrder = collectInitOrderFacts(Ctx, Inits);
    std::vector<Finding> Findings =
        runChecks(Ctx, Inits, Cfg.EnabledChecks, Cfg.Checks);
    // The registry each registrar fills, when the registry check found it.
    std::map<const StaticInitializer *, std::string> RegistryOf;
    std::vector<std::string> All(std::begin(AllChecks), std::end(AllChecks));
    std::vector<Finding> Registrations;
    if (std::find(Cfg.EnabledChecks.begin(), Cfg.EnabledChecks.end(),
                  TypeErasedCallableMapCheck.str()) == Cfg.EnabledChecks.end())
      Registrations = findTypeErasedCallableMaps(Ctx, Inits, Cfg.Checks.TypeErasedCallableMap);
    for (const std::vector<Finding> *List : {&Findings, &Registrations})
      for (const Finding &F : *List) {
        if (F.Check != TypeErasedCallableMapCheck || !F.Init)
          continue;
        llvm::StringRef M = F.Message;
        size_t At = M.find(" entry in '");
        if (At == llvm::StringRef::npos)
          continue;
        llvm::StringRef Name = M.substr(At + 11);
        RegistryOf[F.Init] = Name.substr(0, Name.find('\'')).str();
      }
    for (const StaticInitializer &SI : Inits) {
      GlobalRecord G;
      G.Symbol = SI.QualifiedName;
      G.Mangled = SI.MangledName;
      G.Where = positionOf(SM, SI.location());
      G.Storage = SI.Storage;
      G.EmitsInitFunction = SI.runsBeforeMain() || SI.emitsInitFunction();
      G.DynamicInit = SI.DynamicInit;
      G.Destructor = SI.RegistersDestructor;
      G.SystemHeader = SI.InSystemHeader;
      G.Cost = SI.Cost;
      G.Registrar = SI.Registrar;
      if (const VarDecl *VD = SI.var()) {
        GVALinkage L = Ctx.GetGVALinkageForVariable(VD);
        G.OncePerProgram = L == GVA_DiscardableODR || L == GVA_StrongODR;
        if (SI.Registrar) {
          auto It = RegistryOf.find(&SI);
          if (It != RegistryOf.end())
            G.Registry = It->second;
          else if (const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl())
            G.Registry = RD->getQualifiedNameAsString();
        }
      }
      Report.Globals.push_back(std::move(G));
    }

    std::unique_ptr<DiagnosticsEngine> Diags;
    if (Cfg.Format == OutputFormat::Text)
      Diags = createPrinter(Ctx);
    for (const Finding &F : Findings) {
      if (!Cfg.SystemHeaders &&
          (F.Init ? F.Init->InSystemHeader
                  : SM.isInSystemHeader(SM.getExpansionLoc(F.Loc))))
        continue;
      record(F, SM, Ctx.getLangOpts());
      if (Diags) {
        size_t Start = DiagBuffer.size();
        emit(*Diags, F);
        Report.Findings.back().DiagText = DiagBuffer.substr(Start);
      }
    }
    if (Diags)
      Diags->getClient()->EndSourceFile();
  }

private:
  std::unique_ptr<DiagnosticsEngine> createPrinter(ASTContext &Ctx) {
    DiagOS.enable_colors(Cfg.ShowColors);
    auto *Printer = new TextDiagnosticPrinter(DiagOS, DiagOpts.get());
    DiagOpts->ShowColors = Cfg.ShowColors;
    auto Diags = std::make_unique<DiagnosticsEngine>(
        new DiagnosticIDs(), DiagOpts, Printer, /*ShouldOwnClient=*/true);
    Diags->setSourceManager(&Ctx.getSourceManager());
    Printer->BeginSourceFile(Ctx.getLangOpts(), nullptr);
    return Diags;
  }

  void emit(DiagnosticsEngine &Diags, const Finding &F) {
    unsigned Warning = Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
    unsigned Note = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    {
      auto D = Diags.Report(F.Loc, Warning);
      D << (F.Message + " [" + F.Check.str() + "]");
      for (const FixItHint &Fix : F.Fixes)
        D << Fix;
    }
    for (const FindingNote &N : F.Notes)
      Diags.Report(N.Loc, Note) << N.Message;
  }

  void record(const Finding &F, const SourceManager &SM,
              const LangOptions &LangOpts) {
    FindingRecord R;
    R.Check = F.Check.str();
    R.Message = F.Message;
    R.Where = positionOf(SM, F.Loc);
    if (F.Init) {
      R.Symbol = F.Init->QualifiedName;
      R.Dynamic = F.Init->runsBeforeMain();
      R.Cost = F.Init->Cost;
      R.RewriteKind = F.Init->Suggestion.K;
      R.Advice = F.Init->Suggestion.Advice;
      R.RewriteText = F.Init->Suggestion.Text;
    }
    for (const FindingNote &N : F.Notes)
      R.Notes.emplace_back(positionOf(SM, N.Loc), N.Message);
    for (const FixItHint &Fix : F.Fixes) {
      tooling::Replacement Rep(SM, Fix.RemoveRange, Fix.CodeToInsert, LangOpts);
      if (!Rep.getFilePath().empty() && Rep.isApplicable()) {
        // The canonical (absolute) path, as in the reports.
        std::string Path = positionOf(SM, Fix.RemoveRange.getBegin()).File;
        if (Path.empty())
          continue;
        R.Fixes.emplace_back(Path, Rep.getOffset(), Rep.getLength(),
                             Rep.getReplacementText());
      }
    }
    Report.Findings.push_back(std::move(R));
  }

  CompilerInstance &CI;
  const Config &Cfg;
  TranslationUnitReport &Report;
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions();
  std::string DiagBuffer;
  llvm::raw_string_ostream DiagOS{DiagBuffer};
};

class InitscanAction : public ASTFrontendAction {
public:
  InitscanAction(const Config &Cfg, std::vector<TranslationUnitReport> &Reports)
      : Cfg(Cfg), Reports(Reports) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    Reports.emplace_back(); // Reserved by the caller: references stay valid.
    llvm::SmallString<256> Absolute(File);
    // Relative to the compile command's directory: the tool's file system
    // has its own working directory, not the process's.
    CI.getFileManager().makeAbsolutePath(Absolute);
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    Reports.back().File = Absolute.str().str();
    return std::make_unique<InitscanConsumer>(CI, Cfg, Reports.back());
  }

private:
  const Config &Cfg;
  std::vector<TranslationUnitReport> &Reports;
};

class InitscanActionFactory : public tooling::FrontendActionFactory {
public:
  InitscanActionFactory(const Config &Cfg,
                        std::vector<TranslationUnitReport> &Reports)
      : Cfg(Cfg), Reports(Reports) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<InitscanAction>(Cfg, Reports);
  }

private:
  const Config &Cfg;
  std::vector<TranslationUnitReport> &Reports;
};

/// The compile commands of one file, fetched up front on the main thread so
/// workers never share the project's database.
class OneFileDatabase : public tooling::CompilationDatabase {
public:
  explicit OneFileDatabase(std::vector<tooling::CompileCommand> Commands)
      : Commands(std::move(Commands)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return Commands;
  }

private:
  std::vector<tooling::CompileCommand> Commands;
};

struct Job {
  std::string File;
  std::vector<tooling::CompileCommand> Commands;
  Config Cfg;
  // Results.
  std::vector<TranslationUnitReport> Reports;
  std::string CompilerDiagnostics;
  bool ToolFailed = false;
};

void runJob(Job &J) {
  J.Reports.reserve(J.Commands.size() + 1);
  OneFileDatabase DB(J.Commands);
  // A physical file system per tool: the real one's working directory is the
  // process's, which ClangTool changes per compile command.
  tooling::ClangTool Tool(DB, {J.File},
                          std::make_shared<PCHContainerOperations>(),
                          llvm::vfs::createPhysicalFileSystem());
  Tool.setPrintErrorMessage(false);
  llvm::raw_string_ostream DiagOS(J.CompilerDiagnostics);
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions();
  DiagOpts->ShowColors = J.Cfg.ShowColors;
  DiagOS.enable_colors(J.Cfg.ShowColors);
  TextDiagnosticPrinter Printer(DiagOS, DiagOpts.get());
  Tool.setDiagnosticConsumer(&Printer);
  InitscanActionFactory Factory(J.Cfg, J.Reports);
  J.ToolFailed = Tool.run(&Factory) != 0;
  if (J.ToolFailed && J.Reports.empty()) {
    J.Reports.emplace_back();
    J.Reports.back().File = J.File;
    J.Reports.back().Failed = true;
  }
}

/// Runs the jobs on \p Threads workers; \p Done is called (under a lock) as
/// each finishes.
void runJobs(std::vector<Job> &Jobs, unsigned Threads,
             const std::function<void(const Job &)> &Done) {
  std::atomic<size_t> Next{0};
  std::mutex Lock;
  auto Worker = [&] {
    for (size_t I = Next++; I < Jobs.size(); I = Next++) {
      runJob(Jobs[I]);
      std::lock_guard<std::mutex> Guard(Lock);
      Done(Jobs[I]);
    }
  };
  Threads = std::max(1u, std::min<unsigned>(Threads, Jobs.size()));
  if (Threads == 1) {
    Worker();
    return;
  }
  // Parsing recurses deeply: give workers clang's own desired stack size.
  std::vector<llvm::thread> Pool;
  for (unsigned I = 0; I < Threads; ++I)
    Pool.emplace_back(std::optional<unsigned>(16u << 20), Worker);
  for (llvm::thread &T : Pool)
    T.join();
}

/// "5ms", "200us", "1.5s", "800ns" -> nanoseconds.
bool parseDuration(llvm::StringRef Text, uint64_t &Nanoseconds) {
  Text = Text.trim();
  static const std::pair<const char *, double> Units[] = {
      {"ns", 1}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}};
  for (const auto &[Suffix, Scale] : Units) {
    llvm::StringRef Number = Text;
    if (!Number.consume_back(Suffix) || Number.empty())
      continue;
    if (Number.back() == 'm' || Number.back() == 'u' || Number.back() == 'n')
      continue; // "5ms" must not match "s" with number "5m".
    double V;
    if (Number.getAsDouble(V) || V < 0)
      return false;
    Nanoseconds = static_cast<uint64_t>(V * Scale + 0.5);
    return true;
  }
  return false;
}

/// The cost model's nominal rate, from InitCost itself.
uint64_t instructionsForNanoseconds(uint64_t Ns) {
  InitCost Probe;
  Probe.Instructions = 1000000000ull;
  uint64_t ProbeNs = std::max<uint64_t>(1, Probe.estimatedNanoseconds());
  return static_cast<uint64_t>(static_cast<double>(Ns) * 1e9 / ProbeNs + 0.5);
}

struct BaselineKey {
  std::string Check, Symbol, File;
  bool operator<(const BaselineKey &O) const {
    return std::tie(Check, Symbol, File) < std::tie(O.Check, O.Symbol, O.File);
  }
};

std::multiset<BaselineKey> loadBaseline(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    fail("cannot read baseline '" + Path + "': " + Buffer.getError().message());
  auto Value = llvm::json::parse((*Buffer)->getBuffer());
  if (!Value)
    fail("malformed baseline '" + Path + "': " + llvm::toString(Value.takeError()));
  const llvm::json::Object *Root = Value->getAsObject();
  const llvm::json::Array *Findings = Root ? Root->getArray("findings") : nullptr;
  if (!Root || !Findings || Root->getString("tool") != std::optional<llvm::StringRef>("initscan"))
    fail("malformed baseline '" + Path +
         "': expected an initscan --format=json report");
  std::multiset<BaselineKey> Keys;
  for (const llvm::json::Value &F : *Findings) {
    const llvm::json::Object *O = F.getAsObject();
    auto Check = O ? O->getString("check") : std::nullopt;
    auto Symbol = O ? O->getString("symbol") : std::nullopt;
    auto File = O ? O->getString("file") : std::nullopt;
    if (!Check || !Symbol || !File)
      fail("malformed baseline '" + Path +
           "': a finding lacks check, symbol or file");
    Keys.insert({Check->str(), Symbol->str(), File->str()});
  }
  return Keys;
}

/// Writes \p Text to \p Path atomically (temporary file + rename).
void writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        OS << Text;
        return llvm::Error::success();
      }))
    fail("cannot write '" + Path + "': " + llvm::toString(std::move(E)));
}

} // namespace

int main(int argc, const char **argv) {
  // Options are locals, not llvm::cl::opt globals: initscan itself runs no
  // code before main.
  llvm::cl::OptionCategory Category("initscan options");
  llvm::cl::opt<std::string> Format(
      "format", llvm::cl::desc("Output format: text (default), json or sarif"),
      llvm::cl::init("text"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Checks(
      "checks",
      llvm::cl::desc("Comma-separated globs of checks to run, appended to the "
                     ".clang-tidy Checks (default: initscan-*)"),
      llvm::cl::init(""), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> ConfigFile(
      "config-file",
      llvm::cl::desc("Read this .clang-tidy file instead of looking one up "
                     "from each source file's directory"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> MinCost(
      "min-cost",
      llvm::cl::desc("Report initializers estimated at this many instructions "
                     "or more (e.g. 5000, 10k, 2M)"),
      llvm::cl::init("0"), llvm::cl::cat(Category));
  llvm::cl::opt<bool> SystemHeaders(
      "system-headers", llvm::cl::desc("Also report globals in system headers"),
      llvm::cl::init(false), llvm::cl::cat(Category));
  llvm::cl::opt<bool> ListChecks(
      "list-checks", llvm::cl::desc("List the enabled checks and exit"),
      llvm::cl::init(false), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Jobs(
      "j", llvm::cl::desc("Translation units analysed in parallel (default: "
                          "the number of cores)"),
      llvm::cl::value_desc("N"), llvm::cl::Prefix, llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Output(
      "output", llvm::cl::desc("Write the report to this file (atomically) "
                               "instead of standard output"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category));
  llvm::cl::alias OutputShort("o", llvm::cl::desc("Alias for --output"),
                              llvm::cl::aliasopt(Output), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> ExportFixes(
      "export-fixes",
      llvm::cl::desc("Write the fix-its as clang-apply-replacements YAML"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category));
  llvm::cl::opt<bool> Fix("fix", llvm::cl::desc("Apply the fix-its to the sources"),
                          llvm::cl::init(false), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Budget(
      "budget",
      llvm::cl::desc("Exit 1 when the program's start-up cost exceeds this: "
                     "instructions (10k, 2M) or a time (5ms, 200us)"),
      llvm::cl::value_desc("cost"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Baseline(
      "baseline",
      llvm::cl::desc("Report only findings not in this --format=json report; "
                     "exit 1 when there are any"),
      llvm::cl::value_desc("report.json"), llvm::cl::cat(Category));

  llvm::cl::opt<std::string> BuildPath(
      "p", llvm::cl::desc("Build directory containing compile_commands.json"),
      llvm::cl::value_desc("build dir"), llvm::cl::cat(Category));
  llvm::cl::list<std::string> Sources(
      llvm::cl::Positional, llvm::cl::desc("[<source files>...]"),
      llvm::cl::cat(Category));
  llvm::cl::HideUnrelatedOptions(Category);

  // Flags after `--` form a fixed compile database, as in clang-tidy.
  int ArgCount = argc;
  std::string DBError;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      tooling::FixedCompilationDatabase::loadFromCommandLine(ArgCount, argv,
                                                             DBError);
  if (!DBError.empty())
    fail(DBError);
  std::string ParseErrors;
  llvm::raw_string_ostream ParseErrorStream(ParseErrors);
  if (!llvm::cl::ParseCommandLineOptions(
          ArgCount, argv,
          "Finds code that runs before main and estimates what it costs.\n",
          &ParseErrorStream)) {
    llvm::StringRef Line = llvm::StringRef(ParseErrorStream.str()).trim();
    Line.consume_front("initscan: ");
    fail(Line.split('\n').first);
  }

  CommandLineOverrides Overrides;
  if (Checks.getNumOccurrences())
    Overrides.Checks = Checks;
  if (MinCost.getNumOccurrences())
    Overrides.MinCost = MinCost;
  if (ConfigFile.getNumOccurrences()) {
    if (!llvm::sys::fs::is_regular_file(ConfigFile))
      fail("cannot read --config-file '" + ConfigFile + "': no such file");
    Overrides.ConfigFile = ConfigFile;
  }
  ConfigLoader Loader(Overrides);
  auto ConfigOf = [&](llvm::StringRef File) {
    llvm::SmallString<256> Absolute(File);
    llvm::sys::fs::make_absolute(Absolute);
    llvm::sys::path::remove_dots(Absolute, true);
    FileConfig FC;
    std::string Error;
    if (!Loader.configFor(Absolute, FC, Error))
      fail(Error);
    return FC;
  };

  if (ListChecks) {
    llvm::SmallString<256> Here;
    llvm::sys::fs::current_path(Here);
    llvm::sys::path::append(Here, "dummy.cpp");
    FileConfig FC = ConfigOf(Sources.empty() ? Here.str() : Sources.front());
    llvm::outs() << "Enabled checks:\n";
    for (const std::string &Check : FC.EnabledChecks)
      llvm::outs() << "    " << Check << "\n";
    return 0;
  }

  Config Base;
  Base.SystemHeaders = SystemHeaders;
  if (Format == "json")
    Base.Format = OutputFormat::JSON;
  else if (Format == "sarif")
    Base.Format = OutputFormat::SARIF;
  else if (Format != "text")
    fail("unknown --format '" + Format + "' (expected text, json or sarif)");
  if (MinCost.getNumOccurrences()) {
    uint64_t Ignored;
    if (!parseCostThreshold(MinCost, Ignored))
      fail("invalid --min-cost '" + MinCost +
           "': expected a number such as 5000, 10k or 2M");
  }
  unsigned Threads = std::max(1u, llvm::get_physical_cores() > 0
                                      ? static_cast<unsigned>(std::thread::hardware_concurrency())
                                      : 1u);
  if (Jobs.getNumOccurrences()) {
    if (llvm::StringRef(Jobs).getAsInteger(10, Threads) || Threads == 0 ||
        Threads > 1024)
      fail("invalid -j '" + Jobs + "': expected a number of threads from 1 to 1024");
  }
  GateResult Gates;
  if (Budget.getNumOccurrences()) {
    uint64_t Value = 0, Ns = 0;
    if (parseCostThreshold(Budget, Value))
      Gates.Budget = Value;
    else if (parseDuration(Budget, Ns))
      Gates.Budget = instructionsForNanoseconds(Ns);
    else
      fail("invalid --budget '" + Budget +
           "': expected instructions (5000, 10k, 2M) or a time (5ms, 200us)");
  }
  std::multiset<BaselineKey> BaselineKeys;
  if (Baseline.getNumOccurrences()) {
    BaselineKeys = loadBaseline(Baseline);
    Gates.HasBaseline = true;
  }
  Base.ShowColors = Output.empty() && Base.Format == OutputFormat::Text &&
                    llvm::sys::Process::StandardOutHasColors();

  if (!DB) {
    if (!BuildPath.empty()) {
      if (!llvm::sys::fs::is_directory(BuildPath))
        fail("build directory '" + BuildPath + "' does not exist");
      DB = loadBuildDatabase(BuildPath, DBError);
      if (!DB)
        fail("cannot load the compile database in '" + BuildPath +
             "': " + llvm::StringRef(DBError).trim().split('\n').first);
    } else if (!Sources.empty()) {
      DB = tooling::CompilationDatabase::autoDetectFromSource(Sources.front(),
                                                              DBError);
      if (!DB)
        fail("no compile database for '" + Sources.front() +
             "': pass -p <build dir>, or compiler flags after --");
    } else {
      fail("no input: pass source files, -p <build dir>, or both");
    }
  }

  std::vector<std::string> Files(Sources.begin(), Sources.end());
  if (Files.empty()) { // -p alone: every file of the compile database, in order.
    std::set<std::string> Seen;
    for (const tooling::CompileCommand &C : DB->getAllCompileCommands())
      if (Seen.insert(C.Filename).second)
        Files.push_back(C.Filename);
    if (Files.empty())
      Files = DB->getAllFiles();
  }
  if (Files.empty())
    fail("no input files (give files, or -p <build dir> with a non-empty "
         "compile_commands.json)");
  for (const std::string &File : Files) {
    if (!llvm::sys::fs::exists(File))
      fail("cannot read '" + File + "': no such file");
    auto Handle = llvm::sys::fs::openNativeFileForRead(File);
    if (!Handle)
      fail("cannot read '" + File + "': " + llvm::toString(Handle.takeError()));
    llvm::sys::fs::closeFile(*Handle);
  }

  // One job per TU, in compile-database order; each has its own tool, its
  // own configuration and its own diagnostic buffers.
  std::vector<Job> Work(Files.size());
  for (size_t I = 0; I < Files.size(); ++I) {
    llvm::SmallString<256> Absolute(Files[I]);
    llvm::sys::fs::make_absolute(Absolute);
    Work[I].File = Files[I];
    Work[I].Commands = DB->getCompileCommands(Absolute);
    if (Work[I].Commands.empty())
      Work[I].Commands = DB->getCompileCommands(Files[I]);
    FileConfig FC = ConfigOf(Absolute);
    Work[I].Cfg = Base;
    Work[I].Cfg.EnabledChecks = FC.EnabledChecks;
    Work[I].Cfg.Checks = FC.Options;
  }

  bool Progress = llvm::sys::Process::StandardErrIsDisplayed();
  size_t DoneCount = 0, FindingCount = 0;
  runJobs(Work, Threads, [&](const Job &J) {
    ++DoneCount;
    for (const TranslationUnitReport &R : J.Reports)
      FindingCount += R.Findings.size();
    if (Progress) {
      llvm::errs() << "\r[" << DoneCount << "/" << Work.size()
                   << " TUs] " << FindingCount << " finding"
                   << (FindingCount == 1 ? "" : "s") << " so far";
      llvm::errs().flush();
    }
  });
  if (Progress)
    llvm::errs() << "\r\x1b[K";

  std::vector<TranslationUnitReport> Reports;
  bool ToolFailed = false;
  for (Job &J : Work) {
    llvm::errs() << J.CompilerDiagnostics;
    ToolFailed |= J.ToolFailed;
    for (TranslationUnitReport &R : J.Reports)
      Reports.push_back(std::move(R));
  }

  // Whole program: needs every TU's facts.
  addInitOrderFindings(Reports);

  // Baseline: drop the findings it already has (check + symbol + file; the
  // line may move). A multiset, so a header finding known once per TU stays
  // known in each.
  if (Gates.HasBaseline)
    for (TranslationUnitReport &R : Reports) {
      std::vector<FindingRecord> Kept;
      for (FindingRecord &F : R.Findings) {
        auto It = BaselineKeys.find({F.Check, F.Symbol, F.Where.File});
        if (It != BaselineKeys.end()) {
          BaselineKeys.erase(It);
          ++Gates.BaselineSuppressed;
          continue;
        }
        Kept.push_back(std::move(F));
      }
      R.Findings = std::move(Kept);
    }

  ProgramReport Program = buildProgramReport(Reports);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Base.Format == OutputFormat::JSON) {
    writeJSON(OS, Reports, Program, Gates);
  } else if (Base.Format == OutputFormat::SARIF) {
    writeSARIF(OS, Reports, Program, INITSCAN_DOCS_URI);
  } else {
    for (const TranslationUnitReport &R : Reports)
      for (const FindingRecord &F : R.Findings)
        OS << F.DiagText;
    writeTextSummary(OS, Reports, Program, Gates);
  }
  OS.flush();
  if (Output.empty()) {
    llvm::outs() << Text;
    llvm::outs().flush();
  } else {
    writeFileAtomically(Output, Text);
  }

  // Fix-its: every distinct edit once (a header global's fix comes from each
  // TU that includes it).
  if (!ExportFixes.empty() || Fix) {
    std::map<std::string, tooling::Replacements> ByFile;
    std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Seen;
    tooling::TranslationUnitReplacements All;
    All.MainSourceFile = Reports.empty() ? "" : Reports.front().File;
    for (const TranslationUnitReport &R : Reports)
      for (const FindingRecord &F : R.Findings)
        for (const tooling::Replacement &Rep : F.Fixes) {
          if (!Seen.insert({Rep.getFilePath().str(), Rep.getOffset(),
                            Rep.getLength(), Rep.getReplacementText().str()})
                   .second)
            continue;
          if (llvm::Error E = ByFile[Rep.getFilePath().str()].add(Rep)) {
            // Overlapping fixes: keep the first, as clang-tidy does.
            llvm::consumeError(std::move(E));
            continue;
          }
          All.Replacements.push_back(Rep);
        }
    if (!ExportFixes.empty()) {
      std::string YAML;
      llvm::raw_string_ostream YOS(YAML);
      llvm::yaml::Output Out(YOS);
      Out << All;
      YOS.flush();
      writeFileAtomically(ExportFixes, YAML);
    }
    if (Fix) {
      for (const auto &[File, Reps] : ByFile) {
        auto Buffer = llvm::MemoryBuffer::getFile(File);
        if (!Buffer)
          fail("cannot read '" + File + "' to fix it: " +
               Buffer.getError().message());
        auto Fixed = tooling::applyAllReplacements((*Buffer)->getBuffer(), Reps);
        if (!Fixed)
          fail("cannot apply the fixes to '" + File +
               "': " + llvm::toString(Fixed.takeError()));
        writeFileAtomically(File, *Fixed);
      }
      llvm::errs() << "initscan: applied " << All.Replacements.size()
                   << " fix(es) to " << ByFile.size() << " file(s)\n";
    }
  }

  unsigned Failed = 0;
  for (const TranslationUnitReport &R : Reports)
    Failed += R.Failed;
  if (Failed || ToolFailed) {
    llvm::errs() << "initscan: error: " << std::max(Failed, 1u)
                 << " translation unit(s) failed to compile\n";
    return 2;
  }
  int Status = 0;
  if (Gates.Budget && Program.Total.Instructions > *Gates.Budget) {
    llvm::errs() << "initscan: start-up cost ~"
                 << formatCount(Program.Total.Instructions)
                 << " instructions exceeds the budget of "
                 << formatCount(*Gates.Budget) << " by ~"
                 << formatCount(Program.Total.Instructions - *Gates.Budget)
                 << " instructions\n";
    Status = 1;
  }
  if (Gates.HasBaseline) {
    size_t New = 0;
    for (const TranslationUnitReport &R : Reports)
      New += R.Findings.size();
    if (New) {
      llvm::errs() << "initscan: " << New
                   << " new finding(s) not in the baseline\n";
      Status = 1;
    }
  }
  return Status;
}
