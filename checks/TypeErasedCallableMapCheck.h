//===- TypeErasedCallableMapCheck.h - initscan-type-erased-callable-map -*- C++ -*-===//
#ifndef INITSCAN_CHECKS_TYPEERASEDCALLABLEMAPCHECK_H
#define INITSCAN_CHECKS_TYPEERASEDCALLABLEMAPCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "initscan/Findings.h"

namespace initscan::tidy {

/// Flags global containers of std::function-like callables built at start-up,
/// with their per-entry cost and a constant-table rewrite.
///
/// For the user-facing documentation see:
/// docs/checks/initscan-type-erased-callable-map.md
class TypeErasedCallableMapCheck : public clang::tidy::ClangTidyCheck {
public:
  TypeErasedCallableMapCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  TypeErasedCallableMapOptions Settings;
};

} // namespace initscan::tidy

#endif // INITSCAN_CHECKS_TYPEERASEDCALLABLEMAPCHECK_H
