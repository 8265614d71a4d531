//===- TestSupport.cpp - Parsing snippets for the engine's unit tests -----===//

#include "TestSupport.h"
#include "initscan/Compat.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace clang;

namespace initscan::test {

namespace {

/// Renders the errors of a parse into a string instead of stderr.
class CollectingConsumer : public DiagnosticConsumer {
public:
  explicit CollectingConsumer(std::string &Out) : Out(Out) {}
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    llvm::raw_string_ostream OS(Out);
    if (Info.hasSourceManager() && Info.getLocation().isValid())
      Info.getLocation().print(OS, Info.getSourceManager());
    OS << ": error: " << Message << "\n";
  }

private:
  std::string &Out;
};

/// The clang driver path the snippets are parsed as: it locates the resource
/// dir and libc++ the way the real clang++ does.
std::string toolName() {
  if (llvm::sys::fs::exists(INITSCAN_TEST_CLANG))
    return INITSCAN_TEST_CLANG;
  return "clang-tool";
}

} // namespace

std::vector<std::string> compileArgs(const std::vector<std::string> &Extra) {
  std::vector<std::string> Args;
  bool HasStd = false;
  for (const std::string &A : Extra)
    HasStd |= compat::startsWith(A, "-std=");
  if (!HasStd)
    Args.push_back("-std=c++17");
  if (llvm::sys::fs::is_directory(INITSCAN_TEST_RESOURCE_DIR))
    Args.push_back("-resource-dir=" INITSCAN_TEST_RESOURCE_DIR);
  Args.insert(Args.end(), Extra.begin(), Extra.end());
  return Args;
}

ParsedTU analyze(llvm::StringRef Code, std::vector<std::string> Extra,
                 const AnalysisOptions &Opts) {
  ParsedTU TU;
  CollectingConsumer Diags(TU.Errors);
  TU.AST = tooling::buildASTFromCodeWithArgs(
      Code, compileArgs(Extra), "input.cpp", toolName(),
      std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(),
      tooling::FileContentMappings(), &Diags);
  if (!TU.AST) {
    if (TU.Errors.empty())
      TU.Errors = "buildASTFromCodeWithArgs failed";
    return TU;
  }
  // The consumer lives on this stack frame only.
  TU.AST->getDiagnostics().setClient(new IgnoringDiagConsumer(),
                                     /*ShouldOwnClient=*/true);
  if (TU.Errors.empty())
    TU.Inits = analyzeTranslationUnit(TU.AST->getASTContext(), Opts);
  return TU;
}

const StaticInitializer *find(const std::vector<StaticInitializer> &Inits,
                              llvm::StringRef Name) {
  for (const StaticInitializer &SI : Inits)
    if (SI.QualifiedName == Name)
      return &SI;
  return nullptr;
}

size_t count(const std::vector<StaticInitializer> &Inits,
             llvm::StringRef Name) {
  size_t N = 0;
  for (const StaticInitializer &SI : Inits)
    N += SI.QualifiedName == Name;
  return N;
}

std::vector<std::string> names(const std::vector<StaticInitializer> &Inits) {
  std::vector<std::string> Result;
  for (const StaticInitializer &SI : Inits)
    Result.push_back(SI.QualifiedName);
  return Result;
}

const VarDecl *lookupVar(ASTContext &Ctx, llvm::StringRef Name) {
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *VD = dyn_cast<VarDecl>(D))
      return VD;
  return nullptr;
}

const Finding *findingFor(const std::vector<Finding> &Findings,
                          llvm::StringRef Name) {
  for (const Finding &F : Findings)
    if (F.Init && F.Init->Decl && F.Init->Decl->getNameAsString() == Name)
      return &F;
  return nullptr;
}

std::string textOf(CharSourceRange Range, ASTContext &Ctx) {
  return Lexer::getSourceText(Range, Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

std::string applyFixes(llvm::StringRef Code, const Finding &F,
                       ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  struct Edit {
    unsigned Begin, End;
    std::string Text;
  };
  std::vector<Edit> Edits;
  for (const FixItHint &Fix : F.Fixes) {
    CharSourceRange R =
        Lexer::makeFileCharRange(Fix.RemoveRange, SM, Ctx.getLangOpts());
    EXPECT_TRUE(R.isValid()) << "fix-it range is not a file range";
    if (R.isInvalid())
      continue;
    EXPECT_TRUE(SM.isInMainFile(R.getBegin()));
    Edits.push_back({SM.getFileOffset(R.getBegin()),
                     SM.getFileOffset(R.getEnd()), Fix.CodeToInsert});
  }
  // Back to front, so earlier offsets stay valid.
  std::sort(Edits.begin(), Edits.end(),
            [](const Edit &A, const Edit &B) { return A.Begin > B.Begin; });
  std::string Result = Code.str();
  for (const Edit &E : Edits)
    Result.replace(E.Begin, E.End - E.Begin, E.Text);
  return Result;
}

} // namespace initscan::test
