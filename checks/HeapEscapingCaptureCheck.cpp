//===- HeapEscapingCaptureCheck.cpp - initscan-heap-escaping-capture ===//

#include "HeapEscapingCaptureCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace initscan::tidy {

HeapEscapingCaptureCheck::HeapEscapingCaptureCheck(llvm::StringRef Name,
                                     clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {
  Settings.StaticInitOnly = getBoolOption(Options, "StaticInitOnly", true);
}

void HeapEscapingCaptureCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "StaticInitOnly", boolOptionText(Settings.StaticInitOnly));
}

void HeapEscapingCaptureCheck::registerMatchers(MatchFinder *Finder) {
  // The engine analyses the whole translation unit once for all checks.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void HeapEscapingCaptureCheck::check(const MatchFinder::MatchResult &Result) {
  const auto &Inits = analyzeTranslationUnitCached(*Result.Context);
  for (const Finding &F : findHeapEscapingCaptures(*Result.Context, Inits, Settings))
    report(*this, F);
}

} // namespace initscan::tidy
