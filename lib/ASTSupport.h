//===- ASTSupport.h - Small AST helpers shared by the engine and checks -*- C++ -*-===//
#ifndef INITSCAN_LIB_ASTSUPPORT_H
#define INITSCAN_LIB_ASTSUPPORT_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class ASTContext;
class Expr;
class VarDecl;
} // namespace clang

namespace initscan {

/// \p E without parentheses, implicit casts, temporaries, cleanups, constant
/// wrappers and functional casts: the value as written. The engine records
/// callables by this node, so every check must strip the same way.
const clang::Expr *stripTemporaries(const clang::Expr *E);

/// Source text on one line (notes are single-line diagnostics).
std::string collapseWhitespace(llvm::StringRef Text);

/// The text of \p Range on one line; empty when it touches a macro.
std::string sourceTextOnOneLine(clang::CharSourceRange Range,
                                const clang::ASTContext &Ctx);

/// Whether \p Var's initializer is written in the source (` = x`, `(x)`,
/// `{}`), as opposed to an implicit default construction (`Config gConfig;`).
/// An accessor that rebuilds the variable must repeat a written initializer:
/// when its text cannot be read (a macro), there is no accessor to show.
bool hasWrittenInitializer(const clang::VarDecl &Var);

} // namespace initscan

#endif // INITSCAN_LIB_ASTSUPPORT_H
