//===- ExpensiveStaticInitCheck.cpp - initscan-expensive-static-init -------===//

#include "ExpensiveStaticInitCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace initscan::tidy {

ExpensiveStaticInitCheck::ExpensiveStaticInitCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      MinCostText(getOption(Options, "MinCost", "0")) {
  Settings.ReportDestructorOnly =
      getBoolOption(Options, "ReportDestructorOnly", true);
  if (!parseCostThreshold(MinCostText, Settings.MinCost))
    configurationDiag("invalid MinCost '%0' for check '%1': expected a number "
                      "of instructions such as 5000, 10k or 2M")
        << MinCostText << Name;
}

void ExpensiveStaticInitCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MinCost", MinCostText);
  Options.store(Opts, "ReportDestructorOnly",
                boolOptionText(Settings.ReportDestructorOnly));
}

void ExpensiveStaticInitCheck::registerMatchers(MatchFinder *Finder) {
  // The engine looks at the whole translation unit at once: which globals are
  // emitted, and their costs through shared callees.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void ExpensiveStaticInitCheck::check(const MatchFinder::MatchResult &Result) {
  const auto &Inits = analyzeTranslationUnitCached(*Result.Context);
  for (const Finding &F : findExpensiveStaticInits(Inits, Settings))
    report(*this, F);
}

} // namespace initscan::tidy
