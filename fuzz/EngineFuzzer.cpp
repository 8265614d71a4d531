//===- EngineFuzzer.cpp - libFuzzer target: the engine on arbitrary C++ ---===//
//
// Parses the input as a C++ file and runs the engine and every check over
// the AST, also when the code does not compile: the clang-tidy module runs
// on ASTs with errors, so the engine must survive invalid declarations.
// Build and run: scripts/fuzz.sh (docs/testing.md).
//
//===----------------------------------------------------------------------===//

#include "initscan/Findings.h"
#include "initscan/StaticInitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <cstddef>
#include <cstdint>

using namespace initscan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Code(reinterpret_cast<const char *>(Data), Size);
  // Limits keep one input from running for minutes inside clang itself.
  std::vector<std::string> Args = {
      "-std=c++20",           "-fsyntax-only",
      "-w",                   "-ferror-limit=30",
      "-fconstexpr-steps=100000", "-ftemplate-depth=128",
      "-fbracket-depth=128",  "-resource-dir=" INITSCAN_CLANG_RESOURCE_DIR};
  clang::IgnoringDiagConsumer Quiet;
  std::unique_ptr<clang::ASTUnit> AST = clang::tooling::buildASTFromCodeWithArgs(
      Code, Args, "input.cpp", "initscan-fuzzer",
      std::make_shared<clang::PCHContainerOperations>(),
      clang::tooling::getClangStripDependencyFileAdjuster(),
      clang::tooling::FileContentMappings(), &Quiet);
  if (!AST)
    return 0;
  clang::ASTContext &Ctx = AST->getASTContext();
  std::vector<StaticInitializer> Inits = analyzeTranslationUnit(Ctx);
  std::vector<std::string> Every(std::begin(AllChecks), std::end(AllChecks));
  std::vector<Finding> Findings = runChecks(Ctx, Inits, Every, CheckOptions());
  // What the front-ends print: summaries and names.
  for (const StaticInitializer &SI : Inits)
    (void)SI.Cost.summary();
  for (const Finding &F : Findings)
    (void)F.Message.size();
  return 0;
}
