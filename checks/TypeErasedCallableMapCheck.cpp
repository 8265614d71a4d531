//===- TypeErasedCallableMapCheck.cpp - initscan-type-erased-callable-map ===//

#include "TypeErasedCallableMapCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace initscan::tidy {

TypeErasedCallableMapCheck::TypeErasedCallableMapCheck(llvm::StringRef Name,
                                     clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {
  std::vector<std::string> Types =
      splitList(getOption(Options, "CallableTypes", ""));
  if (!Types.empty())
    Settings.CallableTypes = std::move(Types);
}

void TypeErasedCallableMapCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CallableTypes", joinList(Settings.CallableTypes));
}

void TypeErasedCallableMapCheck::registerMatchers(MatchFinder *Finder) {
  // The engine analyses the whole translation unit once for all checks.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void TypeErasedCallableMapCheck::check(const MatchFinder::MatchResult &Result) {
  const auto &Inits = analyzeTranslationUnitCached(*Result.Context);
  for (const Finding &F : findTypeErasedCallableMaps(*Result.Context, Inits, Settings))
    report(*this, F);
}

} // namespace initscan::tidy
