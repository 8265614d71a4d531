//===- EagerSingleton.cpp - initscan-eager-singleton -----------------------===//
//
// Globals that stand for one process-wide object (a configuration, a logger,
// a connection pool) and acquire resources while they are built before main:
// files, sockets, threads, the environment, dlopen, clocks, much heap memory.
// The resources and their call paths come from the engine's cost walk
// (InitCost::Effects / Contributors); this file only decides which globals
// are singletons, words the finding and writes the lazy accessor.
//
//===----------------------------------------------------------------------===//

#include "initscan/Findings.h"
#include "ASTSupport.h"
#include "StdLibModel.h"
#include "initscan/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace clang;

namespace initscan {
namespace {

/// How the global holds the object.
enum class Holder {
  Object,    ///< `Config gConfig;`, `std::unique_ptr<Foo> gFoo(new Foo);`
  Pointer,   ///< `Foo* gFoo = new Foo;`, `Foo* gFoo = &Foo::instance();`
  Reference, ///< `Foo& gFoo = *new Foo;`, `Foo& gFoo = Foo::instance();`
};

/// A global that may be an eagerly built singleton.
struct Candidate {
  const VarDecl *Var = nullptr;
  Holder Hold = Holder::Object;
  /// The class of the object built (the pointee for pointers and smart
  /// pointers; the element type for arrays).
  const CXXRecordDecl *Class = nullptr;
  /// A shape that is a singleton whatever its constructor does: reported
  /// even when the construction is not visible in this translation unit.
  bool Classic = false;
  /// `&T::instance()`: a lazy accessor forced at start-up.
  const FunctionDecl *Forced = nullptr;
};

/// One resource the construction acquires, with the call path to it.
struct ResourceUse {
  std::string Verb; ///< "opens a file"
  std::string Via;  ///< "Config::Config -> Config::load", may be empty
};

const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (Next == E)
      break;
    E = Next;
  }
  return E;
}

bool sameClass(const CXXRecordDecl *A, const CXXRecordDecl *B) {
  return A && B && A->getCanonicalDecl() == B->getCanonicalDecl();
}

bool isSmartPointer(const CXXRecordDecl *RD) {
  if (!RD || !isInStdLibrary(RD))
    return false;
  std::string Name = stdClassName(RD);
  return Name == "std::unique_ptr" || Name == "std::shared_ptr";
}

/// The class a std::unique_ptr<T> / std::shared_ptr<T> points to.
const CXXRecordDecl *smartPointee(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  QualType T = Spec->getTemplateArgs()[0].getAsType();
  return T.isNull() || T->isDependentType() ? nullptr : T->getAsCXXRecordDecl();
}

/// `new T(...)`, also under `*`, a smart pointer's constructor or a cast.
const CXXNewExpr *findNew(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = strip(E);
    if (const auto *New = dyn_cast<CXXNewExpr>(E))
      return New->isArray() ? nullptr : New;
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() != UO_Deref)
        return nullptr;
      E = U->getSubExpr();
    } else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExprAsWritten();
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() < 1)
        return nullptr;
      E = CE->getArg(0);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// `T::instance()`, `&T::instance()`, `*T::create()`: a static member
/// function of \p Class (or of a base, as with CRTP singleton templates).
const FunctionDecl *findAccessorCall(const Expr *E, const CXXRecordDecl *Class) {
  E = strip(E);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)
      E = strip(U->getSubExpr());
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  if (!Call)
    return nullptr;
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  if (!Method || !Method->isStatic() || !Class->hasDefinition())
    return nullptr;
  const CXXRecordDecl *Owner = Method->getParent();
  if (sameClass(Owner, Class) ||
      Class->getDefinition()->isDerivedFrom(Owner))
    return Method;
  return nullptr;
}

bool isDefaultConstruction(const Expr *Init) {
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(strip(Init));
  if (!CE || CE->getConstructor()->isCopyOrMoveConstructor())
    return false;
  for (const Expr *Arg : CE->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      return false;
  return true;
}

std::optional<Candidate> classify(const StaticInitializer &SI) {
  const VarDecl *Var = SI.var();
  // Structured bindings (`auto [host, port] = ...;`) name no single object.
  if (!Var || Var->isInvalidDecl() || !Var->getInit() ||
      isa<DecompositionDecl>(Var) || !Var->getIdentifier())
    return std::nullopt;
  QualType T = Var->getType();
  if (T.isNull() || T->isDependentType() || T->isUndeducedType())
    return std::nullopt;
  const Expr *Init = Var->getInit();
  if (Init->isValueDependent() || Init->isTypeDependent() ||
      Init->containsErrors())
    return std::nullopt;

  Candidate C;
  C.Var = Var;
  if (T->isReferenceType() || T->isPointerType()) {
    C.Hold = T->isReferenceType() ? Holder::Reference : Holder::Pointer;
    C.Class = T->getPointeeType()->getAsCXXRecordDecl();
    if (!C.Class)
      return std::nullopt;
    if (findNew(Init)) {
      C.Classic = true;
    } else if ((C.Forced = findAccessorCall(Init, C.Class))) {
      C.Classic = true;
    } else if (T->isPointerType() && !isa<CallExpr>(strip(Init))) {
      return std::nullopt; // Not built here: `&gOther`, a cast, ...
    }
    return C;
  }

  const Type *Elem = T->getBaseElementTypeUnsafe();
  C.Class = Elem ? Elem->getAsCXXRecordDecl() : nullptr;
  if (!C.Class)
    return std::nullopt;
  if (isSmartPointer(C.Class)) {
    if (const CXXRecordDecl *Pointee = smartPointee(C.Class)) {
      C.Class = Pointee;
      C.Classic = findNew(Init) != nullptr;
    }
    return C;
  }
  if (isInStdLibrary(C.Class) || T.isConstQualified() || T->isArrayType())
    return C; // Library values and constants are not singletons by shape.
  if (SI.Storage == StorageKind::StaticMember) {
    // `T T::instance;`: a static member of the class's own type.
    const auto *Owner = dyn_cast<CXXRecordDecl>(Var->getDeclContext());
    C.Classic = sameClass(Owner, C.Class);
  } else if (SI.Storage == StorageKind::Namespace) {
    // `static T instance;`: a default-constructed object at namespace scope.
    C.Classic = isDefaultConstruction(Init);
  }
  return C;
}

// --- What the construction acquires -------------------------------------

struct EffectWords {
  Effect Bit;
  const char *Verb;
};

/// The effects that mean "acquires a resource", in message order. Console
/// output is not one (nor is <iostream>'s initializer).
constexpr EffectWords ResourceEffects[] = {
    {EffectFile, "opens a file"},
    {EffectNetwork, "uses the network"},
    {EffectEnvironment, "reads the environment"},
    {EffectThread, "starts a thread"},
    {EffectLock, "initializes a lock"},
    {EffectDynamicLoading, "loads a shared library"},
    {EffectClock, "reads the clock"},
    {EffectLocale, "loads a locale"},
    {EffectMemoryTouch, "maps memory"},
};

EffectSet resourceEffectBits() {
  EffectSet Bits = EffectNone;
  for (const EffectWords &E : ResourceEffects)
    Bits |= E.Bit;
  return Bits;
}

std::vector<ResourceUse> resourcesOf(const StaticInitializer &SI,
                                     const Candidate &C,
                                     const EagerSingletonOptions &Opts) {
  std::vector<ResourceUse> Result;
  const InitCost &Cost = SI.Cost;
  for (const EffectWords &E : ResourceEffects) {
    if (!(Cost.Effects & E.Bit))
      continue;
    ResourceUse Use{E.Verb, ""};
    // Contributors are sorted largest first: the first one is the path to
    // name. It may have been cut by normalize(): then the verb stands alone.
    for (const CostContributor &Part : Cost.Contributors)
      if (Part.Effects & E.Bit) {
        Use.Via = Part.Via;
        if (E.Bit == EffectFile &&
            !llvm::StringRef(Part.What).contains_insensitive("open"))
          Use.Verb = "reads a file";
        break;
      }
    Result.push_back(std::move(Use));
  }
  // Much heap memory: a resource of a user's object (a cache, a pool), not
  // of a library value such as a table of strings, which is data that the
  // other checks (expensive-static-init, type-erased-callable-map) cover.
  // Allocations made by the resources above (a file buffer, dlopen's own)
  // are part of those.
  EffectSet ResourceBits = resourceEffectBits();
  uint64_t Allocations = Cost.Allocations;
  for (const CostContributor &Part : Cost.Contributors)
    if (Part.Effects & ResourceBits)
      Allocations -= std::min(Allocations, Part.Allocations);
  if (Allocations > 0 && Allocations >= Opts.MinAllocations &&
      !isInStdLibrary(C.Class)) {
    ResourceUse Use{"allocates heap memory", ""};
    uint64_t Most = 0;
    for (const CostContributor &Part : Cost.Contributors)
      if (!(Part.Effects & ResourceBits) && Part.Allocations > Most) {
        Most = Part.Allocations;
        Use.Via = Part.Via;
      }
    Result.push_back(std::move(Use));
  }
  return Result;
}

std::string describeResources(const std::vector<ResourceUse> &Uses) {
  std::string S;
  for (const ResourceUse &U : Uses) {
    if (!S.empty())
      S += ", ";
    S += U.Verb;
    if (!U.Via.empty())
      S += " via " + U.Via;
  }
  return S;
}

std::string qualifiedName(const NamedDecl *D) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D->printQualifiedName(OS);
  return OS.str();
}

/// "gConfig", "label<long>", "Telemetry::Instance", "Holder<Config>::value":
/// a static member is named with its class.
std::string displayName(const VarDecl &Var) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  PrintingPolicy Policy(Var.getASTContext().getLangOpts());
  if (const auto *Owner = dyn_cast<CXXRecordDecl>(Var.getDeclContext())) {
    Owner->getNameForDiagnostic(OS, Policy, /*Qualified=*/false);
    OS << "::";
  }
  Var.getNameForDiagnostic(OS, Policy, /*Qualified=*/false);
  return OS.str();
}

// --- The lazy accessor ---------------------------------------------------

/// gConfig -> config, g_pool -> pool, sInstance -> instance, kLog -> log.
std::string derivedName(llvm::StringRef Var) {
  llvm::StringRef Name = Var;
  if (Name.size() > 2 && Name[1] == '_' &&
      (Name[0] == 'g' || Name[0] == 's' || Name[0] == 'k'))
    Name = Name.drop_front(2);
  else if (Name.size() > 1 &&
           (Name[0] == 'g' || Name[0] == 's' || Name[0] == 'k') &&
           isUppercase(Name[1]))
    Name = Name.drop_front(1);
  Name = Name.rtrim('_');
  if (Name.empty() || !isAsciiIdentifierStart(Name[0]))
    return Var.str();
  std::string Result = Name.str();
  // Lower the first letter, unless it starts an acronym ("URLCache").
  if (isUppercase(Result[0]) && (Result.size() == 1 || !isUppercase(Result[1])))
    Result[0] = toLowercase(Result[0]);
  return Result;
}

/// The identifier \p Name as the translation unit knows it: null when no
/// token of the TU (declaration, use, macro) ever spelled it.
const IdentifierInfo *knownIdentifier(llvm::StringRef Name,
                                      const ASTContext &Ctx) {
  auto It = Ctx.Idents.find(Name);
  return It == Ctx.Idents.end() ? nullptr : It->getValue();
}

/// No keyword, and nothing declared with that name in the scopes enclosing
/// the variable.
bool nameIsAvailable(llvm::StringRef Name, const VarDecl &Var,
                     const ASTContext &Ctx) {
  const IdentifierInfo *II = knownIdentifier(Name, Ctx);
  if (!II)
    return true;
  if (II->isKeyword(Ctx.getLangOpts()))
    return false;
  for (const DeclContext *DC = Var.getDeclContext(); DC; DC = DC->getParent())
    if (!DC->getRedeclContext()->lookup(DeclarationName(II)).empty())
      return false;
  return true;
}

/// The accessor's name: derived from the variable's, with "Instance"
/// appended when that is taken, else the variable's own name (which the
/// variable gives up).
std::string accessorName(const VarDecl &Var, const ASTContext &Ctx) {
  std::string Name = derivedName(Var.getName());
  if (Name == Var.getName() || nameIsAvailable(Name, Var, Ctx))
    return Name;
  if (nameIsAvailable(Name + "Instance", Var, Ctx))
    return Name + "Instance";
  return Var.getName().str();
}

/// A type as the user could write it at the declaration: written scopes,
/// no "(anonymous namespace)::"; empty when it has no name to write.
std::string typeText(QualType T, const ASTContext &Ctx,
                     llvm::StringRef Placeholder = {}) {
  if (T.isNull())
    return {};
  const Type *Base = T->getBaseElementTypeUnsafe();
  while (Base && (Base->isPointerType() || Base->isReferenceType()))
    Base = Base->getPointeeType().getTypePtrOrNull();
  if (Base)
    if (const auto *RD = Base->getAsCXXRecordDecl())
      if (RD->isLambda() ||
          (!RD->getIdentifier() && !RD->getTypedefNameForAnonDecl()))
        return {};
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  Policy.AnonymousTagLocations = false;
  std::string S;
  llvm::raw_string_ostream OS(S);
  T.print(OS, Policy, Placeholder);
  return OS.str();
}

std::string declare(llvm::StringRef Type, llvm::StringRef Name) {
  return (Type + " " + Name).str();
}

struct Accessor {
  std::string Name;
  std::string Text;         ///< Empty when the type cannot be written.
  std::string FixText;      ///< Replacement of the whole declaration.
  std::string NoDestructor; ///< The never-destroyed variant, when it differs.
};

Accessor makeAccessor(const Candidate &C, const ASTContext &Ctx) {
  const VarDecl &Var = *C.Var;
  Accessor A;
  A.Name = accessorName(Var, Ctx);
  // Types are written as in the template a static member or variable
  // template instance comes from: `T`, not the type it was instantiated with.
  // So is the source text: an instance's expressions can have partial ranges.
  const VarDecl *Pattern = Var.getTemplateInstantiationPattern();
  const VarDecl &Src = Pattern ? *Pattern : Var;
  QualType T = Src.getType();
  if (T.isNull())
    return A;
  const SourceManager &SM = Ctx.getSourceManager();

  // The initializer as written after the declarator (the name, and an
  // array's bounds): ` = ...`, `(...)`, `{...}`.
  std::string Init;
  SourceLocation DeclaratorEnd = Src.getLocation();
  if (const TypeSourceInfo *TSI = Src.getTypeSourceInfo())
    if (T->isArrayType() && TSI->getTypeLoc().getEndLoc().isValid())
      DeclaratorEnd = TSI->getTypeLoc().getEndLoc();
  SourceLocation AfterName =
      Lexer::getLocForEndOfToken(DeclaratorEnd, 0, SM, Ctx.getLangOpts());
  if (AfterName.isValid() && Src.getEndLoc().isFileID() &&
      SM.isBeforeInTranslationUnit(AfterName, Src.getEndLoc()))
    Init = sourceTextOnOneLine(CharSourceRange::getTokenRange(AfterName, Src.getEndLoc()),
                      Ctx);
  // An initializer written in a macro cannot be repeated in the accessor.
  if (Init.empty() && hasWrittenInitializer(Src))
    return A;
  if (!Init.empty() && Init[0] == '=')
    Init = " " + Init;
  // The initializer expression alone, for `return <expr>;`.
  std::string InitExpr;
  if (const Expr *E = Src.getInit())
    InitExpr = sourceTextOnOneLine(CharSourceRange::getTokenRange(E->getSourceRange()), Ctx);

  std::string Prefix;
  // A variable template's instance: the accessor is a function template.
  if (const auto *Spec = dyn_cast<VarTemplateSpecializationDecl>(&Var)) {
    const TemplateParameterList *Params =
        Spec->getSpecializedTemplate()->getTemplateParameters();
    std::string Header =
        sourceTextOnOneLine(CharSourceRange::getTokenRange(Params->getSourceRange()), Ctx);
    if (Header.empty())
      return A;
    Prefix = Header + " ";
  }
  // The accessor keeps the variable's linkage: a namespace-scope const
  // object is internal without being declared static.
  if (Var.isStaticDataMember() || Var.getStorageClass() == SC_Static ||
      (!Var.isExternallyVisible() && !Var.isInAnonymousNamespace() &&
       Var.getDeclContext()->isFileContext()))
    Prefix += "static ";
  if (Var.isInlineSpecified())
    Prefix += "inline ";

  std::string Body;
  std::string Ret;
  std::string Trailing;
  if (C.Hold == Holder::Pointer || C.Hold == Holder::Reference) {
    QualType PointeeType = T->getPointeeType();
    std::string Pointee =
        PointeeType.isNull() ? std::string() : typeText(PointeeType, Ctx);
    if (Pointee.empty())
      return A;
    const char *Sign = C.Hold == Holder::Pointer ? "*" : "&";
    Ret = Pointee + Sign;
    if (C.Forced && !InitExpr.empty())
      // The accessor is lazy already: call it where the object is needed.
      Body = "return " + InitExpr + ";";
    else if (C.Hold == Holder::Pointer)
      // Never destroyed, as before: nothing deletes the object.
      Body = "static " + Pointee + "* const instance" + Init +
             "; return instance;";
    else
      Body = "static " + Pointee + "& instance" + Init + "; return instance;";
  } else {
    std::string Type = typeText(T, Ctx);
    if (Type.empty())
      return A;
    Ret = Type + "&";
    if (T->isArrayType()) {
      // `auto&` deduction needs C++14; C++11 spells the array reference.
      Ret = Ctx.getLangOpts().CPlusPlus14 ? "auto&" : "auto";
      if (!Ctx.getLangOpts().CPlusPlus14)
        Trailing = " -> " + typeText(Ctx.getLValueReferenceType(T), Ctx);
    }
    std::string Local = T->isArrayType() ? typeText(T, Ctx, "instance")
                                         : Type + " instance";
    Body = "static " + Local + Init + "; return instance;";
    // NoDestructor-style: built on first use, never destroyed, so it can
    // still be used while other globals are destroyed at exit.
    if (!T->isArrayType() && sameClass(T->getAsCXXRecordDecl(), C.Class) &&
        Var.needsDestruction(Ctx) != QualType::DK_none) {
      std::string Args = Init;
      if (compat::startsWith(Args, " = ")) // copy-initialization: `new T(x)`
        Args = "(" + Args.substr(3) + ")";
      A.NoDestructor =
          Prefix + declare(Ret, A.Name) + "() { static " + Type +
          "& instance = *new " + typeText(T.getUnqualifiedType(), Ctx) + Args +
          "; return instance; }";
    }
  }
  if (Ret.empty() || Body.empty())
    return A;
  A.Text = Prefix + declare(Ret, A.Name) + "()" + Trailing + " { " + Body + " }";
  A.FixText = A.Text;
  return A;
}

// --- When the rewrite is a safe fix-it ----------------------------------

/// Finds every reference to the given variables in the translation unit and
/// decides whether each one still means the same thing once the variable is
/// replaced by a call to its accessor.
class UseScanner : public RecursiveASTVisitor<UseScanner> {
  using Base = RecursiveASTVisitor<UseScanner>;

public:
  struct Uses {
    bool PointerHolder = false;
    bool Safe = true;
    bool Assigned = false;
    llvm::SmallVector<SourceLocation, 8> Locs;
  };
  llvm::DenseMap<const Decl *, Uses> Targets; // canonical VarDecl -> uses

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    Context Next = contextOf(D);
    Contexts.push_back(Next);
    bool Result = Base::TraverseDecl(D);
    Contexts.pop_back();
    return Result;
  }

  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S)
      return true;
    // Operands that are never evaluated, or evaluated by the compiler.
    bool Forbidden = isa<UnaryExprOrTypeTraitExpr>(S) ||
                     isa<CXXNoexceptExpr>(S) || isa<CXXTypeidExpr>(S) ||
                     isa<RequiresExpr>(S) || isa<GenericSelectionExpr>(S) ||
                     isa<ConstantExpr>(S);
    if (Forbidden)
      Contexts.push_back(Context::Forbidden);
    Parents.push_back(S);
    bool Result = Base::TraverseStmt(S, nullptr);
    Parents.pop_back();
    if (Forbidden)
      Contexts.pop_back();
    return Result;
  }

  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &Arg) {
    Contexts.push_back(Context::Forbidden);
    bool Result = Base::TraverseTemplateArgumentLoc(Arg);
    Contexts.pop_back();
    return Result;
  }

  // Rest: LLVM 22's extra `bool TraverseQualifier` (see Compat.h).
  template <typename... Rest>
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc TL, Rest... R) {
    Contexts.push_back(Context::Forbidden);
    bool Result = Base::TraverseDecltypeTypeLoc(TL, R...);
    Contexts.pop_back();
    return Result;
  }

  bool VisitUsingShadowDecl(UsingShadowDecl *D) {
    if (Uses *U = lookup(D->getTargetDecl()))
      U->Safe = false; // `using ns::gFoo;` names the variable too.
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Uses *U = lookup(E->getDecl());
    if (!U)
      return true;
    U->Locs.push_back(E->getLocation());
    if (E->getLocation().isMacroID() || current() != Context::Runtime)
      U->Safe = false;
    const Stmt *P = parentOf(E);
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P))
      if (BO->isAssignmentOp() && strip(BO->getLHS()) == E)
        U->Assigned = true;
    // A pointer variable becomes a prvalue: it may only be read.
    if (U->PointerHolder) {
      const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P);
      if (!Cast || Cast->getCastKind() != CK_LValueToRValue)
        U->Safe = false;
    }
    return true;
  }

private:
  enum class Context { Outside, Runtime, Forbidden };

  Uses *lookup(const Decl *D) {
    if (!D)
      return nullptr;
    auto It = Targets.find(D->getCanonicalDecl());
    return It == Targets.end() ? nullptr : &It->second;
  }

  Context current() const {
    return Contexts.empty() ? Context::Outside : Contexts.back();
  }

  static bool isDecltypeAuto(QualType T) {
    if (T.isNull())
      return false;
    const AutoType *Auto = T->getContainedAutoType();
    return Auto && Auto->isDecltypeAuto();
  }

  /// Whether a reference inside \p D is evaluated at run time, in a function
  /// body where `name()` means exactly what the variable meant.
  Context contextOf(const Decl *D) const {
    if (current() == Context::Forbidden)
      return Context::Forbidden;
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->isConstexpr() || FD->isConsteval() ||
          isDecltypeAuto(FD->getDeclaredReturnType()))
        return Context::Forbidden;
      return FD->doesThisDeclarationHaveABody() ? Context::Runtime
                                                : Context::Outside;
    }
    if (const auto *VD = dyn_cast<VarDecl>(D)) {
      if (VD->isConstexpr() || VD->hasAttr<ConstInitAttr>() ||
          isDecltypeAuto(VD->getType()))
        return Context::Forbidden;
      if (isa<ParmVarDecl>(VD) || VD->isLocalVarDecl())
        return current(); // Default arguments, locals: as their function.
      return Context::Outside;
    }
    if (isa<BlockDecl>(D) || isa<CapturedDecl>(D))
      return current();
    return Context::Outside;
  }

  const Stmt *parentOf(const Stmt *Child) const {
    // Parents.back() is the DeclRefExpr itself.
    for (size_t I = Parents.size(); I-- > 0;) {
      const Stmt *P = Parents[I];
      if (P == Child || isa<ParenExpr>(P))
        continue;
      return P;
    }
    return nullptr;
  }

  llvm::SmallVector<Context, 16> Contexts;
  llvm::SmallVector<const Stmt *, 32> Parents;
};

/// The declaration alone: a private variable of the main file, declared once
/// with one declarator, no attributes, no macro, that the accessor can
/// replace token for token.
bool declarationIsReplaceable(const Candidate &C, const StaticInitializer &SI,
                              const Accessor &A, ASTContext &Ctx,
                              CharSourceRange &Range) {
  const VarDecl &Var = *C.Var;
  const SourceManager &SM = Ctx.getSourceManager();
  if (A.FixText.empty() || SI.InMacro || Var.isExternallyVisible() ||
      Var.isStaticDataMember() || Var.getPreviousDecl() ||
      Var.getMostRecentDecl() != &Var || Var.hasAttrs() ||
      Var.getTemplateSpecializationKind() != TSK_Undeclared ||
      Var.isTemplated() || !Var.getDeclContext()->isFileContext() ||
      Var.getTLSKind() != VarDecl::TLS_None)
    return false;
  SourceLocation Begin = Var.getOuterLocStart();
  SourceLocation End = Var.getEndLoc();
  if (Begin.isInvalid() || End.isInvalid() || Begin.isMacroID() ||
      End.isMacroID() || !SM.isInMainFile(Begin))
    return false;
  // One declarator: `static Foo a, b;` shares its start with another decl.
  for (const Decl *Other : Var.getDeclContext()->decls())
    if (Other != &Var && isa<VarDecl>(Other) &&
        Other->getBeginLoc() == Var.getBeginLoc())
      return false;
  std::optional<Token> Semi =
      compat::toStd(Lexer::findNextToken(End, SM, Ctx.getLangOpts()));
  if (!Semi || !Semi->is(tok::semi) || Semi->getLocation().isMacroID())
    return false;
  // The initializer moves into the accessor, where `instance` is a local.
  if (const Expr *Init = Var.getInit(); Init && !C.Forced) {
    std::string InitText = sourceTextOnOneLine(
        CharSourceRange::getTokenRange(Init->getSourceRange()), Ctx);
    if (llvm::StringRef(InitText).contains("instance"))
      return false;
  }
  // A new name must be new to the whole translation unit: then no
  // declaration can collide with it or shadow it at any use.
  if (A.Name != Var.getName() && knownIdentifier(A.Name, Ctx))
    return false;
  Range = CharSourceRange::getTokenRange(Begin, Semi->getLocation());
  return true;
}

} // namespace

std::vector<Finding>
findEagerSingletons(ASTContext &Ctx, llvm::ArrayRef<StaticInitializer> Inits,
                    const EagerSingletonOptions &Opts) {
  struct Pending {
    Finding F;
    Candidate C;
    Accessor A;
    CharSourceRange DeclRange;
  };
  std::vector<Pending> Found;
  const SourceManager &SM = Ctx.getSourceManager();

  for (const StaticInitializer &SI : Inits) {
    // Constant-initialized globals, constinit, thread_local, function-local
    // statics (never collected) and registrars stay silent.
    if (!SI.runsBeforeMain() || !SI.DynamicInit || SI.Registrar ||
        SI.Storage == StorageKind::ConstructorFunction || !SI.Decl)
      continue;
    std::optional<Candidate> C = classify(SI);
    if (!C)
      continue;
    // A private object nothing names is built for its constructor's side
    // effect, like a registrar: deferring it would drop that effect.
    if (!C->Var->isExternallyVisible() && !C->Var->isReferenced())
      continue;

    std::vector<ResourceUse> Resources = resourcesOf(SI, *C, Opts);
    // A library value that only reads the clock is a timestamp
    // (`auto gStart = steady_clock::now();`), eager on purpose: built on
    // first use it would hold another time.
    if (isInStdLibrary(C->Class) && (SI.Cost.Effects & ~EffectClock &
                                     resourceEffectBits()) == 0)
      Resources.clear();
    // Callees without a body here (the walk's budget running out is not
    // "not visible": the code was seen, only not to its end).
    bool Unseen = llvm::any_of(SI.Cost.UnknownCallees, [](const std::string &N) {
      return N != "(walk budget exhausted)";
    });
    if (Resources.empty() && !(C->Classic && Unseen))
      continue;

    Pending P;
    P.C = *C;
    Finding &F = P.F;
    F.Check = EagerSingletonCheck;
    F.Init = &SI;
    F.Loc = SI.location();
    SourceLocation NoteLoc = SM.getExpansionLoc(F.Loc);
    std::string Name = "'" + displayName(*C->Var) + "'";
    if (C->Forced) {
      F.Message = Name + " forces '" + qualifiedName(C->Forced) +
                  "' to run before main";
      F.Message += Resources.empty()
                       ? ", through code not visible in this translation unit"
                       : ": " + describeResources(Resources);
    } else if (!Resources.empty()) {
      F.Message = Name + " acquires resources before main: " +
                  describeResources(Resources);
    } else {
      F.Message = Name + " is built before main by code not visible in this "
                         "translation unit";
    }
    F.Message += ": " + SI.Cost.summary();

    if (SI.Cost.hasUnknowns()) {
      std::string Names;
      for (const std::string &Callee : SI.Cost.UnknownCallees)
        Names += (Names.empty() ? "'" : ", '") + Callee + "'";
      F.Notes.push_back({NoteLoc, "the estimate excludes calls whose bodies are "
                                  "not visible in this translation unit: " +
                                      Names});
    }
    P.A = makeAccessor(*C, Ctx);
    if (C->Forced) {
      F.Notes.push_back(
          {NoteLoc, "'" + qualifiedName(C->Forced) +
                        "' builds the object on first use: call it where the "
                        "object is needed" +
                        (P.A.Text.empty() ? std::string()
                                          : ": " + P.A.Text)});
    } else {
      std::string Note = "construct it on first use";
      if (P.A.Text.empty())
        Note += " with a function-local static (thread-safe since C++11)";
      else
        Note += ": " + P.A.Text;
      F.Notes.push_back({NoteLoc, Note});
      if (!P.A.NoDestructor.empty())
        F.Notes.push_back(
            {NoteLoc, "if it must outlive the destructors of other globals, "
                      "never destroy it (NoDestructor-style): " +
                          P.A.NoDestructor});
    }
    if (!declarationIsReplaceable(P.C, SI, P.A, Ctx, P.DeclRange))
      P.DeclRange = CharSourceRange();
    Found.push_back(std::move(P));
  }

  // Fix-its: one scan of the translation unit for the uses of every private
  // candidate; a fix-it only when each use can become a call.
  UseScanner Scanner;
  for (const Pending &P : Found)
    if (P.DeclRange.isValid())
      Scanner.Targets[P.C.Var->getCanonicalDecl()].PointerHolder =
          P.C.Hold == Holder::Pointer;
  if (!Scanner.Targets.empty())
    Scanner.TraverseDecl(Ctx.getTranslationUnitDecl());

  std::vector<Finding> Result;
  for (Pending &P : Found) {
    auto It = Scanner.Targets.find(P.C.Var->getCanonicalDecl());
    if (It != Scanner.Targets.end()) {
      const UseScanner::Uses &U = It->second;
      if (U.Assigned && P.C.Hold == Holder::Pointer)
        P.F.Notes.push_back(
            {SM.getExpansionLoc(P.F.Loc),
             "it is also assigned elsewhere: if it must be created there, "
             "create it once with std::call_once"});
      if (U.Safe && !U.Locs.empty()) {
        P.F.Fixes.push_back(
            FixItHint::CreateReplacement(P.DeclRange, P.A.FixText));
        llvm::SmallVector<SourceLocation, 8> Done;
        for (SourceLocation Loc : U.Locs) {
          if (llvm::is_contained(Done, Loc))
            continue; // A template's uses, seen once per instantiation.
          Done.push_back(Loc);
          P.F.Fixes.push_back(FixItHint::CreateReplacement(
              CharSourceRange::getTokenRange(Loc, Loc), P.A.Name + "()"));
        }
      }
    }
    Result.push_back(std::move(P.F));
  }
  return Result;
}

} // namespace initscan
