//===- ExpensiveStaticInitCheck.h - initscan-expensive-static-init -*- C++ -*-===//
#ifndef INITSCAN_CHECKS_EXPENSIVESTATICINITCHECK_H
#define INITSCAN_CHECKS_EXPENSIVESTATICINITCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "initscan/Findings.h"

namespace initscan::tidy {

/// Flags every global whose initialization runs code before main, with its
/// estimated cost and a rewrite.
///
/// For the user-facing documentation see:
/// docs/checks/initscan-expensive-static-init.md
class ExpensiveStaticInitCheck : public clang::tidy::ClangTidyCheck {
public:
  ExpensiveStaticInitCheck(llvm::StringRef Name,
                           clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  const std::string MinCostText;
  ExpensiveStaticInitOptions Settings;
};

} // namespace initscan::tidy

#endif // INITSCAN_CHECKS_EXPENSIVESTATICINITCHECK_H
