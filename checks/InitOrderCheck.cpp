//===- InitOrderCheck.cpp - initscan-init-order ----------------------------===//

#include "InitOrderCheck.h"
#include "CheckSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace initscan::tidy {

InitOrderCheck::InitOrderCheck(llvm::StringRef Name,
                               clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {
  Settings.ReportExternReads = getBoolOption(Options, "ReportExternReads", false);
}

void InitOrderCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ReportExternReads",
                boolOptionText(Settings.ReportExternReads));
}

void InitOrderCheck::registerMatchers(MatchFinder *Finder) {
  // The engine analyses the whole translation unit once for all checks.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void InitOrderCheck::check(const MatchFinder::MatchResult &Result) {
  const auto &Inits = analyzeTranslationUnitCached(*Result.Context);
  InitOrderFacts Facts = collectInitOrderFacts(*Result.Context, Inits);
  for (const InitOrderIssue &Issue : findInitOrderIssuesInTU(Facts, Settings)) {
    if (Issue.ReaderWhere.Loc.isInvalid())
      continue;
    diag(Issue.ReaderWhere.Loc, "%0") << Issue.message();
    for (const auto &[Where, Message] : Issue.notes())
      if (Where.Loc.isValid())
        diag(Where.Loc, "%0", DiagnosticIDs::Note) << Message;
  }
}

} // namespace initscan::tidy
