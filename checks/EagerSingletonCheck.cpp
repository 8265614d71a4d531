//===- EagerSingletonCheck.cpp - initscan-eager-singleton ===//

#include "EagerSingletonCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace initscan::tidy {

EagerSingletonCheck::EagerSingletonCheck(llvm::StringRef Name,
                                     clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {
  std::string MinAllocations = getOption(Options, "MinAllocations", "16");
  if (llvm::StringRef(MinAllocations).getAsInteger(10, Settings.MinAllocations))
    configurationDiag("invalid MinAllocations '%0' for check '%1': expected a "
                      "whole number")
        << MinAllocations << Name;
}

void EagerSingletonCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MinAllocations", std::to_string(Settings.MinAllocations));
}

void EagerSingletonCheck::registerMatchers(MatchFinder *Finder) {
  // The engine analyses the whole translation unit once for all checks.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void EagerSingletonCheck::check(const MatchFinder::MatchResult &Result) {
  const auto &Inits = analyzeTranslationUnitCached(*Result.Context);
  for (const Finding &F : findEagerSingletons(*Result.Context, Inits, Settings))
    report(*this, F);
}

} // namespace initscan::tidy
