//===- InitOrderCheck.h - initscan-init-order ----------------------*- C++ -*-===//
#ifndef INITSCAN_CHECKS_INITORDERCHECK_H
#define INITSCAN_CHECKS_INITORDERCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "initscan/InitOrder.h"

namespace initscan::tidy {

/// Static initialization order fiasco, as far as one TU shows it: a dynamic
/// initializer that reads a global dynamically initialized later in the TU
/// (and, with ReportExternReads, one only declared extern here). The initscan
/// CLI runs the same check over the whole program.
///
/// For the user-facing documentation see:
/// docs/checks/initscan-init-order.md
class InitOrderCheck : public clang::tidy::ClangTidyCheck {
public:
  InitOrderCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  InitOrderOptions Settings;
};

} // namespace initscan::tidy

#endif // INITSCAN_CHECKS_INITORDERCHECK_H
