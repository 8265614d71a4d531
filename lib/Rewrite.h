//===- Rewrite.h - Suggested rewrites for start-up code ---------*- C++ -*-===//
#ifndef INITSCAN_LIB_REWRITE_H
#define INITSCAN_LIB_REWRITE_H

#include "initscan/StaticInitAnalysis.h"
#include <memory>

namespace initscan {

class UseChecker;

/// Which `const std::string` globals of a TU are used only in ways a
/// std::string_view supports: one traversal of the TU, on first question.
class StringViewUses {
public:
  explicit StringViewUses(clang::ASTContext &Ctx);
  ~StringViewUses();
  bool allUsesSupported(const clang::VarDecl &Var);

private:
  clang::ASTContext &Ctx;
  std::unique_ptr<UseChecker> Checker;
};

/// The rewrite that removes or defers \p SI's start-up cost, with a fix-it
/// only where it is provably safe.
Rewrite suggestRewrite(const StaticInitializer &SI, clang::ASTContext &Ctx,
                       StringViewUses &Uses);

} // namespace initscan

#endif // INITSCAN_LIB_REWRITE_H
