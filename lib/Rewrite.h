//===- Rewrite.h - Suggested rewrites for start-up code ---------*- C++ -*-===//
#ifndef INITSCAN_LIB_REWRITE_H
#define INITSCAN_LIB_REWRITE_H

#include "initscan/StaticInitAnalysis.h"

namespace initscan {

/// The rewrite that removes or defers \p SI's start-up cost, with a fix-it
/// only where it is provably safe.
Rewrite suggestRewrite(const StaticInitializer &SI, clang::ASTContext &Ctx);

} // namespace initscan

#endif // INITSCAN_LIB_REWRITE_H
