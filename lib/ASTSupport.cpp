//===- ASTSupport.cpp - Small AST helpers shared by the engine and checks --===//

#include "ASTSupport.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace initscan {

const Expr *stripTemporaries(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *C = dyn_cast<ConstantExpr>(E))
      E = C->getSubExpr();
    else
      break;
  }
  return E;
}

std::string collapseWhitespace(llvm::StringRef Text) {
  std::string Result;
  bool Space = false;
  for (char C : Text) {
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      Space = true;
      continue;
    }
    if (Space && !Result.empty())
      Result += ' ';
    Space = false;
    Result += C;
  }
  return Result;
}

std::string sourceTextOnOneLine(CharSourceRange Range, const ASTContext &Ctx) {
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return {};
  return collapseWhitespace(
      Lexer::getSourceText(Range, Ctx.getSourceManager(), Ctx.getLangOpts()));
}

bool hasWrittenInitializer(const VarDecl &Var) {
  const Expr *Init = Var.getInit();
  if (!Init)
    return false;
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (!Construct || Construct->getParenOrBraceRange().isValid())
    return true;
  // `Foo f;` (default arguments included) is not written; `Foo f = 5;` is.
  return !llvm::all_of(Construct->arguments(), [](const Expr *Arg) {
    return isa<CXXDefaultArgExpr>(Arg);
  });
}

} // namespace initscan
