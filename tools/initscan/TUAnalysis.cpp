//===- TUAnalysis.cpp - Analyse one translation unit into its summary ----===//

#include "TUAnalysis.h"
#include "Summary.h"
#include "initscan/Findings.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/Tooling.h"
#include "initscan/Compat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <map>

using namespace clang;

namespace initscan::cli {
namespace {

/// The function a registrar variable is initialized by calling, the first of
/// a chain: `RegisterBenchmarkInternal` in `b = RegisterBenchmarkInternal(
/// new ...)->Arg(1)`. Null when the initializer is not a call.
const FunctionDecl *registeringCall(const VarDecl &Var) {
  const Expr *E = Var.getInit();
  const FunctionDecl *First = nullptr;
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      break;
    First = Call->getDirectCallee();
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    E = Member ? Member->getImplicitObjectArgument() : nullptr;
  }
  return First;
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
                   TranslationUnitReport &Report,
                   std::vector<Dependency> &Dependencies)
      : CI(CI), Cfg(Cfg), Report(Report), Dependencies(Dependencies) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred()) {
      Report.Failed = true;
      return;
    }
    const SourceManager &SM = Ctx.getSourceManager();
    recordDependencies(SM);
    Report.StdLib = detectStdLib(Ctx).Kind;
    std::vector<StaticInitializer> Inits = analyzeTranslationUnit(Ctx);
    Report.InitOrderEnabled =
        llvm::is_contained(Cfg.EnabledChecks, InitOrderCheck.str());
    Report.InitOrder = collectInitOrderFacts(Ctx, Inits);
    std::vector<Finding> Findings =
        runChecks(Ctx, Inits, Cfg.EnabledChecks, Cfg.Checks);
    // The registry each registrar fills, when the registry check found it.
    std::map<const StaticInitializer *, std::string> RegistryOf;
    std::vector<std::string> All(std::begin(AllChecks), std::end(AllChecks));
    std::vector<Finding> Registrations;
    if (std::find(Cfg.EnabledChecks.begin(), Cfg.EnabledChecks.end(),
                  TypeErasedCallableMapCheck.str()) == Cfg.EnabledChecks.end())
      Registrations = findTypeErasedCallableMaps(
          Ctx, Inits, Cfg.Checks.TypeErasedCallableMap);
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
      llvm::SmallString<128> USR;
      if (SI.Decl && !index::generateUSRForDecl(SI.Decl, USR))
        G.USR = USR.str().str();
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
          else if (const CXXRecordDecl *RD =
                       VD->getType()->getAsCXXRecordDecl())
            G.Registry = RD->getQualifiedNameAsString();
          else if (const FunctionDecl *Fn = registeringCall(*VD))
            G.Registry = Fn->getQualifiedNameAsString();
        }
      }
      Report.Globals.push_back(std::move(G));
    }

    std::unique_ptr<DiagnosticsEngine> Diags;
    if (Cfg.RenderDiagnostics)
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
  /// Every file the TU entered (main file, headers, -include files), hashed
  /// as parsed: the cache serves this TU's summary while they are unchanged.
  void recordDependencies(const SourceManager &SM) {
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::optional<llvm::MemoryBufferRef> Buffer =
          compat::toStd(It->second->getBufferIfLoaded());
      if (!Buffer)
        continue;
      // The real path: lexical clean-up of "12/../../include" is wrong
      // across symbolic links.
      llvm::StringRef Path = CI.getFileManager().getCanonicalName(It->first);
      if (Path.empty())
        continue;
      Dependencies.push_back({Path.str(), contentHash(Buffer->getBuffer())});
    }
    llvm::sort(Dependencies, [](const Dependency &A, const Dependency &B) {
      return A.File < B.File;
    });
  }

  std::unique_ptr<DiagnosticsEngine> createPrinter(ASTContext &Ctx) {
    std::unique_ptr<TextDiagnosticPrinter> Owned =
        compat::makeTextDiagnosticPrinter(DiagOS, DiagOpts);
    TextDiagnosticPrinter *Printer = Owned.get();
    std::unique_ptr<DiagnosticsEngine> Diags = compat::makeDiagnosticsEngine(
        DiagOpts, Owned.release(), /*ShouldOwnClient=*/true);
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
  std::vector<Dependency> &Dependencies;
  compat::DiagnosticOptionsPtr DiagOpts = compat::makeDiagnosticOptions();
  std::string DiagBuffer;
  llvm::raw_string_ostream DiagOS{DiagBuffer};
};

class InitscanAction : public ASTFrontendAction {
public:
  InitscanAction(const Config &Cfg, std::vector<TranslationUnitReport> &Reports,
                 std::vector<Dependency> &Dependencies)
      : Cfg(Cfg), Reports(Reports), Dependencies(Dependencies) {}

  std::unique_ptr<ASTConsumer>
  CreateASTConsumer(CompilerInstance &CI, llvm::StringRef File) override {
    Reports.emplace_back(); // Reserved by the caller: references stay valid.
    llvm::SmallString<256> Absolute(File);
    // Relative to the compile command's directory: the tool's file system
    // has its own working directory, not the process's.
    CI.getFileManager().makeAbsolutePath(Absolute);
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    Reports.back().File = Absolute.str().str();
    return std::make_unique<InitscanConsumer>(CI, Cfg, Reports.back(),
                                              Dependencies);
  }

private:
  const Config &Cfg;
  std::vector<TranslationUnitReport> &Reports;
  std::vector<Dependency> &Dependencies;
};

class InitscanActionFactory : public tooling::FrontendActionFactory {
public:
  InitscanActionFactory(const Config &Cfg,
                        std::vector<TranslationUnitReport> &Reports,
                        std::vector<Dependency> &Dependencies)
      : Cfg(Cfg), Reports(Reports), Dependencies(Dependencies) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<InitscanAction>(Cfg, Reports, Dependencies);
  }

private:
  const Config &Cfg;
  std::vector<TranslationUnitReport> &Reports;
  std::vector<Dependency> &Dependencies;
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

} // namespace

void runJob(Job &J) {
  if (failIfUnreadable(J))
    return;
  J.Reports.reserve(J.Commands.size() + 1);
  OneFileDatabase DB(J.Commands);
  // A physical file system per tool: the real one's working directory is the
  // process's, which ClangTool changes per compile command.
  tooling::ClangTool Tool(DB, {J.File},
                          std::make_shared<PCHContainerOperations>(),
                          llvm::vfs::createPhysicalFileSystem());
  Tool.setPrintErrorMessage(false);
  std::string CompilerDiagnostics;
  llvm::raw_string_ostream DiagOS(CompilerDiagnostics);
  compat::DiagnosticOptionsPtr DiagOpts = compat::makeDiagnosticOptions();
  std::unique_ptr<TextDiagnosticPrinter> Printer =
      compat::makeTextDiagnosticPrinter(DiagOS, DiagOpts);
  Tool.setDiagnosticConsumer(Printer.get());
  InitscanActionFactory Factory(J.Cfg, J.Reports, J.Dependencies);
  J.ToolFailed = Tool.run(&Factory) != 0;
  if (J.Reports.empty()) {
    J.Reports.emplace_back();
    J.Reports.back().File = J.File;
    J.Reports.back().Failed = true;
  }
  DiagOS.flush();
  for (TranslationUnitReport &R : J.Reports)
    R.Ordinal = J.Ordinal;
  J.Reports.front().CompilerDiagnostics = std::move(CompilerDiagnostics);
}

std::string unreadableReason(llvm::StringRef File) {
  if (!llvm::sys::fs::exists(File))
    return "no such file";
  if (llvm::sys::fs::is_directory(File))
    return "is a directory";
  llvm::Expected<llvm::sys::fs::file_t> Handle =
      llvm::sys::fs::openNativeFileForRead(File);
  if (!Handle)
    return llvm::toString(Handle.takeError());
  llvm::sys::fs::closeFile(*Handle);
  return "";
}

void failJob(Job &J, const llvm::Twine &Problem) {
  J.Reports.assign(1, TranslationUnitReport());
  TranslationUnitReport &R = J.Reports.front();
  R.File = J.File;
  R.Ordinal = J.Ordinal;
  R.Failed = true;
  R.CompilerDiagnostics = ("initscan: error: " + Problem + "\n").str();
  J.Dependencies.clear();
}

bool failIfUnreadable(Job &J) {
  std::string Problem = unreadableReason(J.File);
  if (Problem.empty())
    return false;
  failJob(J, "cannot read '" + J.File + "': " + Problem);
  return true;
}

std::string encodeJobResults(const Job &J) {
  std::string Text;
  {
    StringBuilderStream OS(Text);
    llvm::json::OStream Out(OS);
    Out.object([&] {
      Out.attributeBegin("dependencies");
      writeDependencies(Out, J.Dependencies);
      Out.attributeEnd();
      Out.attributeArray("summaries", [&] {
        for (const TranslationUnitReport &R : J.Reports)
          writeSummary(Out, R);
      });
      Out.attribute("toolFailed", J.ToolFailed);
    });
  }
  return Text;
}

bool decodeJobResults(llvm::StringRef Text, Job &J) {
  llvm::Expected<llvm::json::Value> Value = llvm::json::parse(Text);
  if (!Value) {
    llvm::consumeError(Value.takeError());
    return false;
  }
  const llvm::json::Object *Root = Value->getAsObject();
  const llvm::json::Array *Summaries =
      Root ? Root->getArray("summaries") : nullptr;
  const llvm::json::Array *Dependencies =
      Root ? Root->getArray("dependencies") : nullptr;
  std::optional<bool> ToolFailed =
      Root ? compat::toStd(Root->getBoolean("toolFailed")) : std::nullopt;
  if (!Summaries || Summaries->empty() || !Dependencies || !ToolFailed)
    return false;
  std::vector<TranslationUnitReport> Reports(Summaries->size());
  std::string Error;
  for (size_t I = 0; I < Summaries->size(); ++I)
    if (!summaryFromJSON((*Summaries)[I], Reports[I], Error))
      return false;
  std::vector<Dependency> Files;
  for (const llvm::json::Value &D : *Dependencies) {
    const llvm::json::Array *Pair = D.getAsArray();
    bool IsPair = Pair && Pair->size() == 2;
    std::optional<llvm::StringRef> File =
        IsPair ? compat::toStd((*Pair)[0].getAsString()) : std::nullopt;
    std::optional<llvm::StringRef> Hash =
        IsPair ? compat::toStd((*Pair)[1].getAsString()) : std::nullopt;
    uint64_t Value = 0;
    if (!File || !Hash || Hash->getAsInteger(16, Value))
      return false;
    Files.push_back({File->str(), Value});
  }
  J.Reports = std::move(Reports);
  J.Dependencies = std::move(Files);
  J.ToolFailed = *ToolFailed;
  return true;
}

} // namespace initscan::cli
