//===- TypeErasedCallableMap.cpp - initscan-type-erased-callable-map ===//
//
// Globals that are containers of type-erased callables (std::function and
// friends), built before main, and the registrars that fill such registries at
// start-up. Containers get their entry count, per-entry and total cost, and,
// when every entry is a literal key with a capture-less lambda or a function,
// the complete text of a constant table. Registrars get the registry they fill,
// the count of registrars in the translation unit, and lazy-registry advice
// that keeps the registration itself eager.
//
// No fix-it: a std::array has no find/at/count/contains, so replacing the
// declaration alone breaks the code that reads the map; the note carries the
// complete text instead (see docs/checks/initscan-type-erased-callable-map.md).
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
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>
#include <optional>

using namespace clang;

namespace initscan {
namespace {

// Bounds that keep the walks cheap on every standard header's declarations.
constexpr unsigned MaxTypeDepth = 8;
constexpr unsigned MaxRegistrarCallDepth = 3;
constexpr unsigned MaxRegistrarNodes = 4000;

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

/// The arguments a constructor call really gets (default arguments dropped).
unsigned explicitArgs(const CXXConstructExpr *E) {
  unsigned N = 0;
  for (const Expr *Arg : E->arguments()) {
    if (!Arg || isa<CXXDefaultArgExpr>(Arg))
      break;
    ++N;
  }
  return N;
}

bool isStdNamed(const CXXRecordDecl *RD, llvm::StringRef Name) {
  return RD && isInStdLibrary(RD) && stdClassName(RD) == Name;
}

QualType typeArg(const ClassTemplateSpecializationDecl *Spec, unsigned I) {
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (I >= Args.size() || Args[I].getKind() != TemplateArgument::Type)
    return {};
  return Args[I].getAsType();
}

/// Type arguments of the specialization \p T names, as written when the type
/// still carries its sugar (`std::string`, not `std::basic_string<char>`).
llvm::SmallVector<QualType, 4> writtenTypeArgs(QualType T) {
  llvm::SmallVector<QualType, 4> Result;
  if (T.isNull())
    return Result;
  for (unsigned Step = 0; Step < 16; ++Step) {
    const auto *TST = T->getAs<TemplateSpecializationType>();
    if (!TST)
      break;
    if (TST->isTypeAlias()) {
      T = TST->getAliasedType();
      continue;
    }
    for (const TemplateArgument &Arg : TST->template_arguments()) {
      if (Arg.getKind() == TemplateArgument::Type)
        Result.push_back(Arg.getAsType());
      else if (Arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &P : Arg.pack_elements())
          Result.push_back(P.getKind() == TemplateArgument::Type ? P.getAsType()
                                                                 : QualType());
      else
        Result.push_back(QualType());
    }
    return Result;
  }
  // No sugar left: the canonical arguments.
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T.getCanonicalType()->getAsCXXRecordDecl()))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      Result.push_back(Arg.getKind() == TemplateArgument::Type ? Arg.getAsType()
                                                               : QualType());
  return Result;
}

/// The written type argument \p I of \p T, or the canonical one.
QualType writtenTypeArg(QualType T, unsigned I) {
  if (T.isNull())
    return {};
  llvm::SmallVector<QualType, 4> Args = writtenTypeArgs(T);
  if (I < Args.size() && !Args[I].isNull())
    return Args[I];
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T.getCanonicalType()->getAsCXXRecordDecl()))
    return typeArg(Spec, I);
  return {};
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

enum class ContainerFamily { Map, Set, Sequence, StdArray, CArray };

/// What the elements of a matched container are.
enum class ElementShape {
  Callable, ///< the element (or mapped value) is the callable itself
  Keyed,    ///< a map to callables, or a sequence of pair<key, callable>
  Holding,  ///< something that holds a callable (a struct, a tuple, ...)
};

struct ContainerMatch {
  QualType Type; ///< canonical, unqualified
  std::string Name; ///< "std::map", "array"
  ContainerFamily Family = ContainerFamily::Sequence;
  StdClassKind Kind = StdClassKind::Other;
  ElementShape Shape = ElementShape::Holding;
  const CXXRecordDecl *Callable = nullptr;
  std::string CallableName;
  bool UniqueKeys = false;
  /// std::less / std::equal_to: a byte-wise sorted table keeps the semantics.
  bool DefaultCompare = true;
  /// The fields leading from the global to the container ("Router::routes").
  std::string Path;
  /// The sugared type, for printing the table's types.
  QualType Written;
};

std::optional<ContainerFamily> containerFamily(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<ContainerFamily>>(Name)
      .Cases("std::map", "std::multimap", "std::unordered_map",
             "std::unordered_multimap", ContainerFamily::Map)
      .Cases("std::set", "std::multiset", "std::unordered_set",
             "std::unordered_multiset", ContainerFamily::Set)
      .Cases("std::vector", "std::deque", "std::list", "std::forward_list",
             ContainerFamily::Sequence)
      .Case("std::array", ContainerFamily::StdArray)
      .Default(std::nullopt);
}

class TypeMatcher {
public:
  TypeMatcher(ASTContext &Ctx, const TypeErasedCallableMapOptions &Opts)
      : Ctx(Ctx) {
    // The standard wrappers are always type-erased callables; the option adds
    // others (absl::AnyInvocable, folly::Function, ...).
    for (llvm::StringRef Name :
         {"std::function", "std::move_only_function", "std::copyable_function"})
      Names.insert(Name);
    for (const std::string &Name : Opts.CallableTypes) {
      llvm::StringRef N = llvm::StringRef(Name).trim();
      while (N.consume_front("::"))
        ;
      if (!N.empty())
        Names.insert(N);
    }
  }

  /// Matches the qualified name without inline namespaces (std::function,
  /// absl::AnyInvocable), or with them as written in the option.
  bool isCallable(const CXXRecordDecl *RD) const {
    if (!RD || RD->isLambda() || !RD->getIdentifier())
      return false;
    if (Names.contains(stdClassName(RD)))
      return true;
    std::string Full;
    llvm::raw_string_ostream OS(Full);
    PrintingPolicy Policy(RD->getASTContext().getLangOpts());
    Policy.SuppressInlineNamespace = false;
    RD->printQualifiedName(OS, Policy);
    return Names.contains(OS.str());
  }

  /// The first type-erased callable that a value of type \p T holds.
  const CXXRecordDecl *callableIn(QualType T, unsigned Depth = 0) {
    if (T.isNull() || Depth > MaxTypeDepth)
      return nullptr;
    T = T.getCanonicalType().getUnqualifiedType();
    if (T->isDependentType() || T->isReferenceType() || T->isPointerType())
      return nullptr;
    if (const ArrayType *AT = Ctx.getAsArrayType(T))
      return callableIn(AT->getElementType(), Depth + 1);
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || RD->isInvalidDecl())
      return nullptr;
    if (isCallable(RD))
      return RD;
    if (RD->isLambda())
      return nullptr;
    auto [It, Inserted] = Memo.try_emplace(T.getTypePtr(), nullptr);
    if (!Inserted)
      return It->second; // Known, or in progress (recursive type): none.
    const CXXRecordDecl *Found = nullptr;
    if (isInStdLibrary(RD)) {
      // Inside the library, only the element types of containers and the
      // members of pair/tuple/optional are held values.
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
        std::string Name = stdClassName(RD);
        auto Family = containerFamily(Name);
        bool Holder = Name == "std::pair" || Name == "std::tuple" ||
                      Name == "std::optional" || Name == "std::variant";
        if (Family || Holder) {
          const TemplateArgumentList &Args = Spec->getTemplateArgs();
          unsigned Count = Holder ? Args.size()
                           : *Family == ContainerFamily::Map ? 2 : 1;
          for (unsigned I = 0; I < Count && I < Args.size() && !Found; ++I) {
            if (Args[I].getKind() == TemplateArgument::Type)
              Found = callableIn(Args[I].getAsType(), Depth + 1);
            else if (Args[I].getKind() == TemplateArgument::Pack)
              for (const TemplateArgument &P : Args[I].pack_elements())
                if (!Found && P.getKind() == TemplateArgument::Type)
                  Found = callableIn(P.getAsType(), Depth + 1);
          }
        }
      }
    } else if (const CXXRecordDecl *Def = RD->getDefinition()) {
      for (const FieldDecl *F : Def->fields())
        if (!Found)
          Found = callableIn(F->getType(), Depth + 1);
      for (const CXXBaseSpecifier &Base : Def->bases())
        if (!Found)
          Found = callableIn(Base.getType(), Depth + 1);
    }
    Memo[T.getTypePtr()] = Found;
    return Found;
  }

  /// \p T itself is a container whose elements hold a type-erased callable.
  std::optional<ContainerMatch> container(QualType Written) {
    if (Written.isNull())
      return std::nullopt;
    QualType T = Written.getCanonicalType().getUnqualifiedType();
    if (T->isDependentType())
      return std::nullopt;
    ContainerMatch M;
    M.Type = T;
    M.Written = Written;
    QualType Element;
    if (const auto *CAT = Ctx.getAsConstantArrayType(T)) {
      M.Family = ContainerFamily::CArray;
      M.Name = "array";
      Element = CAT->getElementType();
    } else {
      const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl());
      if (!Spec || Spec->isInvalidDecl() || !isInStdLibrary(Spec))
        return std::nullopt;
      M.Name = stdClassName(Spec);
      auto Family = containerFamily(M.Name);
      if (!Family)
        return std::nullopt;
      M.Family = *Family;
      M.Kind = classifyStdClass(M.Name);
      Element = typeArg(Spec, M.Family == ContainerFamily::Map ? 1 : 0);
      M.UniqueKeys = M.Name == "std::map" || M.Name == "std::unordered_map" ||
                     M.Name == "std::set" || M.Name == "std::unordered_set";
      if (M.Family == ContainerFamily::Map) {
        bool Hashed = M.Kind == StdClassKind::HashContainer;
        QualType Compare = typeArg(Spec, Hashed ? 3 : 2);
        const CXXRecordDecl *C =
            Compare.isNull() ? nullptr : Compare->getAsCXXRecordDecl();
        M.DefaultCompare =
            C && isStdNamed(C, Hashed ? "std::equal_to" : "std::less");
      }
    }
    M.Callable = callableIn(Element);
    if (!M.Callable)
      return std::nullopt;
    M.CallableName = stdClassName(M.Callable);
    const CXXRecordDecl *ElementRD =
        Element.isNull() ? nullptr : Element->getAsCXXRecordDecl();
    if (isCallable(ElementRD)) {
      M.Shape = M.Family == ContainerFamily::Map ? ElementShape::Keyed
                                                 : ElementShape::Callable;
    } else if (M.Family == ContainerFamily::Sequence ||
               M.Family == ContainerFamily::StdArray ||
               M.Family == ContainerFamily::CArray) {
      if (const auto *Pair =
              dyn_cast_or_null<ClassTemplateSpecializationDecl>(ElementRD))
        if (isStdNamed(Pair, "std::pair")) {
          QualType Second = typeArg(Pair, 1);
          if (!Second.isNull() && isCallable(Second->getAsCXXRecordDecl()))
            M.Shape = ElementShape::Keyed;
        }
    }
    return M;
  }

  /// The container of callables \p T is, or holds in a (nested) field of a
  /// class of the program.
  std::optional<ContainerMatch> findContainer(QualType Written,
                                              unsigned Depth = 0) {
    if (Written.isNull() || Depth > 3)
      return std::nullopt;
    if (auto M = container(Written))
      return M;
    QualType T = Written.getCanonicalType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || RD->isInvalidDecl() || RD->isLambda() || isInStdLibrary(RD) ||
        T->isDependentType())
      return std::nullopt;
    const CXXRecordDecl *Def = RD->getDefinition();
    if (!Def)
      return std::nullopt;
    for (const FieldDecl *F : Def->fields()) {
      if (auto M = findContainer(F->getType(), Depth + 1)) {
        std::string Here = Def->getNameAsString() + "::" + F->getNameAsString();
        M->Path = M->Path.empty() ? Here : Here + " -> " + M->Path;
        return M;
      }
    }
    return std::nullopt;
  }

private:
  ASTContext &Ctx;
  llvm::StringSet<> Names;
  llvm::DenseMap<const Type *, const CXXRecordDecl *> Memo;
};

//===----------------------------------------------------------------------===//
// Source text
//===----------------------------------------------------------------------===//

/// The source text of \p R on one line, comments dropped, spacing between
/// tokens kept as written; nullopt when it cannot be taken from the file (a
/// macro body) or would not survive being put on one line.
std::optional<std::string> oneLineSource(SourceRange R, const ASTContext &Ctx) {
  if (R.isInvalid())
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(R), SM, LO);
  if (Range.isInvalid())
    return std::nullopt;
  std::pair<FileID, unsigned> Begin = SM.getDecomposedLoc(Range.getBegin());
  std::pair<FileID, unsigned> End = SM.getDecomposedLoc(Range.getEnd());
  if (Begin.first != End.first || End.second <= Begin.second)
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Begin.first, &Invalid);
  if (Invalid || End.second > Buffer.size())
    return std::nullopt;
  Lexer Lex(SM.getLocForStartOfFile(Begin.first), LO, Buffer.begin(),
            Buffer.begin() + Begin.second, Buffer.end());
  std::string Out;
  Token Tok;
  while (true) {
    Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      break;
    unsigned Offset = SM.getFileOffset(Tok.getLocation());
    if (Offset >= End.second)
      break;
    if (Tok.is(tok::hash) && Tok.isAtStartOfLine())
      return std::nullopt; // A preprocessor directive inside.
    llvm::StringRef Text = Buffer.substr(Offset, Tok.getLength());
    if (Text.find_first_of("\r\n") != llvm::StringRef::npos)
      return std::nullopt; // Raw string over several lines, line splice.
    if (!Out.empty() && (Tok.hasLeadingSpace() || Tok.isAtStartOfLine()))
      Out += ' ';
    Out += Text.str();
  }
  if (Out.empty())
    return std::nullopt;
  return Out;
}

std::string printType(QualType T, const ASTContext &Ctx) {
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressInlineNamespace = true;
  return T.getAsString(Policy);
}

std::string quoteLiteral(const StringLiteral *SL) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  SL->outputString(OS);
  return OS.str();
}

//===----------------------------------------------------------------------===//
// Entries
//===----------------------------------------------------------------------===//

/// The initializer-list elements the container is built from, when its
/// initializer (or the initializer of the class holding it) lists them.
class EntryFinder {
public:
  explicit EntryFinder(const ContainerMatch &M) : M(M) {}

  /// Elements of the first list that builds the container, or null.
  const InitListExpr *find(const Expr *E, unsigned Depth = 0) {
    if (!E || Depth > 12 || ++Visited > 2000)
      return nullptr;
    if (E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
      return nullptr;
    if (isa<LambdaExpr>(E))
      return nullptr;
    QualType T = E->getType().isNull()
                     ? QualType()
                     : E->getType().getCanonicalType().getUnqualifiedType();
    bool IsTarget = !T.isNull() && T == M.Type;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (IsTarget) {
        if (explicitArgs(CE) == 0) {
          DefaultConstructed = true;
          return nullptr;
        }
        if (const auto *IL = dyn_cast_or_null<CXXStdInitializerListExpr>(
                stripTemporaries(CE->getArg(0))))
          if (const auto *Elements =
                  dyn_cast_or_null<InitListExpr>(stripTemporaries(IL->getSubExpr())))
            return Elements;
        return nullptr;
      }
      // A class of the program holding the container: its member
      // initializers (in-class ones included) build it.
      if (const CXXConstructorDecl *Ctor = CE->getConstructor()) {
        const CXXRecordDecl *RD = Ctor->getParent();
        if (!isInStdLibrary(Ctor) && RD && !RD->isLambda()) {
          const FunctionDecl *Def = nullptr;
          if (Ctor->hasBody(Def))
            if (const auto *CtorDef = dyn_cast_or_null<CXXConstructorDecl>(Def)) {
              if (!CtorDef->isDefaulted() && !CtorDef->isImplicit())
                UserConstructor = true;
              for (const CXXCtorInitializer *Init : CtorDef->inits())
                if (Init->isAnyMemberInitializer())
                  if (const InitListExpr *Found = find(Init->getInit(), Depth + 1))
                    return Found;
            }
        }
      }
    }
    if (const auto *IL = dyn_cast<InitListExpr>(E)) {
      if (IsTarget) {
        if (M.Family == ContainerFamily::CArray)
          return IL;
        if (M.Family == ContainerFamily::StdArray) {
          // std::array { T _M_elems[N]; }: the inner list holds the elements.
          if (IL->getNumInits() == 1)
            if (const auto *Inner =
                    dyn_cast_or_null<InitListExpr>(stripTemporaries(IL->getInit(0))))
              return Inner;
          return IL;
        }
      }
    }
    if (const auto *D = dyn_cast<CXXDefaultInitExpr>(E))
      return find(D->getExpr(), Depth + 1);
    for (const Stmt *Child : E->children())
      if (const auto *ChildE = dyn_cast_or_null<Expr>(Child))
        if (const InitListExpr *Found = find(ChildE, Depth + 1))
          return Found;
    return nullptr;
  }

  bool DefaultConstructed = false;
  bool UserConstructor = false;

private:
  const ContainerMatch &M;
  unsigned Visited = 0;
};

/// One element of the initializer list, taken apart.
struct Entry {
  const Expr *Whole = nullptr;
  const Expr *Key = nullptr;   ///< Keyed shapes only.
  const Expr *Value = nullptr; ///< The callable's source (lambda, function...).
};

/// The callable a wrapper is built from: a std::function constructed from a
/// lambda is the lambda.
const Expr *callableSource(const Expr *E, const TypeMatcher &Types) {
  E = stripTemporaries(E);
  for (unsigned Step = 0; E && Step < 4; ++Step) {
    const auto *CE = dyn_cast<CXXConstructExpr>(E);
    if (!CE || !CE->getConstructor() ||
        !Types.isCallable(CE->getConstructor()->getParent()) ||
        CE->getConstructor()->isCopyOrMoveConstructor() ||
        explicitArgs(CE) != 1)
      break;
    E = stripTemporaries(CE->getArg(0));
  }
  return E;
}

std::optional<Entry> takeApart(const Expr *E, const ContainerMatch &M,
                               const TypeMatcher &Types) {
  Entry Out;
  Out.Whole = E;
  E = stripTemporaries(E);
  if (!E)
    return std::nullopt;
  if (M.Shape == ElementShape::Callable) {
    Out.Value = callableSource(E, Types);
    return Out;
  }
  if (M.Shape != ElementShape::Keyed)
    return std::nullopt;
  const Expr *First = nullptr, *Second = nullptr;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    unsigned N = explicitArgs(CE);
    if (N == 2) {
      First = CE->getArg(0);
      Second = CE->getArg(1);
    } else if (N == 1) {
      // pair(std::make_pair(k, v)).
      if (const auto *Call = dyn_cast_or_null<CallExpr>(stripTemporaries(CE->getArg(0))))
        if (const FunctionDecl *FD = Call->getDirectCallee())
          if (isInStdLibrary(FD) && FD->getIdentifier() &&
              FD->getName() == "make_pair" && Call->getNumArgs() == 2) {
            First = Call->getArg(0);
            Second = Call->getArg(1);
          }
    }
  } else if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    if (IL->getNumInits() == 2) {
      First = IL->getInit(0);
      Second = IL->getInit(1);
    }
  }
  if (!First || !Second)
    return std::nullopt;
  Out.Key = First;
  Out.Value = callableSource(Second, Types);
  return Out;
}

/// The string literal a key is built from.
const StringLiteral *keyLiteral(const Expr *E) {
  E = stripTemporaries(E);
  for (unsigned Step = 0; E && Step < 4; ++Step) {
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return compat::isOrdinary(SL) ? SL : nullptr;
    if (const auto *UDL = dyn_cast<UserDefinedLiteral>(E)) {
      E = stripTemporaries(UDL->getCookedLiteral());
      continue;
    }
    const auto *CE = dyn_cast<CXXConstructExpr>(E);
    if (!CE || explicitArgs(CE) < 1)
      return nullptr;
    E = stripTemporaries(CE->getArg(0));
  }
  return nullptr;
}

enum class KeyKind { None, String, Integral };

KeyKind keyKindOf(QualType Key) {
  if (Key.isNull())
    return KeyKind::None;
  Key = Key.getCanonicalType().getUnqualifiedType();
  if (Key->isIntegralOrEnumerationType())
    return KeyKind::Integral;
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          Key->getAsCXXRecordDecl())) {
    std::string Name = isInStdLibrary(Spec) ? stdClassName(Spec) : "";
    if (Name == "std::basic_string" || Name == "std::basic_string_view") {
      QualType Char = typeArg(Spec, 0);
      if (!Char.isNull() && (Char->isSpecificBuiltinType(BuiltinType::Char_S) ||
                             Char->isSpecificBuiltinType(BuiltinType::Char_U)))
        return KeyKind::String;
    }
  }
  return KeyKind::None;
}

/// A function pointer type with the signature of the callable wrapper.
struct Signature {
  const FunctionProtoType *Proto = nullptr; ///< As written.
  QualType Pointer;                         ///< R (*)(Args...)
};

std::optional<Signature> signatureOf(QualType CallableWritten,
                                     ASTContext &Ctx) {
  QualType Sig = writtenTypeArg(CallableWritten, 0);
  if (Sig.isNull() || Sig->isDependentType())
    return std::nullopt;
  const auto *Proto = Sig->getAs<FunctionProtoType>();
  if (!Proto || Proto->isVariadic())
    return std::nullopt;
  Signature S;
  S.Proto = Proto;
  S.Pointer = Ctx.getPointerType(Ctx.getFunctionType(
      Proto->getReturnType(), Proto->getParamTypes(),
      FunctionProtoType::ExtProtoInfo()));
  return S;
}

bool sameSignature(const FunctionProtoType *A, const FunctionProtoType *B,
                   const ASTContext &Ctx) {
  if (!A || !B || A->getNumParams() != B->getNumParams() ||
      A->isVariadic() != B->isVariadic() ||
      !Ctx.hasSameType(A->getReturnType(), B->getReturnType()))
    return false;
  for (unsigned I = 0; I < A->getNumParams(); ++I)
    if (!Ctx.hasSameType(A->getParamType(I), B->getParamType(I)))
      return false;
  return true;
}

/// The entries of the table, with the text of each, or why there is none.
struct TableEntry {
  std::string KeyText;
  std::string KeyBytes;          ///< String keys: the bytes, for sorting.
  llvm::APSInt KeyValue;         ///< Integral keys.
  std::string ValueText;
};

/// Text of a capture-less lambda or a function matching \p Sig.
std::optional<std::string> functionText(const Expr *Value, const Signature &Sig,
                                        ASTContext &Ctx, std::string &Why) {
  const Expr *E = stripTemporaries(Value);
  if (const auto *LE = dyn_cast_or_null<LambdaExpr>(E)) {
    if (LE->capture_size() != 0 || LE->getCaptureDefault() != LCD_None) {
      Why = "captures state";
      return std::nullopt;
    }
    const CXXMethodDecl *Call = LE->getCallOperator();
    if (LE->isGenericLambda() || !Call ||
        !sameSignature(Call->getType()->getAs<FunctionProtoType>(), Sig.Proto,
                       Ctx)) {
      Why = "is a lambda whose signature differs from the wrapper's";
      return std::nullopt;
    }
    auto Text = oneLineSource(LE->getSourceRange(), Ctx);
    if (!Text)
      Why = "is a lambda written inside a macro";
    return Text;
  }
  const Expr *Ref = E;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      Ref = stripTemporaries(UO->getSubExpr());
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Ref)) {
    const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(FD);
    if (!FD || (Method && !Method->isStatic())) {
      Why = "is not a function";
      return std::nullopt;
    }
    if (!sameSignature(FD->getType()->getAs<FunctionProtoType>(), Sig.Proto,
                       Ctx)) {
      Why = "is a function whose signature differs from the wrapper's";
      return std::nullopt;
    }
    if (auto Text = oneLineSource(E->getSourceRange(), Ctx))
      return Text;
    // Written by a macro: the name as written.
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    compat::printQualifier(DRE, OS, PrintingPolicy(Ctx.getLangOpts()));
    OS << DRE->getNameInfo().getAsString();
    return OS.str();
  }
  Why = "is neither a capture-less lambda nor a function";
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Messages
//===----------------------------------------------------------------------===//

std::string shortCost(uint64_t Instructions, double Allocations) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "~" << formatCount(Instructions) << " instructions";
  if (Allocations > 0) {
    OS << ", ";
    if (Allocations == static_cast<double>(static_cast<uint64_t>(Allocations)))
      OS << static_cast<uint64_t>(Allocations);
    else
      OS << llvm::format("%.1f", Allocations);
    OS << (Allocations == 1 ? " allocation" : " allocations");
  }
  return OS.str();
}

std::string quoted(llvm::StringRef S) { return ("'" + S + "'").str(); }

/// The note every finding with unseen callees carries (as the
/// expensive-static-init check words it).
void addUnknownsNote(const InitCost &Cost, SourceLocation Loc,
                     std::vector<FindingNote> &Notes) {
  if (!Cost.hasUnknowns())
    return;
  std::string Unseen;
  for (const std::string &Callee : Cost.UnknownCallees)
    Unseen += (Unseen.empty() ? "'" : ", '") + Callee + "'";
  Notes.push_back({Loc, "the estimate excludes calls whose bodies are not "
                        "visible in this translation unit: " + Unseen});
}

/// The frame and exit registration every initializer pays: not per entry.
uint64_t fixedOverhead(const StaticInitializer &SI) {
  uint64_t N = 0;
  if (SI.DynamicInit || SI.RegistersDestructor)
    N += charge(CostOp::InitFunction).Instructions;
  if (SI.RegistersDestructor)
    N += charge(CostOp::AtExitRegistration).Instructions;
  return N;
}

constexpr llvm::StringLiteral ConstantTableAdvice =
    "a sorted constexpr std::array of {std::string_view, function pointer} "
    "looked up with a binary search (or a switch)";

//===----------------------------------------------------------------------===//
// Containers
//===----------------------------------------------------------------------===//

/// A member of a class template specialization or a variable template
/// specialization: its source text is the pattern's.
bool isFromTemplate(const VarDecl &Var) {
  if (Var.isTemplated() || Var.getTemplateInstantiationPattern())
    return true;
  for (const DeclContext *DC = Var.getDeclContext(); DC; DC = DC->getParent())
    if (isa<ClassTemplateSpecializationDecl>(DC))
      return true;
  return false;
}

class ContainerReporter {
public:
  ContainerReporter(ASTContext &Ctx, TypeMatcher &Types, const StdLibFacts &Lib)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Types(Types), Lib(Lib) {}

  std::optional<Finding> report(const StaticInitializer &SI,
                                const ContainerMatch &M) {
    const VarDecl *Var = SI.var();
    EntryFinder Finder(M);
    const InitListExpr *List = Finder.find(Var->getInit());
    // An empty container costs next to nothing, and registrars that fill it
    // are reported where they are.
    if (!List && M.Path.empty() && Finder.DefaultConstructed)
      return std::nullopt;
    if (!List && !M.Path.empty() && !Finder.UserConstructor &&
        Finder.DefaultConstructed)
      return std::nullopt;
    std::optional<uint64_t> Count;
    if (List)
      Count = List->getNumInits();
    if (Count && *Count == 0)
      return std::nullopt;

    Finding F;
    F.Check = TypeErasedCallableMapCheck;
    F.Init = &SI;
    F.Loc = SM.getExpansionLoc(SI.location());
    SourceLocation NoteLoc = F.Loc;

    std::string Name = quoted(SI.Name);
    std::string What = M.Family == ContainerFamily::CArray
                           ? "an array"
                           : ("a " + M.Name);
    std::string Entries;
    if (Count)
      Entries = std::to_string(*Count) + " ";
    if (M.Shape == ElementShape::Holding)
      Entries += (Count && *Count == 1 ? "entry holding a " : "entries holding a ") +
                 M.CallableName;
    else
      Entries += M.CallableName + (Count && *Count == 1 ? " entry" : " entries");
    F.Message = Name + (M.Path.empty() ? " is " : " holds ") + What + " of " +
                Entries;
    if (!M.Path.empty())
      F.Message += " (" + M.Path + ")";
    F.Message += " built before main: " + SI.Cost.summary();
    if (Count) {
      uint64_t Overhead = std::min(fixedOverhead(SI), SI.Cost.Instructions);
      uint64_t PerInstr = (SI.Cost.Instructions - Overhead) / *Count;
      double PerAlloc = static_cast<double>(SI.Cost.Allocations) / *Count;
      F.Message += "; " + shortCost(PerInstr, PerAlloc) + " per entry";
    }

    std::vector<Entry> Parsed;
    bool AllParsed = List != nullptr;
    if (List)
      for (const Expr *Init : List->inits()) {
        if (auto E = takeApart(Init, M, Types))
          Parsed.push_back(*E);
        else
          AllParsed = false;
      }
    if (List)
      if (std::string Note = perEntryNote(M, Parsed, *Count); !Note.empty())
        F.Notes.push_back({NoteLoc, Note});
    addUnknownsNote(SI.Cost, NoteLoc, F.Notes);
    if (!Var->isExternallyVisible() && !SM.isInMainFile(F.Loc) &&
        !SI.InSystemHeader)
      F.Notes.push_back(
          {NoteLoc, "defined in a header with internal linkage: every "
                    "translation unit that includes it builds its own copy"});

    std::string Why;
    std::vector<std::string> Table;
    if (M.Shape == ElementShape::Holding)
      Why = "its entries hold the callable inside another type";
    else if (List && AllParsed)
      Table = constantTable(SI, M, Parsed, Why);
    else if (!List)
      Why = "its entries are not listed in its initializer";
    else
      Why = "some entries are not written as {key, callable}";
    if (!Table.empty()) {
      for (std::string &Text : Table)
        F.Notes.push_back({NoteLoc, std::move(Text)});
    } else {
      std::string Needs = M.Shape == ElementShape::Keyed
                              ? "a literal key and a capture-less lambda or "
                                "function for every entry"
                              : "a capture-less lambda or function for every "
                                "entry";
      std::string Note = "no constant table: " + Why + " (a table of " +
                         (M.Shape == ElementShape::Keyed
                              ? "{key, function pointer}"
                              : "function pointers") +
                         " needs " + Needs + ")";
      const Rewrite &R = SI.Suggestion;
      // The text of a template's member is the pattern's, with the template
      // parameters of the pattern in it: not usable as written.
      if (R.K == Rewrite::LazyAccessor && !R.Text.empty() &&
          !isFromTemplate(*Var))
        Note += "; build it on first use instead: " + R.Text;
      else
        Note += "; build it on first use instead, in a function-local static";
      F.Notes.push_back({NoteLoc, Note});
    }
    return F;
  }

private:
  /// Where each entry's cost goes: its node, its key, its callable.
  std::string perEntryNote(const ContainerMatch &M,
                           const std::vector<Entry> &Parsed, uint64_t Count) {
    std::string S;
    llvm::raw_string_ostream OS(S);
    OS << "per entry: ";
    switch (M.Kind) {
    case StdClassKind::TreeContainer:
      OS << "a tree node (1 allocation)";
      break;
    case StdClassKind::HashContainer:
      OS << "a hash node (1 allocation), plus one bucket array";
      break;
    case StdClassKind::List:
      OS << "a list node (1 allocation)";
      break;
    case StdClassKind::Vector:
    case StdClassKind::Deque:
      OS << "a slot of one shared buffer";
      break;
    default:
      OS << "an element in place (no allocation of its own)";
      break;
    }
    // Keys: std::string keys longer than the small-string buffer allocate.
    if (M.Shape == ElementShape::Keyed) {
      QualType Key = keyType(M, /*Written=*/false);
      const CXXRecordDecl *KeyRD = Key.isNull() ? nullptr : Key->getAsCXXRecordDecl();
      if (KeyRD && isInStdLibrary(KeyRD) &&
          classifyStdClass(stdClassName(KeyRD)) == StdClassKind::String) {
        unsigned Long = 0, Known = 0;
        std::string Example;
        for (const Entry &E : Parsed)
          if (const StringLiteral *SL = keyLiteral(E.Key)) {
            ++Known;
            if (SL->getLength() > Lib.StringInlineCapacity) {
              ++Long;
              if (Example.empty())
                Example = quoteLiteral(SL);
            }
          }
        OS << "; ";
        if (Long)
          OS << Long << " of " << Count << (Count == 1 ? " key" : " keys")
             << " (" << Example << (Long > 1 ? ", ..." : "")
             << ") " << (Long == 1 ? "exceeds" : "exceed") << " the "
             << Lib.StringInlineCapacity
             << "-character small-string buffer and "
             << (Long == 1 ? "allocates" : "allocate");
        else if (Known == Count)
          OS << "every key fits the " << Lib.StringInlineCapacity
             << "-character small-string buffer";
        else
          OS << "keys longer than " << Lib.StringInlineCapacity
             << " characters allocate";
      }
    }
    // Callables: std::function stores small, cheaply copied ones inline.
    if (M.Shape != ElementShape::Holding &&
        classifyStdClass(M.CallableName) == StdClassKind::Callable &&
        M.CallableName == "std::function") {
      unsigned Heap = 0, Known = 0;
      std::string Example;
      for (const Entry &E : Parsed) {
        const Expr *V = stripTemporaries(E.Value);
        if (!V)
          continue;
        QualType T = V->getType();
        if (T.isNull() || T->isDependentType())
          continue;
        ++Known;
        if (T->isFunctionType() || T->isPointerType() ||
            T->isMemberPointerType())
          continue;
        const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
        if (RD && Types.isCallable(RD)) {
          ++Heap; // A copy of another wrapper clones its target.
          continue;
        }
        CallableStorage Storage =
            classifyCallableStorage(T, /*Wrapper=*/nullptr, Ctx, Lib);
        if (Storage.OnHeap) {
          ++Heap;
          if (Example.empty()) {
            PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(V->getBeginLoc()));
            Example = (isa<LambdaExpr>(V) ? "the lambda" : "the callable") +
                      std::string(P.isValid() ? " at line " +
                                                    std::to_string(P.getLine())
                                              : "") +
                      ": " + std::to_string(Storage.ObjectSize) + " bytes, " +
                      Storage.Reason;
          }
        }
      }
      OS << "; ";
      if (Heap)
        OS << Heap << " of " << Count
           << (Count == 1 ? " callable" : " callables")
           << (Heap == 1 ? " does" : " do")
           << " not fit the " << Lib.FunctionBufferSize
           << "-byte std::function buffer of " << stdLibName(Lib.Kind)
           << (Heap == 1 ? " and allocates" : " and allocate")
           << (Example.empty() ? "" : " (" + Example + ")");
      else if (Known == Count)
        OS << "every callable is stored inline in the "
           << Lib.FunctionBufferSize << "-byte std::function buffer of "
           << stdLibName(Lib.Kind);
    }
    return OS.str();
  }

  QualType keyType(const ContainerMatch &M, bool Written) {
    QualType Key;
    if (M.Family == ContainerFamily::Map) {
      Key = writtenTypeArg(M.Written, 0);
    } else {
      QualType Element = M.Family == ContainerFamily::CArray
                             ? QualType()
                             : writtenTypeArg(M.Written, 0);
      if (M.Family == ContainerFamily::CArray)
        if (const auto *CAT = Ctx.getAsConstantArrayType(M.Written))
          Element = CAT->getElementType();
      Key = writtenTypeArg(Element, 0);
    }
    if (Key.isNull())
      return Key;
    return Written ? Key : Key.getCanonicalType();
  }

  QualType callableType(const ContainerMatch &M) {
    if (M.Family == ContainerFamily::Map)
      return writtenTypeArg(M.Written, 1);
    QualType Element = writtenTypeArg(M.Written, 0);
    if (M.Family == ContainerFamily::CArray)
      if (const auto *CAT = Ctx.getAsConstantArrayType(M.Written))
        Element = CAT->getElementType();
    if (M.Shape == ElementShape::Keyed)
      return writtenTypeArg(Element, 1);
    return Element;
  }

  /// The notes with the complete constant table, or empty with \p Why set.
  std::vector<std::string> constantTable(const StaticInitializer &SI,
                                         const ContainerMatch &M,
                                         const std::vector<Entry> &Parsed,
                                         std::string &Why) {
    const VarDecl *Var = SI.var();
    if (M.Shape == ElementShape::Holding) {
      Why = "its entries hold the callable inside another type";
      return {};
    }
    if (!M.Path.empty()) {
      Why = "it is a member of '" + M.Path.substr(0, M.Path.find("::")) + "'";
      return {};
    }
    if (!Var->getIdentifier()) {
      Why = "it has no name of its own";
      return {};
    }
    if (isFromTemplate(*Var)) {
      Why = "it belongs to a template";
      return {};
    }
    if (!M.DefaultCompare) {
      Why = "it uses its own key comparison";
      return {};
    }
    if (M.Family == ContainerFamily::Set) {
      Why = "it is a set";
      return {};
    }
    std::optional<Signature> Sig = signatureOf(callableType(M), Ctx);
    if (!Sig) {
      Why = "the callable's signature is not a plain function type";
      return {};
    }
    KeyKind Keys = KeyKind::None;
    QualType KeyWritten;
    if (M.Shape == ElementShape::Keyed) {
      KeyWritten = keyType(M, /*Written=*/true);
      Keys = keyKindOf(KeyWritten);
      if (Keys == KeyKind::None) {
        Why = !KeyWritten.isNull() && KeyWritten->isPointerType()
                  ? "its keys are pointers, compared by address"
                  : "its keys are neither strings nor integers";
        return {};
      }
    }

    std::vector<TableEntry> Table;
    for (size_t I = 0; I < Parsed.size(); ++I) {
      const Entry &E = Parsed[I];
      TableEntry T;
      std::string ValueWhy;
      auto Value = functionText(E.Value, *Sig, Ctx, ValueWhy);
      if (!Value) {
        Why = "entry " + std::to_string(I + 1) + " " + ValueWhy;
        return {};
      }
      T.ValueText = *Value;
      if (Keys == KeyKind::String) {
        const StringLiteral *SL = keyLiteral(E.Key);
        if (!SL) {
          Why = "the key of entry " + std::to_string(I + 1) +
                " is not a string literal";
          return {};
        }
        T.KeyText = quoteLiteral(SL);
        T.KeyBytes = SL->getString().str();
      } else if (Keys == KeyKind::Integral) {
        const Expr *K = stripTemporaries(E.Key);
        Expr::EvalResult R;
        auto Text = K ? oneLineSource(E.Key->getSourceRange(), Ctx) : std::nullopt;
        if (!K || K->isValueDependent() || !K->EvaluateAsInt(R, Ctx) || !Text) {
          Why = "the key of entry " + std::to_string(I + 1) +
                " is not a constant";
          return {};
        }
        T.KeyValue = R.Val.getInt();
        T.KeyText = *Text;
      }
      Table.push_back(std::move(T));
    }

    // Maps iterate in key order (hash maps in none): sort, and keep the
    // first of equal keys as the map does. Sequences keep their order.
    bool Sorted = M.Family == ContainerFamily::Map;
    if (Sorted) {
      auto Less = [&](const TableEntry &A, const TableEntry &B) {
        if (Keys == KeyKind::String)
          return llvm::StringRef(A.KeyBytes).compare(B.KeyBytes) < 0;
        return llvm::APSInt::compareValues(A.KeyValue, B.KeyValue) < 0;
      };
      std::stable_sort(Table.begin(), Table.end(), Less);
      if (M.UniqueKeys)
        Table.erase(std::unique(Table.begin(), Table.end(),
                                [&](const TableEntry &A, const TableEntry &B) {
                                  return !Less(A, B) && !Less(B, A);
                                }),
                    Table.end());
    }

    std::string FP = printType(Sig->Pointer, Ctx);
    std::string KeyText = Keys == KeyKind::String ? "std::string_view"
                          : Keys == KeyKind::Integral
                              ? printType(KeyWritten.getUnqualifiedType(), Ctx)
                              : "";
    std::string ElementType =
        Keys == KeyKind::None ? FP : "std::pair<" + KeyText + ", " + FP + ">";
    std::string Name = Var->getNameAsString();
    std::string Decl;
    if (Var->isStaticDataMember())
      Decl = "static ";
    else if (Var->getStorageClass() == SC_Static)
      Decl = "static ";
    if (Var->isInlineSpecified() && !Var->isStaticDataMember())
      Decl += "inline ";
    Decl += "constexpr std::array<" + ElementType + ", " +
            std::to_string(Table.size()) + "> " + Name + " = {{";
    for (size_t I = 0; I < Table.size(); ++I) {
      Decl += I ? ", " : "";
      if (Keys == KeyKind::None)
        Decl += Table[I].ValueText;
      else
        Decl += "{" + Table[I].KeyText + ", " + Table[I].ValueText + "}";
    }
    Decl += "}};";

    std::vector<std::string> Notes;
    std::string Intro = "replace it with a constant table built at compile "
                        "time";
    if (Sorted)
      Intro += ", sorted by key";
    else if (M.Shape == ElementShape::Keyed)
      Intro += ", in source order as the " + M.Name +
               " iterates (sort it by key to look keys up with a binary search)";
    if (Parsed.size() != Table.size())
      Intro += ", equal keys dropped as the " + M.Name + " drops them";
    if (Var->isStaticDataMember())
      Intro += ", declared in the class (remove the out-of-line definition)";
    else if (Var->getPreviousDecl())
      Intro += " (change its other declarations too)";
    Intro += " (needs <array>";
    if (Keys == KeyKind::String)
      Intro += ", <string_view>";
    if (Keys != KeyKind::None)
      Intro += ", <utility>";
    Intro += "): ";
    Notes.push_back(Intro + Decl);

    if (Sorted) {
      std::string Ref = Var->isStaticDataMember()
                            ? Var->getQualifiedNameAsString()
                            : Name;
      std::string Lookup = "lookup" + Name;
      Lookup[6] = llvm::toUpper(Lookup[6]);
      std::string KeyParam =
          Keys == KeyKind::String ? "std::string_view" : KeyText;
      // A function returning a function pointer needs the trailing form.
      std::string Text = "look keys up with a binary search (needs <algorithm>; replaces " +
             Name + ".find, .at, .count and .contains): inline auto " + Lookup +
             "(" + KeyParam + " key) -> " + FP + " { auto it = std::lower_bound(" +
             Ref + ".begin(), " + Ref + ".end(), key, [](const auto &entry, " +
             KeyParam + " k) { return entry.first < k; }); return it != " +
             Ref + ".end() && it->first == key ? it->second : nullptr; }";
      if (Keys == KeyKind::Integral)
        Text += "; or dispatch with a switch over the keys";
      Notes.push_back(Text);
    }
    return Notes;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  TypeMatcher &Types;
  const StdLibFacts &Lib;
};

//===----------------------------------------------------------------------===//
// Registrars
//===----------------------------------------------------------------------===//

/// The registry a registration fills, as far as the visible code shows it.
struct Registry {
  enum Kind { Unknown, FunctionLocal, Global, Accessor, Member } K = Unknown;
  std::string Name;
  std::optional<ContainerMatch> Container;
  const VarDecl *Var = nullptr;
};

class RegistryFinder {
public:
  RegistryFinder(TypeMatcher &Types) : Types(Types) {}

  /// Walks the code a registration runs (constructor or callee), following
  /// visible calls, for the container of callables it fills.
  Registry find(const FunctionDecl *Fn) {
    Registry R;
    walkFunction(Fn, 0, R);
    return R;
  }

private:
  void walkFunction(const FunctionDecl *Fn, unsigned Depth, Registry &R) {
    if (!Fn || Depth > MaxRegistrarCallDepth || isInStdLibrary(Fn))
      return;
    const FunctionDecl *Def = nullptr;
    if (!Fn->hasBody(Def) || !Def || !Seen.insert(Def).second)
      return;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        walk(Init->getInit(), Depth, R);
    walk(Def->getBody(), Depth, R);
  }

  /// The static local a registry accessor returns, if its body shows one.
  static const VarDecl *returnedStaticLocal(const FunctionDecl *Fn) {
    const FunctionDecl *Def = nullptr;
    if (!Fn || !Fn->hasBody(Def) || !Def)
      return nullptr;
    const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
    if (!Body)
      return nullptr;
    for (const Stmt *S : Body->body())
      if (const auto *Ret = dyn_cast<ReturnStmt>(S))
        if (const auto *DRE =
                dyn_cast_or_null<DeclRefExpr>(stripTemporaries(Ret->getRetValue())))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            if (VD->isStaticLocal())
              return VD;
    return nullptr;
  }

  void walk(const Stmt *S, unsigned Depth, Registry &R) {
    if (!S || R.K != Registry::Unknown || ++Nodes > MaxRegistrarNodes)
      return;
    if (isa<LambdaExpr>(S))
      return; // A closure's body runs when it is called, not here.
    if (const auto *E = dyn_cast<Expr>(S))
      if (E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
        return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasGlobalStorage())
          if (auto M = Types.findContainer(VD->getType())) {
            R.Container = M;
            R.Var = VD;
            if (VD->isStaticLocal()) {
              R.K = Registry::FunctionLocal;
              const auto *Fn = dyn_cast_or_null<FunctionDecl>(
                  VD->getParentFunctionOrMethod());
              R.Name = Fn ? Fn->getQualifiedNameAsString() + "()"
                          : VD->getNameAsString();
            } else {
              R.K = Registry::Global;
              R.Name = VD->getQualifiedNameAsString();
            }
            return;
          }
    } else if (const auto *ME = dyn_cast<MemberExpr>(S)) {
      const ValueDecl *Member = ME->getMemberDecl();
      if (Member && (isa<FieldDecl>(Member) || isa<VarDecl>(Member)))
        if (auto M = Types.findContainer(Member->getType())) {
          R.Container = M;
          R.K = Registry::Member;
          R.Name = Member->getQualifiedNameAsString();
          return;
        }
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (const FunctionDecl *Callee = Call->getDirectCallee()) {
        QualType Ret = Callee->getReturnType();
        if (!Ret.isNull() && !Ret->isDependentType() &&
            (Ret->isReferenceType() || Ret->isPointerType()))
          if (auto M = Types.findContainer(Ret->getPointeeType())) {
            R.Container = M;
            R.Name = Callee->getQualifiedNameAsString() + "()";
            R.Var = returnedStaticLocal(Callee);
            R.K = R.Var ? Registry::FunctionLocal : Registry::Accessor;
            return;
          }
        for (const Stmt *Child : S->children())
          walk(Child, Depth, R);
        walkFunction(Callee, Depth + 1, R);
        return;
      }
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
      for (const Stmt *Child : S->children())
        walk(Child, Depth, R);
      if (CE->getConstructor() && !CE->getConstructor()->isTrivial())
        walkFunction(CE->getConstructor(), Depth + 1, R);
      return;
    }
    for (const Stmt *Child : S->children())
      walk(Child, Depth, R);
  }

  TypeMatcher &Types;
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen;
  unsigned Nodes = 0;
};

/// A variable whose initializer registers a type-erased callable.
struct Registration {
  const StaticInitializer *SI = nullptr;
  Registry Where;
  std::string Through;     ///< The registrar class or registering function.
  std::string CallableName;
  std::string Group;       ///< Registrations into the same registry.
};

std::optional<Registration> asRegistration(const StaticInitializer &SI,
                                           TypeMatcher &Types) {
  const VarDecl *Var = SI.var();
  if (!Var || !SI.runsBeforeMain() || !SI.DynamicInit ||
      SI.Storage == StorageKind::ThreadLocal || !Var->getInit())
    return std::nullopt;
  const Expr *Init = stripTemporaries(Var->getInit());
  const FunctionDecl *Fn = nullptr;
  std::string Through;
  llvm::SmallVector<std::pair<const Expr *, QualType>, 4> Args;
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init)) {
    // A registrar object (the engine recognizes the shape).
    if (!SI.Registrar || !CE->getConstructor())
      return std::nullopt;
    Fn = CE->getConstructor();
    Through = CE->getConstructor()->getParent()->getQualifiedNameAsString();
    for (unsigned I = 0; I < CE->getNumArgs() && I < Fn->getNumParams(); ++I)
      Args.push_back({CE->getArg(I), Fn->getParamDecl(I)->getType()});
  } else if (const auto *Call = dyn_cast_or_null<CallExpr>(Init)) {
    // `static bool registered = registerHandler("name", fn);`: a variable
    // only there to run the call.
    if (Var->isReferenced() || Var->isExternallyVisible() ||
        !Call->getDirectCallee() || isa<CXXOperatorCallExpr>(Call))
      return std::nullopt;
    Fn = Call->getDirectCallee();
    if (isInStdLibrary(Fn))
      return std::nullopt;
    Through = Fn->getQualifiedNameAsString();
    for (unsigned I = 0; I < Call->getNumArgs() && I < Fn->getNumParams(); ++I)
      Args.push_back({Call->getArg(I), Fn->getParamDecl(I)->getType()});
  } else {
    return std::nullopt;
  }
  if (!Fn || Fn->isInvalidDecl())
    return std::nullopt;

  Registration R;
  R.SI = &SI;
  R.Through = Through;
  for (const auto &[Arg, Param] : Args) {
    if (!Arg || isa<CXXDefaultArgExpr>(Arg))
      continue;
    if (const CXXRecordDecl *Callable =
            Types.callableIn(Param.getNonReferenceType())) {
      R.CallableName = stdClassName(Callable);
      break;
    }
  }
  RegistryFinder Finder(Types);
  R.Where = Finder.find(Fn);
  if (R.Where.Container && R.CallableName.empty())
    R.CallableName = R.Where.Container->CallableName;
  if (R.CallableName.empty())
    return std::nullopt; // Registers something else.
  R.Group = R.Where.K != Registry::Unknown ? R.Where.Name : R.Through;
  return R;
}

Finding reportRegistration(const Registration &R,
                           llvm::ArrayRef<Registration> All, ASTContext &Ctx) {
  const StaticInitializer &SI = *R.SI;
  const SourceManager &SM = Ctx.getSourceManager();
  Finding F;
  F.Check = TypeErasedCallableMapCheck;
  F.Init = &SI;
  F.Loc = SM.getExpansionLoc(SI.location());
  SourceLocation NoteLoc = F.Loc;

  std::string Where = R.Where.K != Registry::Unknown
                          ? "in " + quoted(R.Where.Name)
                          : "through " + quoted(R.Through);
  F.Message = quoted(SI.Name) + " registers a " +
              R.CallableName + " entry " + Where +
              " before main: " + SI.Cost.summary();
  unsigned Count = 0;
  uint64_t Instructions = 0, Allocations = 0;
  for (const Registration &Other : All)
    if (Other.Group == R.Group) {
      ++Count;
      Instructions += Other.SI->Cost.Instructions;
      Allocations += Other.SI->Cost.Allocations;
    }
  if (Count > 1)
    F.Message += "; " + std::to_string(Count) +
                 " such registrars in this translation unit: " +
                 shortCost(Instructions, static_cast<double>(Allocations));

  addUnknownsNote(SI.Cost, NoteLoc, F.Notes);

  const std::string Keep = "keep the registration itself eager (deferring a "
                           "registrar silently drops its entry)";
  const std::string Table = "or replace the registrars and the registry with "
                            "one constant table: " + ConstantTableAdvice.str();
  std::string Advice;
  switch (R.Where.K) {
  case Registry::FunctionLocal:
    Advice = "the registry " + quoted(R.Where.Name) +
             " is already a lazy registry (a function-local static); " + Keep +
             ", " + Table;
    break;
  case Registry::Global: {
    Advice = "the registry " + quoted(R.Where.Name) +
             " is a namespace-scope global, built before main and possibly "
             "after registrars of other translation units run: make it a lazy "
             "registry, a function-local static returned by an accessor";
    if (R.Where.Var) {
      std::string Type =
          printType(R.Where.Var->getType().getUnqualifiedType(), Ctx);
      Advice += " (" + Type + " &" + R.Where.Var->getNameAsString() +
                "() { static " + Type + " instance; return instance; })";
    }
    Advice += "; " + Keep + "; " + Table;
    break;
  }
  default:
    Advice = "a registrar: " + Keep + "; make the registry it fills a lazy "
             "registry (a function-local static returned by an accessor) if "
             "it is not one already, " + Table;
    break;
  }
  F.Notes.push_back({NoteLoc, Advice});
  return F;
}

} // namespace

std::vector<Finding>
findTypeErasedCallableMaps(ASTContext &Ctx,
                           llvm::ArrayRef<StaticInitializer> Inits,
                           const TypeErasedCallableMapOptions &Opts) {
  std::vector<Finding> Result;
  TypeMatcher Types(Ctx, Opts);
  StdLibFacts Lib = detectStdLib(Ctx);
  ContainerReporter Containers(Ctx, Types, Lib);

  std::vector<Registration> Registrations;
  std::vector<std::pair<const StaticInitializer *, ContainerMatch>> Tables;
  for (const StaticInitializer &SI : Inits) {
    const VarDecl *Var = SI.var();
    // Constant-initialized globals (constinit, constexpr, empty containers
    // the library builds at compile time) run nothing before main.
    if (!Var || Var->isInvalidDecl() || !SI.runsBeforeMain() ||
        !SI.DynamicInit || SI.Storage == StorageKind::ThreadLocal)
      continue;
    QualType T = Var->getType();
    if (T.isNull() || T->isDependentType() || T->isReferenceType() ||
        T->isPointerType())
      continue;
    if (auto M = Types.findContainer(T)) {
      Tables.emplace_back(&SI, std::move(*M));
      continue;
    }
    if (auto R = asRegistration(SI, Types))
      Registrations.push_back(std::move(*R));
  }

  // Back in source order (the engine's order) across both kinds.
  std::vector<std::pair<const StaticInitializer *, Finding>> Ordered;
  for (const auto &[SI, M] : Tables)
    if (auto F = Containers.report(*SI, M))
      Ordered.emplace_back(SI, std::move(*F));
  for (const Registration &R : Registrations)
    Ordered.emplace_back(R.SI, reportRegistration(R, Registrations, Ctx));
  std::stable_sort(Ordered.begin(), Ordered.end(),
                   [](const auto &A, const auto &B) { return A.first < B.first; });
  for (auto &Entry : Ordered)
    Result.push_back(std::move(Entry.second));
  return Result;
}

} // namespace initscan
