//===- initscan.cpp - Find and cost the code that runs before main ---------===//
//
// initscan file.cpp -- <compiler flags>
// initscan -p <build dir> [files...]
//
// Runs the engine on each translation unit, prints clang-style diagnostics and
// a per-TU summary (or a JSON report), exits 2 on usage or input errors.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "initscan/Compat.h"
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

enum class OutputFormat { Text, JSON };

struct Config {
  OutputFormat Format = OutputFormat::Text;
  std::vector<std::string> EnabledChecks;
  CheckOptions Checks;
  bool SystemHeaders = false;
};

[[noreturn]] void fail(const llvm::Twine &Message) {
  llvm::errs() << "initscan: error: " << Message << "\n";
  std::exit(2);
}

/// Checks selected by a clang-tidy style glob list ("-*,initscan-*").
std::vector<std::string> selectChecks(llvm::StringRef Globs) {
  std::vector<std::string> Selected;
  for (llvm::StringRef Check : AllChecks) {
    bool Enabled = false;
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    Globs.split(Parts, ',', -1, false);
    for (llvm::StringRef Part : Parts) {
      Part = Part.trim();
      bool Negative = Part.consume_front("-");
      auto Pattern = llvm::GlobPattern::create(Part);
      if (!Pattern)
        fail("invalid --checks glob '" + Part + "'");
      if (Pattern->match(Check))
        Enabled = !Negative;
    }
    if (Enabled)
      Selected.push_back(Check.str());
  }
  return Selected;
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
    for (const StaticInitializer &SI : Inits)
      Report.Globals.push_back(GlobalRecord{
          SI.QualifiedName, SI.MangledName, positionOf(SM, SI.location()),
          SI.Storage, SI.runsBeforeMain() || SI.emitsInitFunction(),
          SI.DynamicInit, SI.RegistersDestructor, SI.InSystemHeader, SI.Cost});

    std::vector<Finding> Findings =
        runChecks(Ctx, Inits, Cfg.EnabledChecks, Cfg.Checks);

    std::unique_ptr<DiagnosticsEngine> Diags;
    if (Cfg.Format == OutputFormat::Text)
      Diags = createPrinter(Ctx);
    for (const Finding &F : Findings) {
      if (!Cfg.SystemHeaders &&
          (F.Init ? F.Init->InSystemHeader
                  : SM.isInSystemHeader(SM.getExpansionLoc(F.Loc))))
        continue;
      record(F, SM);
      if (Diags)
        emit(*Diags, F);
    }
    if (Diags)
      Diags->getClient()->EndSourceFile();
  }

private:
  std::unique_ptr<DiagnosticsEngine> createPrinter(ASTContext &Ctx) {
    auto *Printer = new TextDiagnosticPrinter(llvm::outs(), DiagOpts.get());
    DiagOpts->ShowColors = llvm::sys::Process::StandardOutHasColors();
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

  void record(const Finding &F, const SourceManager &SM) {
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
    Report.Findings.push_back(std::move(R));
  }

  CompilerInstance &CI;
  const Config &Cfg;
  TranslationUnitReport &Report;
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions();
};

class InitscanAction : public ASTFrontendAction {
public:
  InitscanAction(const Config &Cfg, std::vector<TranslationUnitReport> &Reports)
      : Cfg(Cfg), Reports(Reports) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    Reports.emplace_back();
    llvm::SmallString<256> Absolute(File);
    llvm::sys::fs::make_absolute(Absolute);
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

} // namespace

int main(int argc, const char **argv) {
  // Options are locals, not llvm::cl::opt globals: initscan itself runs no
  // code before main.
  llvm::cl::OptionCategory Category("initscan options");
  llvm::cl::opt<std::string> Format(
      "format", llvm::cl::desc("Output format: text (default) or json"),
      llvm::cl::init("text"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Checks(
      "checks",
      llvm::cl::desc("Comma-separated globs of checks to run (default: initscan-*)"),
      llvm::cl::init("initscan-*"), llvm::cl::cat(Category));
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
  if (ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (const std::string &Check : selectChecks(Checks))
      llvm::outs() << "    " << Check << "\n";
    return 0;
  }
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

  Config Cfg;
  Cfg.EnabledChecks = selectChecks(Checks);
  Cfg.SystemHeaders = SystemHeaders;
  if (Format == "json")
    Cfg.Format = OutputFormat::JSON;
  else if (Format != "text")
    fail("unknown --format '" + Format + "' (expected text or json)");
  if (!parseCostThreshold(MinCost, Cfg.Checks.ExpensiveStaticInit.MinCost))
    fail("invalid --min-cost '" + MinCost + "': expected a number such as 5000, 10k or 2M");

  std::vector<std::string> Files(Sources.begin(), Sources.end());
  if (Files.empty()) // -p alone: every file of the compile database.
    Files = DB->getAllFiles();
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

  std::vector<TranslationUnitReport> Reports;
  Reports.reserve(Files.size());
  tooling::ClangTool Tool(*DB, Files);
  InitscanActionFactory Factory(Cfg, Reports);
  int ToolStatus = Tool.run(&Factory);

  if (Cfg.Format == OutputFormat::JSON)
    writeJSON(llvm::outs(), Reports);
  else
    writeTextSummary(llvm::outs(), Reports);
  llvm::outs().flush();

  unsigned Failed = 0;
  for (const TranslationUnitReport &R : Reports)
    Failed += R.Failed;
  if (Failed || ToolStatus != 0) {
    llvm::errs() << "initscan: error: " << std::max(Failed, 1u)
                 << " translation unit(s) failed to compile\n";
    return 2;
  }
  return 0;
}
