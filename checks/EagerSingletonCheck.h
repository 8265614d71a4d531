//===- EagerSingletonCheck.h - initscan-eager-singleton -*- C++ -*-===//
#ifndef INITSCAN_CHECKS_EAGERSINGLETONCHECK_H
#define INITSCAN_CHECKS_EAGERSINGLETONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "initscan/Findings.h"

namespace initscan::tidy {

/// Flags globals whose construction acquires resources (files, sockets,
/// threads, environment, much memory) before main instead of on first use.
///
/// For the user-facing documentation see:
/// docs/checks/initscan-eager-singleton.md
class EagerSingletonCheck : public clang::tidy::ClangTidyCheck {
public:
  EagerSingletonCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  EagerSingletonOptions Settings;
};

} // namespace initscan::tidy

#endif // INITSCAN_CHECKS_EAGERSINGLETONCHECK_H
