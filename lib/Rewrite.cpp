//===- Rewrite.cpp - Suggested rewrites for start-up code ------------------===//

#include "Rewrite.h"
#include "ASTSupport.h"
#include "StdLibModel.h"
#include "initscan/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace initscan {
namespace {

const Expr *stripToLiteralSource(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() != 1 && !(CE->getNumArgs() == 2 &&
                                     isa<CXXDefaultArgExpr>(CE->getArg(1))))
        return E;
      E = CE->getArg(0);
      continue;
    }
    if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = F->getSubExpr();
      continue;
    }
    break;
  }
  return E;
}

/// `const std::string` (exactly: of plain char).
bool isConstStdString(QualType T) {
  if (!T.isConstQualified())
    return false;
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || !isInStdLibrary(Spec) ||
      classifyStdClass(stdClassName(Spec)) != StdClassKind::String ||
      Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  QualType Char = Spec->getTemplateArgs()[0].getAsType();
  return Char->isSpecificBuiltinType(BuiltinType::Char_S) ||
         Char->isSpecificBuiltinType(BuiltinType::Char_U);
}

bool declaresStringView(ASTContext &Ctx) {
  if (!Ctx.getLangOpts().CPlusPlus17)
    return false;
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("std")))
    if (const auto *NS = dyn_cast<NamespaceDecl>(D))
      if (!NS->lookup(&Ctx.Idents.get("string_view")).empty())
        return true;
  return false;
}

} // namespace

/// Finds, in one traversal of the TU, every reference to a `const
/// std::string` global and records the globals with a use that would not
/// compile once the variable becomes a std::string_view.
class UseChecker : public RecursiveASTVisitor<UseChecker> {
public:
  explicit UseChecker(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  /// The fix-it only rewrites main-file globals of internal linkage, which no
  /// system header can name; skipping the headers skips most of the TU.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S)
      return true;
    Parents.push_back(S);
    bool Result = RecursiveASTVisitor::TraverseStmt(S, nullptr);
    Parents.pop_back();
    return Result;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const auto *Var = dyn_cast<VarDecl>(E->getDecl());
    if (!Var || !Var->hasGlobalStorage() || !isConstStdString(Var->getType()))
      return true;
    if (E->getLocation().isMacroID() || !isSafeUse())
      Unsafe.insert(Var->getCanonicalDecl());
    return true;
  }

  llvm::DenseSet<const Decl *> Unsafe;

private:
  /// The innermost non-trivial parent of the reference being checked.
  const Stmt *parent(size_t &Index) const {
    while (Index > 0) {
      const Stmt *P = Parents[--Index];
      if (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P))
        continue;
      return P;
    }
    return nullptr;
  }

  /// \p E is (a conversion of) the reference being checked.
  bool isUseOf(const Expr *E) const {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Ref == Parents.back();
  }

  bool isSafeUse() const {
    size_t Index = Parents.size() - 1; // Parents.back() is the DeclRefExpr.
    const Stmt *P = parent(Index);
    if (!P)
      return false;
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      static constexpr llvm::StringLiteral ReadOnly[] = {
          "size", "length", "empty", "data", "find", "rfind", "compare",
          "starts_with", "ends_with", "front", "back", "begin", "end",
          "cbegin", "cend", "operator basic_string_view"};
      const auto *Method = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      return Method && Method->getIdentifier()
                 ? llvm::is_contained(ReadOnly, Method->getName())
                 : Method && isa<CXXConversionDecl>(Method);
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      // Only the library's own operators have std::string_view twins; a
      // user's operator<<(Log&, const std::string&) has none.
      const FunctionDecl *Callee = Op->getDirectCallee();
      if (!Callee || !isInStdLibrary(Callee))
        return false;
      switch (Op->getOperator()) {
      case OO_EqualEqual: case OO_ExclaimEqual: case OO_Less:
      case OO_LessEqual: case OO_Greater: case OO_GreaterEqual:
        return true;
      case OO_LessLess: // Streaming the string, not shifting into it.
        return Op->getNumArgs() == 2 && isUseOf(Op->getArg(1));
      case OO_Subscript: // Indexing the string, not a map by it.
        return isa<CXXMethodDecl>(Callee) &&
               isInStdLibrary(cast<CXXMethodDecl>(Callee)->getParent()) &&
               classifyStdClass(stdClassName(
                   cast<CXXMethodDecl>(Callee)->getParent())) ==
                   StdClassKind::String &&
               isUseOf(Op->getArg(0));
      default:
        return false;
      }
    }
    return false;
  }

  const SourceManager &SM;
  llvm::SmallVector<const Stmt *, 32> Parents;
};

bool StringViewUses::allUsesSupported(const VarDecl &Var) {
  if (!Checker) {
    Checker = std::make_unique<UseChecker>(Ctx.getSourceManager());
    Checker->TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  return !Checker->Unsafe.count(Var.getCanonicalDecl());
}

StringViewUses::StringViewUses(ASTContext &Ctx) : Ctx(Ctx) {}
StringViewUses::~StringViewUses() = default;

namespace {

std::string typeText(QualType T, const ASTContext &Ctx) {
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressScope = false;
  Policy.FullyQualifiedName = true;
  return T.getAsString(Policy);
}

/// `const std::string a = "x", b = "y";`: replacing the declaration would
/// change the other declarators too.
bool sharesDeclarationWithOthers(const VarDecl &Var) {
  for (const Decl *D : Var.getDeclContext()->decls())
    if (D != &Var && isa<VarDecl>(D) &&
        D->getBeginLoc() == Var.getBeginLoc())
      return true;
  return false;
}

Rewrite stringViewRewrite(const VarDecl &Var, const StringLiteral &Literal,
                          ASTContext &Ctx, StringViewUses &Uses) {
  Rewrite R;
  R.K = Rewrite::StringView;
  std::string Lit = sourceTextOnOneLine(
      CharSourceRange::getTokenRange(Literal.getSourceRange()), Ctx);
  if (Lit.empty())
    Lit = "\"...\"";
  std::string Prefix = Var.isInlineSpecified() ? "inline " : "";
  if (Var.getStorageClass() == SC_Static)
    Prefix = "static " + Prefix;
  R.Text = Prefix + "constexpr std::string_view " + Var.getNameAsString() +
           " = " + Lit + ";";
  R.Advice = "use a constant std::string_view: it needs no start-up code";

  // A fix-it only when nothing can break: one declaration with internal
  // linkage in the main file (a header's other includers are not visible
  // here), no macro, <string_view> available, and every use of the variable
  // in the TU is one that std::string_view supports.
  SourceRange Range(Var.getOuterLocStart(), Var.getEndLoc());
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID() ||
      !Ctx.getSourceManager().isInMainFile(Range.getBegin()) ||
      Var.isExternallyVisible() || Var.isStaticDataMember() ||
      std::distance(Var.redecls_begin(), Var.redecls_end()) != 1 ||
      sharesDeclarationWithOthers(Var) || !declaresStringView(Ctx))
    return R;
  if (!Uses.allUsesSupported(Var))
    return R;
  R.FixRange = CharSourceRange::getTokenRange(Range);
  R.FixText = R.Text.substr(0, R.Text.size() - 1); // The ';' stays.
  return R;
}

} // namespace

Rewrite suggestRewrite(const StaticInitializer &SI, ASTContext &Ctx,
                       StringViewUses &Uses) {
  const VarDecl *Var = SI.var();
  if (!Var)
    return {};
  Rewrite R;
  if (!SI.DynamicInit) {
    R.K = Rewrite::Constexpr;
    R.Advice = "the value is constant, only the exit-time destructor runs: use "
               "a trivially destructible type or leave the object undestroyed "
               "(a NoDestructor-style wrapper)";
    return R;
  }
  if (SI.Registrar) {
    // Deferring a registrar would silently drop the registration.
    R.K = Rewrite::Registry;
    R.Advice = "a registrar: keep the registration, but make the registry it "
               "fills a function-local static, or replace both with a "
               "constant table";
    return R;
  }
  if (SI.Storage == StorageKind::Namespace && isConstStdString(Var->getType()))
    if (const auto *Lit =
            dyn_cast_or_null<StringLiteral>(stripToLiteralSource(Var->getInit())))
      if (compat::isOrdinary(Lit))
        return stringViewRewrite(*Var, *Lit, Ctx, Uses);

  // Otherwise: build it on first use.
  R.K = Rewrite::LazyAccessor;
  QualType T = Var->getType();
  std::string Type = typeText(T.getNonReferenceType(), Ctx);
  std::string Name = Var->getNameAsString();
  // The initializer as written after the name: ` = ...`, `(...)` or `{...}`.
  std::string Init;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation AfterName = Lexer::getLocForEndOfToken(
      Var->getLocation(), 0, SM, Ctx.getLangOpts());
  if (AfterName.isValid() && Var->getEndLoc().isFileID())
    Init = collapseWhitespace(Lexer::getSourceText(
        CharSourceRange::getTokenRange(AfterName, Var->getEndLoc()), SM,
        Ctx.getLangOpts()));
  if (!Init.empty() && Init[0] == '=')
    Init = " " + Init;
  // A template instantiation's source text is the pattern's: it names the
  // template parameters, not this instantiation's arguments.
  bool FromTemplate =
      isTemplateInstantiation(Var->getTemplateSpecializationKind());
  // An initializer written in a macro cannot be repeated in the accessor.
  bool InitKnown = !Init.empty() || !hasWrittenInitializer(*Var);
  if (!T->isArrayType() && !isa<DecompositionDecl>(Var) && !FromTemplate &&
      InitKnown) {
    if (T->isReferenceType()) // `Foo& g = *new Foo;`: keep binding, no copy.
      R.Text = Type + "& " + Name + "() { static " + Type + "& instance" +
               Init + "; return instance; }";
    else if (T->isPointerType()) // Return the pointer itself.
      R.Text = Type + " " + Name + "() { static " + Type + " instance" + Init +
               "; return instance; }";
    else
      R.Text = Type + "& " + Name + "() { static " + Type + " instance" +
               Init + "; return instance; }";
  }
  R.Advice = "build it on first use with a function-local static (thread-safe "
             "since C++11)";
  if (const auto *RD = T->getAsCXXRecordDecl())
    if (isInStdLibrary(RD) &&
        classifyStdClass(stdClassName(RD)) == StdClassKind::Regex)
      R.Advice += ", or match without a regex when the pattern is literal";
  return R;
}

} // namespace initscan
