//===- HeapEscapingCapture.cpp - initscan-heap-escaping-capture -----------===//
//
// Closures (and other function objects) stored in a std::function-like
// wrapper whose small buffer cannot hold them in the translation unit's
// standard library, so that every construction allocates.
//
// During static initialization the engine's cost walk already records each
// such callable (StaticInitializer::HeapCallables, with the call path). This
// file turns those records into findings, and with StaticInitOnly=false also
// walks the whole translation unit for the conversions that happen anywhere.
// One walk over the TU's own code (not the system headers) finds every place
// a closure becomes a wrapper: it tells which wrapper it is (std::function or
// std::move_only_function), whether an initializer_list copies it again, and
// whether the conversion is written in a template instantiation.
//
//===----------------------------------------------------------------------===//

#include "ASTSupport.h"
#include "CostModel.h"
#include "StdLibModel.h"
#include "initscan/Compat.h"
#include "initscan/Findings.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <optional>
#include <set>

using namespace clang;

namespace initscan {
namespace {

std::string bytes(uint64_t N) {
  return std::to_string(N) + (N == 1 ? " byte" : " bytes");
}

bool isDependentOrBroken(const Expr *E) {
  return !E || E->isTypeDependent() || E->isValueDependent() ||
         E->isInstantiationDependent() || E->containsErrors();
}

StdClassKind stdKind(const CXXRecordDecl *RD) {
  if (!RD || !isInStdLibrary(RD))
    return StdClassKind::Other;
  return classifyStdClass(stdClassName(RD));
}

/// std::function, std::move_only_function, std::copyable_function.
bool isWrapper(const CXXRecordDecl *RD) {
  return stdKind(RD) == StdClassKind::Callable;
}

bool isMoveOnlyWrapper(const CXXRecordDecl *RD) {
  return RD && isWrapper(RD) && stdClassName(RD) == "std::move_only_function";
}

bool isContainer(StdClassKind K) {
  switch (K) {
  case StdClassKind::Vector:
  case StdClassKind::Deque:
  case StdClassKind::List:
  case StdClassKind::TreeContainer:
  case StdClassKind::HashContainer:
    return true;
  default:
    return false;
  }
}

/// A usable complete class type (not dependent, not invalid).
/// A class with a call operator (a closure, a functor, a bind expression),
/// other than a type-erased wrapper itself.
bool isFunctionObject(QualType T) {
  const CXXRecordDecl *RD = definitionOf(T);
  if (!RD || isWrapper(RD))
    return false;
  if (RD->isLambda())
    return true;
  for (const Decl *D : RD->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      FD = FT->getTemplatedDecl();
    if (FD && FD->getOverloadedOperator() == OO_Call)
      return true;
  }
  return false;
}

/// The result of std::bind (libstdc++ std::_Bind, libc++ std::__bind).
bool isBindExpression(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier() || !isInStdLibrary(RD))
    return false;
  llvm::StringRef Name = RD->getName();
  return Name == "_Bind" || Name == "_Bind_result" || Name == "__bind" ||
         Name == "__bind_r";
}

/// The wrapper class among a container's template arguments
/// (std::vector<std::function<...>>, std::map<K, std::function<...>>).
const CXXRecordDecl *wrapperOfContainer(const CXXRecordDecl *Container) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Container);
  if (!Spec)
    return nullptr;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() != TemplateArgument::Type)
      continue;
    const CXXRecordDecl *RD = definitionOf(Arg.getAsType());
    if (isWrapper(RD))
      return RD;
    if (stdKind(RD) == StdClassKind::Pair)
      if (const CXXRecordDecl *Inner = wrapperOfContainer(RD))
        return Inner;
  }
  return nullptr;
}

/// One place where a function object becomes a wrapper.
struct Conversion {
  const Expr *Source = nullptr;           ///< Stripped, as the engine records it.
  const CXXRecordDecl *Wrapper = nullptr; ///< The wrapper class built from it.
  SourceLocation Loc;                     ///< Where the conversion is written.
  bool InInstantiation = false;           ///< Written in template code.
};

/// Walks the TU's own code (system headers, uninstantiated templates and
/// unevaluated operands excluded) for the conversions of function objects to
/// wrappers, including those the library performs inside emplace() and
/// operator=, and the wrappers an initializer_list makes the container copy.
class ConversionCollector : public RecursiveASTVisitor<ConversionCollector> {
  using Base = RecursiveASTVisitor<ConversionCollector>;

public:
  explicit ConversionCollector(ASTContext &Ctx)
      : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  llvm::MapVector<const Expr *, Conversion> Conversions;
  /// Sources whose wrapper is an initializer_list element, copied again into
  /// the container.
  llvm::DenseSet<const Expr *> CopiedFromInitList;

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (isa<TranslationUnitDecl>(D))
      return Base::TraverseDecl(D);
    if (D->isInvalidDecl() || inSystemHeader(D->getLocation()))
      return true;
    // Template patterns: only their instantiations run. Template declarations
    // themselves are kept, their instantiations are traversed through them.
    if (!isa<TemplateDecl>(D) && D->isTemplated())
      return true;
    const FunctionDecl *Saved = CurrentFunction;
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      CurrentFunction = FD;
    bool Result = Base::TraverseDecl(D);
    CurrentFunction = Saved;
    return Result;
  }

  // Unevaluated operands build nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *,
                                        DataRecursionQueue * = nullptr) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *, DataRecursionQueue * = nullptr) {
    return true;
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E, DataRecursionQueue *Q = nullptr) {
    if (!E->isPotentiallyEvaluated())
      return true;
    return Base::TraverseCXXTypeidExpr(E, Q);
  }
  bool TraverseRequiresExpr(RequiresExpr *, DataRecursionQueue * = nullptr) {
    return true;
  }
  bool TraverseConceptSpecializationExpr(ConceptSpecializationExpr *,
                                         DataRecursionQueue * = nullptr) {
    return true;
  }
  // `...`: LLVM 22's extra `bool TraverseQualifier` (see Compat.h).
  template <typename... Rest>
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc, Rest...) {
    return true;
  }
  template <typename... Rest>
  bool TraverseDecltypeType(DecltypeType *, Rest...) {
    return true;
  }
  template <typename... Rest>
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc, Rest...) {
    return true;
  }
  template <typename... Rest>
  bool TraverseTypeOfExprType(TypeOfExprType *, Rest...) {
    return true;
  }
  // The discarded branch of `if constexpr` never runs.
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue *Q = nullptr) {
    if (S->isConstexpr())
      if (std::optional<Stmt *> Taken =
              compat::toStd(S->getNondiscardedCase(Ctx))) {
        if (!TraverseStmt(S->getInit()) ||
            !TraverseStmt(S->getConditionVariableDeclStmt()) ||
            !TraverseStmt(S->getCond()))
          return false;
        return TraverseStmt(*Taken);
      }
    return Base::TraverseIfStmt(S, Q);
  }

  bool VisitCXXStdInitializerListExpr(CXXStdInitializerListExpr *E) {
    if (!isDependentOrBroken(E))
      markCopied(E->getSubExpr());
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    if (isDependentOrBroken(E) || inSystemHeader(E->getBeginLoc()))
      return true;
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (!Ctor || Ctor->isInvalidDecl())
      return true;
    const CXXRecordDecl *Record = Ctor->getParent();
    switch (stdKind(Record)) {
    case StdClassKind::Callable:
      if (E->getNumArgs() >= 1 && !Ctor->isCopyOrMoveConstructor() &&
          !isa<CXXDefaultArgExpr>(E->getArg(0)))
        add(E->getArg(0), Record, E->getBeginLoc());
      return true;
    case StdClassKind::Pair:
      addElementConversions(E);
      return true;
    default:
      return true;
    }
  }

  /// Conversions inside the library: `fn = lambda`, `v.emplace_back(lambda)`,
  /// `m.try_emplace(key, lambda)`.
  bool VisitCallExpr(CallExpr *E) {
    if (isDependentOrBroken(E) || inSystemHeader(E->getBeginLoc()))
      return true;
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(E->getDirectCallee());
    if (!Method || E->getNumArgs() == 0)
      return true;
    const CXXRecordDecl *Parent = Method->getParent();
    StdClassKind Kind = stdKind(Parent);
    if (Kind == StdClassKind::Callable &&
        Method->getOverloadedOperator() == OO_Equal &&
        !Method->isCopyAssignmentOperator() &&
        !Method->isMoveAssignmentOperator()) {
      const Expr *Arg = E->getArg(E->getNumArgs() - 1);
      if (isFunctionObject(stripTemporaries(Arg)->getType()))
        add(Arg, Parent, E->getBeginLoc());
      return true;
    }
    if (!isContainer(Kind) || !Method->getIdentifier())
      return true;
    static constexpr llvm::StringLiteral Emplaces[] = {
        "emplace", "emplace_back", "emplace_front", "emplace_hint",
        "try_emplace", "insert_or_assign"};
    if (!llvm::is_contained(Emplaces, Method->getName()))
      return true;
    const CXXRecordDecl *Wrapper = wrapperOfContainer(Parent);
    if (!Wrapper)
      return true;
    unsigned First = isa<CXXOperatorCallExpr>(E) ? 1 : 0;
    for (unsigned I = First; I < E->getNumArgs(); ++I) {
      const Expr *Arg = E->getArg(I);
      if (isFunctionObject(stripTemporaries(Arg)->getType()))
        add(Arg, Wrapper, Arg->getBeginLoc());
    }
    return true;
  }

private:
  bool inSystemHeader(SourceLocation Loc) const {
    return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }

  void add(const Expr *Arg, const CXXRecordDecl *Wrapper, SourceLocation Loc) {
    const Expr *Source = stripTemporaries(Arg);
    if (isDependentOrBroken(Source))
      return;
    Conversion C;
    C.Source = Source;
    C.Wrapper = Wrapper;
    C.Loc = Loc;
    C.InInstantiation =
        CurrentFunction && CurrentFunction->isTemplateInstantiation();
    Conversions.insert({Source, C}); // Keeps the first, like try_emplace.
  }

  /// std::pair / std::tuple build their wrapper elements inside the library
  /// from the constructor's arguments (as the engine's
  /// chargeElementConversions sees them).
  void addElementConversions(const CXXConstructExpr *E) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
        E->getConstructor()->getParent());
    if (!Spec || E->getConstructor()->isCopyOrMoveConstructor())
      return;
    llvm::ArrayRef<TemplateArgument> Elements =
        Spec->getTemplateArgs().asArray();
    if (Elements.size() == 1 && Elements[0].getKind() == TemplateArgument::Pack)
      Elements = Elements[0].getPackAsArray();
    for (unsigned I = 0; I < E->getNumArgs() && I < Elements.size(); ++I) {
      if (Elements[I].getKind() != TemplateArgument::Type)
        continue;
      const CXXRecordDecl *Element = definitionOf(Elements[I].getAsType());
      const Expr *Arg = E->getArg(I);
      if (!isWrapper(Element) || isa<CXXDefaultArgExpr>(Arg))
        continue;
      const Expr *Source = stripTemporaries(Arg);
      if (!Source || Ctx.hasSameUnqualifiedType(Elements[I].getAsType(),
                                                Source->getType()))
        continue; // Built before the call: a conversion of its own.
      add(Arg, Element, Arg->getBeginLoc());
    }
  }

  /// Marks the wrappers built as parts of an initializer_list element.
  void markCopied(const Expr *E) {
    E = stripTemporaries(E);
    if (!E || isa<LambdaExpr>(E))
      return;
    if (const auto *IL = dyn_cast<InitListExpr>(E)) {
      for (const Expr *Init : IL->inits())
        markCopied(Init);
      return;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      bool Wrapper = isWrapper(CE->getConstructor()
                                   ? CE->getConstructor()->getParent()
                                   : nullptr);
      for (const Expr *Arg : CE->arguments()) {
        CopiedFromInitList.insert(stripTemporaries(Arg));
        if (!Wrapper)
          markCopied(Arg);
      }
    }
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const FunctionDecl *CurrentFunction = nullptr;
};

struct Verdict {
  CallableStorage Storage;
  HeapReason Reason = HeapReason::None;
};

/// A capture of a lambda (or a member of another function object).
struct Part {
  std::string Name;
  std::string Type;
  uint64_t Size = 0;
  bool ByReference = false;
  bool TriviallyCopyable = true;
  bool NothrowCopy = true;
  bool NothrowMove = true;
  bool StarThis = false;
  const VarDecl *Var = nullptr;         ///< The captured variable.
  bool InitCapture = false;
  const CXXRecordDecl *Record = nullptr; ///< The capture's class, if any.
};

class Reporter {
public:
  explicit Reporter(ASTContext &Ctx) : Ctx(Ctx), SM(Ctx.getSourceManager()),
                              Lib(detectStdLib(Ctx)) {
    Policy.SuppressTagKeyword = true;
    Policy.SuppressInlineNamespace = true;
    Policy.SuppressUnwrittenScope = true;
  }

  /// Where the wrapper keeps \p Source's object; nullopt when it is not a
  /// function object at all.
  std::optional<Verdict> classify(const Expr *Source,
                                  const CXXRecordDecl *Wrapper) const {
    QualType T = Source->getType().getNonReferenceType().getUnqualifiedType();
    if (T.isNull() || T->isDependentType() || T->isIncompleteType())
      return std::nullopt;
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
      if (!definitionOf(T) || isWrapper(RD))
        return std::nullopt; // A wrapper copied from another: not a closure.
    Verdict V;
    V.Storage = classifyCallableStorage(T, Wrapper, Ctx, Lib);
    V.Reason = V.Storage.Why;
    return V;
  }

  /// One static initializer during which a callable is built, and the path.
  struct StaticUse {
    const StaticInitializer *Init;
    std::string Via;
  };

  void report(const Expr *Source, const Conversion *Conv, const Verdict &V,
              llvm::ArrayRef<StaticUse> Uses, bool CopiedFromInitList) {
    if (!V.Storage.OnHeap || !Source)
      return;
    QualType T = Source->getType().getNonReferenceType().getUnqualifiedType();
    const CXXRecordDecl *RD = definitionOf(T);
    if (!RD)
      return;
    const CXXRecordDecl *Wrapper = Conv ? Conv->Wrapper : nullptr;
    std::string WrapperName = Wrapper ? stdClassName(Wrapper) : "std::function";

    // Where: the conversion, or the lambda itself when the conversion is
    // written in shared template code.
    SourceLocation Loc = Source->getBeginLoc();
    if (Conv && !isa<LambdaExpr>(Source))
      Loc = Conv->Loc;
    bool AtLambda = false;
    if (RD->isLambda() && !isa<LambdaExpr>(Source) &&
        ((Conv && Conv->InInstantiation) || inSystemHeader(Loc))) {
      AtLambda = true;
      Loc = RD->getLocation();
    }
    if (Loc.isInvalid() || inSystemHeader(Loc))
      return;

    std::vector<Part> Parts = describeParts(RD);
    std::vector<const Part *> Named = culprits(Parts, V.Reason);

    Finding F;
    F.Check = HeapEscapingCaptureCheck;
    F.Init = Uses.empty() ? nullptr : Uses.front().Init;
    F.Loc = Loc;
    F.Message = subject(RD, T, Parts, Named) + " " +
                verdictText(V, T, WrapperName) + ": each construction allocates";
    F.Message += context(Uses);
    InitCost Cost;
    unsigned Copies = CopiedFromInitList ? 2 : 1;
    Cost.add(charge(CostOp::Allocation, Copies));
    Cost.Contributors.clear();
    F.Message += ": " + Cost.summary();
    if (CopiedFromInitList)
      F.Message += " (built in the initializer_list, then copied into the "
                   "container)";

    SourceLocation NoteLoc = SM.getFileLoc(Loc);
    F.Notes.push_back({NoteLoc, advice(RD, Named, V.Reason, WrapperName)});
    if (AtLambda && Conv && Conv->Loc.isValid())
      F.Notes.push_back({SM.getFileLoc(Conv->Loc),
                         "converted to " + WrapperName + " here"});

    auto Key = std::make_pair(Loc.getRawEncoding(), F.Message);
    if (!Seen.insert(Key).second)
      return;
    Findings.push_back(std::move(F));
  }

  std::vector<Finding> take() {
    std::stable_sort(Findings.begin(), Findings.end(),
                     [&](const Finding &A, const Finding &B) {
                       SourceLocation LA = SM.getFileLoc(A.Loc);
                       SourceLocation LB = SM.getFileLoc(B.Loc);
                       if (LA == LB)
                         return false;
                       return SM.isBeforeInTranslationUnit(LA, LB);
                     });
    return std::move(Findings);
  }

  bool inSystemHeader(SourceLocation Loc) const {
    return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }

private:
  std::string typeName(QualType T) const {
    T = T.getNonReferenceType().getUnqualifiedType();
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
      if (stdKind(RD) == StdClassKind::String)
        if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
          const TemplateArgumentList &Args = Spec->getTemplateArgs();
          if (Args.size() >= 1 &&
              Args[0].getKind() == TemplateArgument::Type) {
            QualType Char = Args[0].getAsType();
            if (Char->isSpecificBuiltinType(BuiltinType::Char_S) ||
                Char->isSpecificBuiltinType(BuiltinType::Char_U))
              return "std::string";
            if (Char->isWideCharType())
              return "std::wstring";
          }
        }
    // Sugar keeps the user's names (aliases, typedefs), but not when it is
    // the library's own (shared_ptr<_NonArray<T>>): then print the canonical
    // type.
    std::string Name = T.getAsString(Policy);
    if (hasReservedName(Name))
      Name = T.getCanonicalType().getAsString(Policy);
    for (llvm::StringRef Long : {"std::basic_string<char>",
                                 "std::basic_string<char, std::char_traits<char>, "
                                 "std::allocator<char>>"}) {
      size_t Pos;
      while ((Pos = Name.find(Long.str())) != std::string::npos)
        Name.replace(Pos, Long.size(), "std::string");
    }
    return Name;
  }

  /// An identifier reserved to the implementation: _Upper or __x.
  static bool hasReservedName(llvm::StringRef Name) {
    for (size_t I = 0; I + 1 < Name.size(); ++I) {
      bool Start = I == 0 || !(isalnum(static_cast<unsigned char>(Name[I - 1])) ||
                               Name[I - 1] == '_');
      if (Start && Name[I] == '_' &&
          (Name[I + 1] == '_' || isupper(static_cast<unsigned char>(Name[I + 1]))))
        return true;
    }
    return false;
  }

  Part makePart(QualType FieldType) const {
    Part P;
    P.ByReference = FieldType->isReferenceType();
    P.Type = typeName(FieldType);
    QualType Value = FieldType.getNonReferenceType();
    if (FieldType->isDependentType() ||
        (!P.ByReference && Value->isIncompleteType()))
      return P; // Only after errors: nothing sound to say about it.
    P.Size = Ctx.getTypeSizeInChars(FieldType).getQuantity();
    P.TriviallyCopyable =
        P.ByReference || Value.isTriviallyCopyableType(Ctx);
    P.NothrowCopy = nothrowCopy(FieldType, Ctx);
    P.NothrowMove = nothrowMove(FieldType, Ctx);
    if (!P.ByReference)
      P.Record = definitionOf(FieldType);
    return P;
  }

  std::vector<Part> describeParts(const CXXRecordDecl *RD) const {
    std::vector<Part> Parts;
    if (RD->isLambda()) {
      auto Field = RD->field_begin();
      for (const LambdaCapture &C : RD->captures()) {
        if (Field == RD->field_end())
          break;
        const FieldDecl *FD = *Field++;
        Part P = makePart(FD->getType());
        if (C.capturesThis()) {
          P.StarThis = C.getCaptureKind() == LCK_StarThis;
          P.Name = P.StarThis ? "*this" : "this";
        } else if (C.capturesVariable()) {
          if (const auto *Var = dyn_cast<VarDecl>(C.getCapturedVar())) {
            P.Var = Var;
            P.InitCapture = Var->isInitCapture();
          }
          P.Name = C.getCapturedVar()->getNameAsString();
        } else {
          continue; // A VLA bound: not something the user wrote.
        }
        Parts.push_back(std::move(P));
      }
      return Parts;
    }
    for (const FieldDecl *FD : RD->fields()) {
      if (FD->isInvalidDecl() || compat::isUnnamedBitField(FD))
        continue;
      Part P = makePart(FD->getType());
      P.Name = FD->getNameAsString();
      if (P.Name.empty())
        continue;
      Parts.push_back(std::move(P));
    }
    return Parts;
  }

  /// The captures that make the closure miss the buffer, in capture order.
  static std::vector<const Part *> culprits(const std::vector<Part> &Parts,
                                            HeapReason Reason) {
    std::vector<const Part *> Candidates;
    for (const Part &P : Parts) {
      bool Guilty = true;
      switch (Reason) {
      case HeapReason::TooLarge:
      case HeapReason::OverAligned:
        Guilty = P.Size > 0;
        break;
      case HeapReason::NotTriviallyCopyable:
        Guilty = !P.TriviallyCopyable;
        break;
      case HeapReason::CopyMayThrow:
        Guilty = !P.NothrowCopy;
        break;
      case HeapReason::MoveMayThrow:
        Guilty = !P.NothrowMove;
        break;
      }
      if (Guilty)
        Candidates.push_back(&P);
    }
    // The largest ones (by size; ties keep capture order), then capture order.
    std::stable_sort(Candidates.begin(), Candidates.end(),
                     [](const Part *A, const Part *B) { return A->Size > B->Size; });
    if (Candidates.size() > MaxNamed)
      Candidates.resize(MaxNamed);
    std::sort(Candidates.begin(), Candidates.end());
    return Candidates;
  }

  static std::string describePart(const Part &P) {
    std::string S = "'" + P.Name + "' (";
    if (P.ByReference)
      S += "by reference, ";
    else
      S += P.Type + ", ";
    return S + bytes(P.Size) + ")";
  }

  static std::string joinNamed(const std::vector<const Part *> &Named,
                               size_t Others, llvm::StringRef OthersNoun) {
    std::vector<std::string> Items;
    for (const Part *P : Named)
      Items.push_back(describePart(*P));
    if (Others)
      Items.push_back(std::to_string(Others) + " other " + OthersNoun.str() +
                      (Others == 1 ? "" : "s"));
    std::string S;
    for (size_t I = 0; I < Items.size(); ++I) {
      if (I)
        S += I + 1 == Items.size() ? " and " : ", ";
      S += Items[I];
    }
    return S;
  }

  std::string subject(const CXXRecordDecl *RD, QualType T,
                      const std::vector<Part> &Parts,
                      const std::vector<const Part *> &Named) const {
    size_t Others = Parts.size() - Named.size();
    if (RD->isLambda()) {
      if (Named.empty())
        return "lambda";
      return "lambda capturing " + joinNamed(Named, Others, "capture");
    }
    if (isBindExpression(RD))
      return "std::bind expression";
    if (isInStdLibrary(RD))
      return "function object of type '" + typeName(T) + "'";
    std::string S = "function object of type '" + typeName(T) + "'";
    if (!Named.empty())
      S += " holding " + joinNamed(Named, Others, "member");
    return S;
  }

  std::string verdictText(const Verdict &V, QualType T,
                          llvm::StringRef Wrapper) const {
    const CallableStorage &S = V.Storage;
    std::string Buffer = Wrapper.str() + "'s " + std::to_string(S.BufferSize) +
                         "-byte small buffer";
    std::string In;
    if (Lib.Kind != StdLibKind::Unknown)
      In = " in " + stdLibName(Lib.Kind).str();
    switch (V.Reason) {
    case HeapReason::TooLarge:
      return "is " + bytes(S.ObjectSize) + ", over " + Buffer + In;
    case HeapReason::NotTriviallyCopyable:
      return "is " + bytes(S.ObjectSize) +
             " but not trivially copyable, which " + Wrapper.str() + In +
             " requires to use its " + std::to_string(S.BufferSize) +
             "-byte small buffer";
    case HeapReason::CopyMayThrow:
      return "is " + bytes(S.ObjectSize) +
             " but its copy constructor may throw, which keeps it out "
             "of " + Buffer + In;
    case HeapReason::MoveMayThrow:
      return "is " + bytes(S.ObjectSize) +
             " but its move constructor may throw, which keeps it out "
             "of " + Buffer + In;
    case HeapReason::OverAligned:
      return "is aligned to " +
             bytes(Ctx.getTypeAlignInChars(T).getQuantity()) + ", more than " + Buffer + In + " provides";
    }
    return {};
  }

  std::string context(llvm::ArrayRef<StaticUse> Uses) const {
    if (Uses.empty())
      return {};
    const StaticUse &First = Uses.front();
    std::string Name = "'" + (First.Init->Name.empty()
                                  ? First.Init->Decl->getNameAsString()
                                  : First.Init->Name) + "'";
    std::string S;
    if (First.Init->Storage == StorageKind::ConstructorFunction)
      S = " (in constructor function " + Name + ", before main";
    else
      S = " (during static initialization of " + Name;
    llvm::StringRef Via = First.Via;
    if (First.Init->Storage == StorageKind::ConstructorFunction) {
      // The walk starts with the call of the function itself.
      llvm::StringRef Self = First.Init->QualifiedName;
      if (Via == Self)
        Via = {};
      else if (compat::startsWith(Via, Self.str() + " -> "))
        Via = Via.drop_front(Self.size() + 4);
    }
    if (!Via.empty())
      S += " via " + Via.str();
    if (Uses.size() > 1)
      S += ", and of " + std::to_string(Uses.size() - 1) + " other global" +
           (Uses.size() == 2 ? "" : "s");
    return S + ")";
  }

  /// A string literal (possibly converted to std::string).
  static bool isStringLiteralInit(const Expr *E) {
    E = stripTemporaries(E);
    if (!E)
      return false;
    if (isa<StringLiteral>(E))
      return true;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      return CE->getNumArgs() >= 1 && isStringLiteralInit(CE->getArg(0));
    return false;
  }

  /// A const variable with static storage duration the initializer copies.
  static const VarDecl *copiedConstGlobal(const Expr *E) {
    E = stripTemporaries(E);
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
      if (CE->getNumArgs() == 1 && CE->getConstructor() &&
          CE->getConstructor()->isCopyOrMoveConstructor())
        E = stripTemporaries(CE->getArg(0));
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
    const auto *Var = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (Var && Var->hasGlobalStorage() && Var->getType().isConstQualified())
      return Var;
    return nullptr;
  }

  /// What to write instead, naming the captures that matter.
  std::string advice(const CXXRecordDecl *RD,
                     const std::vector<const Part *> &Named, HeapReason Reason,
                     llvm::StringRef Wrapper) const {
    llvm::StringRef View =
        Ctx.getLangOpts().CPlusPlus17 ? "std::string_view" : "const char *";
    std::vector<std::string> Specific;
    for (const Part *P : Named) {
      if (P->StarThis) {
        Specific.push_back("capture 'this' instead of '*this' if the object "
                           "outlives the callable");
        continue;
      }
      if (Reason == HeapReason::MoveMayThrow && P->Record &&
          !isInStdLibrary(P->Record) && !P->Record->isLambda()) {
        Specific.push_back("declare the move constructor of '" +
                           P->Record->getNameAsString() + "' noexcept");
        continue;
      }
      if (!P->Var || P->ByReference)
        continue;
      const Expr *Init = P->Var->getInit();
      if (P->InitCapture) {
        if (const VarDecl *Global = copiedConstGlobal(Init))
          Specific.push_back("use '" + Global->getNameAsString() +
                             "' directly instead of copying it into '" +
                             P->Name + "' (a global needs no capture)");
        else if (P->Type == "std::string" && isStringLiteralInit(Init))
          Specific.push_back("capture '" + P->Name + "' as a " + View.str() +
                             " of the literal");
        continue;
      }
      if (P->Type == "std::string" && isStringLiteralInit(Init))
        Specific.push_back("make '" + P->Name + "' a " + View.str() +
                           " (it holds a literal)");
      else
        Specific.push_back("capture '" + P->Name +
                           "' by reference if it outlives the callable");
    }
    if (isBindExpression(RD))
      Specific.push_back("write a lambda instead of std::bind: constant "
                         "arguments need no capture");
    std::string S;
    for (const std::string &Item : Specific)
      S += Item + "; ";
    if (!S.empty())
      S += "or ";
    if (Reason == HeapReason::NotTriviallyCopyable ||
        Reason == HeapReason::CopyMayThrow)
      S += "keep the state that is costly to copy in one long-lived object "
           "and capture a pointer to it";
    else
      S += "keep bulky state in one long-lived object and capture a pointer "
           "to it";
    return S + "; a function pointer or a template parameter instead of " +
           Wrapper.str() + " avoids the allocation";
  }

  static constexpr size_t MaxNamed = 3;

  ASTContext &Ctx;
  const SourceManager &SM;
  StdLibFacts Lib;
  PrintingPolicy Policy{Ctx.getLangOpts()};
  std::vector<Finding> Findings;
  std::set<std::pair<unsigned, std::string>> Seen;
};

} // namespace

std::vector<Finding>
findHeapEscapingCaptures(ASTContext &Ctx, llvm::ArrayRef<StaticInitializer> Inits,
                         const HeapEscapingCaptureOptions &Opts) {
  // Callables the engine saw built on the heap while start-up code runs.
  llvm::MapVector<const Expr *, std::vector<Reporter::StaticUse>> Static;
  for (const StaticInitializer &SI : Inits) {
    if (!SI.Decl || !SI.runsBeforeMain() || SI.InSystemHeader)
      continue;
    llvm::SmallPtrSet<const Expr *, 8> SeenHere;
    for (const HeapCallable &HC : SI.HeapCallables) {
      if (!HC.Source || !HC.Storage.OnHeap || !SeenHere.insert(HC.Source).second)
        continue;
      Static[HC.Source].push_back({&SI, HC.Via});
    }
  }
  if (Static.empty() && Opts.StaticInitOnly)
    return {};

  ConversionCollector Collector(Ctx);
  Collector.TraverseAST(Ctx);
  Reporter R(Ctx);

  auto Report = [&](const Expr *Source, const Conversion *Conv,
                    llvm::ArrayRef<Reporter::StaticUse> Uses) {
    std::optional<Verdict> V =
        R.classify(Source, Conv ? Conv->Wrapper : nullptr);
    if (!V)
      return;
    R.report(Source, Conv, *V, Uses,
             Collector.CopiedFromInitList.count(Source) != 0);
  };

  for (const auto &[Source, Uses] : Static) {
    auto It = Collector.Conversions.find(Source);
    Report(Source, It == Collector.Conversions.end() ? nullptr : &It->second,
           Uses);
  }
  if (!Opts.StaticInitOnly)
    for (const auto &[Source, Conv] : Collector.Conversions)
      if (!Static.count(Source))
        Report(Source, &Conv, {});
  return R.take();
}

} // namespace initscan
