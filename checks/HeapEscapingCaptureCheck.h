//===- HeapEscapingCaptureCheck.h - initscan-heap-escaping-capture -*- C++ -*-===//
#ifndef INITSCAN_CHECKS_HEAPESCAPINGCAPTURECHECK_H
#define INITSCAN_CHECKS_HEAPESCAPINGCAPTURECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "initscan/Findings.h"

namespace initscan::tidy {

/// Flags closures too large for the small buffer of the std::function-like
/// wrapper they are stored in, so that every construction allocates.
///
/// For the user-facing documentation see:
/// docs/checks/initscan-heap-escaping-capture.md
class HeapEscapingCaptureCheck : public clang::tidy::ClangTidyCheck {
public:
  HeapEscapingCaptureCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  HeapEscapingCaptureOptions Settings;
};

} // namespace initscan::tidy

#endif // INITSCAN_CHECKS_HEAPESCAPINGCAPTURECHECK_H
