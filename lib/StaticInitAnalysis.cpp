//===- StaticInitAnalysis.cpp - Enumerate and classify start-up code -------===//
//
// Which globals run code before main is decided the way Clang's CodeGen
// decides it (CodeGenModule::EmitGlobalVarDefinition): a definition that is
// emitted in this TU gets a __cxx_global_var_init function when its
// initializer cannot be emitted as a constant, or when its type has a
// non-trivial destructor to register with __cxa_atexit.
//
//===----------------------------------------------------------------------===//

#include "initscan/StaticInitAnalysis.h"
#include "ASTSupport.h"
#include "CostEstimator.h"
#include "CostModel.h"
#include "Rewrite.h"
#include "StdLibModel.h"
#include "initscan/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>
#include <mutex>

using namespace clang;

namespace initscan {

llvm::StringRef storageKindName(StorageKind K) {
  switch (K) {
  case StorageKind::Namespace: return "namespace";
  case StorageKind::StaticMember: return "static-member";
  case StorageKind::ThreadLocal: return "thread-local";
  case StorageKind::ConstructorFunction: return "constructor-function";
  }
  return "namespace";
}

const VarDecl *StaticInitializer::var() const {
  return dyn_cast_or_null<VarDecl>(Decl);
}
const FunctionDecl *StaticInitializer::function() const {
  return dyn_cast_or_null<FunctionDecl>(Decl);
}
SourceLocation StaticInitializer::location() const {
  return Decl ? Decl->getLocation() : SourceLocation();
}

namespace {

/// Collects the definitions of variables with static storage duration and of
/// constructor functions. Statements are never entered: globals are declared
/// at declaration level, and skipping bodies keeps the walk cheap.
class DefinitionCollector : public RecursiveASTVisitor<DefinitionCollector> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseStmt(Stmt *) { return true; }
  // Lambdas' and blocks' bodies hold only local declarations.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  // Types declare nothing: a class defined in a declaration's type is also a
  // member of the enclosing context and is reached from there.
  // (Variadic: LLVM 22 added a TraverseQualifier flag to the first two.)
  template <typename... Flags> bool TraverseTypeLoc(TypeLoc, Flags...) {
    return true;
  }
  template <typename... Flags> bool TraverseType(QualType, Flags...) {
    return true;
  }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc) { return true; }

  bool VisitVarDecl(VarDecl *VD) {
    if (!VD->hasGlobalStorage() || VD->isStaticLocal() || VD->isLocalVarDecl() ||
        isa<ParmVarDecl>(VD) || isa<VarTemplatePartialSpecializationDecl>(VD))
      return true;
    if (VD->isTemplated() || VD->getDeclContext()->isDependentContext())
      return true;
    if (VarDecl *Def = VD->getDefinition())
      if (Seen.insert(Def).second)
        Vars.push_back(Def);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->hasAttr<ConstructorAttr>() && FD->doesThisDeclarationHaveABody() &&
        !FD->isTemplated() && Seen.insert(FD).second)
      Functions.push_back(FD);
    return true;
  }

  std::vector<VarDecl *> Vars;
  std::vector<FunctionDecl *> Functions;

private:
  llvm::SmallPtrSet<const Decl *, 32> Seen;
};

/// Mirrors CodeGen's choice between a constant initializer and a dynamic one.
bool hasConstantInitializer(const VarDecl &Def) {
  const Expr *Init = Def.getInit();
  if (!Init)
    return true; // Zero-initialized.
  // CodeGen's quick path: a trivial default constructor is zero-fill.
  if (!Def.getType()->isReferenceType()) {
    QualType Elem = Def.getASTContext().getBaseElementType(Def.getType());
    if (Elem->isRecordType())
      if (const auto *CE = dyn_cast<CXXConstructExpr>(Init))
        if (CE->getConstructor()->isTrivial() &&
            CE->getConstructor()->isDefaultConstructor())
          return true;
  }
  if (Def.hasConstantInitialization())
    return true;
  // The evaluator in folding mode accepts more than C++ constant expressions
  // (e.g. reads of const non-constexpr variables); CodeGen uses it too.
  return Def.evaluateValue() != nullptr;
}

bool initializerIsAnalyzable(const VarDecl &Def) {
  if (Def.isInvalidDecl() || Def.getType()->isDependentType() ||
      Def.getType()->isUndeducedType())
    return false;
  if (const Expr *Init = Def.getInit())
    if (Init->isValueDependent() || Init->isTypeDependent() ||
        Init->containsErrors())
      return false;
  return true;
}

/// The definition is emitted by this TU (not only declared, not left to
/// another TU, not a discardable entity nobody uses).
bool isEmittedHere(ASTContext &Ctx, const VarDecl &Def) {
  GVALinkage Linkage = Ctx.GetGVALinkageForVariable(&Def);
  if (Linkage == GVA_AvailableExternally)
    return false;
  return Def.isUsed() || Ctx.DeclMustBeEmitted(&Def);
}

/// A definition CodeGen emits only when emitted code refers to it, and whose
/// references need not be odr-uses (a constant's value can be read without
/// its object), so Sema's isUsed() alone does not say whether it is emitted:
/// clang up to 16 marks `std::integral_constant<bool, B>::value` used when it
/// instantiates a default template argument like libstdc++'s `bool =
/// is_const<T>::value`, though no expression refers to it and no object is
/// emitted (clang 17 and later do not).
bool emittedOnlyIfOdrUsed(ASTContext &Ctx, const VarDecl &Def) {
  return !Ctx.DeclMustBeEmitted(&Def) &&
         Def.isUsableInConstantExpressions(Ctx);
}

/// Removes from Unconfirmed (canonical declarations) every variable that an
/// expression of the TU odr-uses. References in template patterns count too
/// (their odr-use flag is not computed): a variable named there stays listed,
/// as Sema's mark said.
class OdrUseFinder : public RecursiveASTVisitor<OdrUseFinder> {
public:
  explicit OdrUseFinder(llvm::SmallPtrSetImpl<const VarDecl *> &Unconfirmed)
      : Unconfirmed(Unconfirmed) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  // Returning false ends the walk once every variable is confirmed.
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    return confirm(E->getDecl(), E->isNonOdrUse());
  }
  bool VisitMemberExpr(MemberExpr *E) {
    return confirm(E->getMemberDecl(), E->isNonOdrUse());
  }

private:
  bool confirm(const ValueDecl *D, NonOdrUseReason Reason) {
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (Reason == NOUR_None)
        Unconfirmed.erase(VD->getCanonicalDecl());
    return !Unconfirmed.empty();
  }

  llvm::SmallPtrSetImpl<const VarDecl *> &Unconfirmed;
};

/// "x", "ns::Table<int>::key", "label<long>", "[first, second]".
std::string displayName(const NamedDecl &D, const PrintingPolicy &Policy,
                        bool Qualified) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  if (const auto *Decomp = dyn_cast<DecompositionDecl>(&D)) {
    OS << "[";
    llvm::interleaveComma(Decomp->bindings(), OS,
                          [&](const BindingDecl *B) { OS << B->getName(); });
    OS << "]";
    return OS.str();
  }
  D.getNameForDiagnostic(OS, Policy, Qualified);
  return OS.str();
}

/// A class whose objects offer nothing but having been built: no state and
/// no member function besides constructors, destructor and assignment
/// (none in its bases either), like ninja's `struct RegisterFoo {
/// RegisterFoo() { RegisterTest(...); } };`. Nothing can use such an object,
/// so one is only ever defined for what its constructor does.
bool offersOnlyConstruction(const CXXRecordDecl *Record) {
  Record = Record ? Record->getDefinition() : nullptr;
  if (!Record || !Record->isEmpty() || Record->isPolymorphic())
    return false;
  for (const CXXMethodDecl *Method : Record->methods())
    if (!Method->isImplicit() && !Method->isStatic() &&
        !isa<CXXConstructorDecl, CXXDestructorDecl>(Method) &&
        !Method->isCopyAssignmentOperator() &&
        !Method->isMoveAssignmentOperator())
      return false;
  return llvm::all_of(Record->bases(), [](const CXXBaseSpecifier &Base) {
    return offersOnlyConstruction(Base.getType()->getAsCXXRecordDecl());
  });
}

/// Built for its initializer's side effect only: a registrar. Building it
/// on first use would drop the effect, as nothing would ever use it.
/// - a private object never named again (`static Registrar r("name", &fn);`,
///   pugixml's `static struct test_runner_foo : test_runner {...} instance;`
///   whose constructor links it into a list);
/// - an object of a class that offers nothing but its construction, whatever
///   its linkage (ninja's `RegisterFoo g_register_Foo;` from its TEST());
/// - a private variable never named again that holds the result of a call
///   (`static bool registered = registerHandler("name", fn);`, benchmark's
///   `static Benchmark* b = RegisterBenchmarkInternal(new ...)->Arg(1);`,
///   `static int anchor = InitializeStreams();`).
bool isRegistrar(const VarDecl &Def) {
  if (!Def.getInit() || Def.isReferenced() || isa<DecompositionDecl>(Def))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(stripTemporaries(Def.getInit()))) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    return !Def.isExternallyVisible() && Callee && !isInStdLibrary(Callee);
  }
  const auto *Construct = dyn_cast<CXXConstructExpr>(Def.getInit()->IgnoreImplicit());
  const CXXRecordDecl *Record = Def.getType()->getAsCXXRecordDecl();
  if (!Construct || !Record || isInStdLibrary(Record) ||
      Construct->getConstructor()->isCopyOrMoveConstructor())
    return false;
  return !Def.isExternallyVisible() || offersOnlyConstruction(Record);
}

bool isInSystemHeader(const SourceManager &SM, SourceLocation Loc) {
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

} // namespace

std::vector<StaticInitializer>
analyzeTranslationUnit(ASTContext &Ctx, const AnalysisOptions &Opts) {
  DefinitionCollector Collector;
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());

  const SourceManager &SM = Ctx.getSourceManager();
  StdLibFacts Lib = detectStdLib(Ctx);
  CostEstimator Estimator(Ctx, Lib, Opts);
  std::unique_ptr<MangleContext> Mangler(Ctx.createMangleContext());
  ASTNameGenerator Names(Ctx);

  StringViewUses StringUses(Ctx);
  std::vector<StaticInitializer> Result;
  PrintingPolicy Policy(Ctx.getLangOpts());
  auto Describe = [&](StaticInitializer &SI, const NamedDecl *D) {
    SI.Decl = D;
    SI.Name = displayName(*D, Policy, /*Qualified=*/false);
    SI.QualifiedName = displayName(*D, Policy, /*Qualified=*/true);
    SI.MangledName = Names.getName(D);
    SI.InSystemHeader = isInSystemHeader(SM, D->getLocation());
    SI.InMacro = D->getLocation().isMacroID();
  };

  std::vector<VarDecl *> Emitted;
  llvm::SmallPtrSet<const VarDecl *, 16> NotOdrUsed;
  for (VarDecl *Def : Collector.Vars) {
    if (!initializerIsAnalyzable(*Def) || !isEmittedHere(Ctx, *Def))
      continue;
    Emitted.push_back(Def);
    if (compat::SemaMarksUnusedConstantsUsed &&
        emittedOnlyIfOdrUsed(Ctx, *Def))
      NotOdrUsed.insert(Def->getCanonicalDecl());
  }
  if (!NotOdrUsed.empty())
    OdrUseFinder(NotOdrUsed).TraverseDecl(Ctx.getTranslationUnitDecl());

  for (VarDecl *Def : Emitted) {
    if (NotOdrUsed.count(Def->getCanonicalDecl()))
      continue;
    StaticInitializer SI;
    Describe(SI, Def);
    if (Def->getTLSKind() != VarDecl::TLS_None)
      SI.Storage = StorageKind::ThreadLocal;
    else if (Def->isStaticDataMember())
      SI.Storage = StorageKind::StaticMember;
    SI.DynamicInit = !hasConstantInitializer(*Def);
    SI.RegistersDestructor =
        Def->needsDestruction(Ctx) == QualType::DK_cxx_destructor;
    SI.Registrar = SI.DynamicInit && isRegistrar(*Def);
    if (SI.emitsInitFunction()) {
      SI.Cost.add(charge(CostOp::InitFunction));
      if (SI.DynamicInit)
        SI.Cost.add(Estimator.estimateInitializer(*Def, SI.HeapCallables));
      if (SI.RegistersDestructor)
        SI.Cost.add(charge(CostOp::AtExitRegistration));
      SI.Cost.normalize();
      if (Opts.SuggestRewrites)
        SI.Suggestion = suggestRewrite(SI, Ctx, StringUses);
    }
    Result.push_back(std::move(SI));
  }

  for (FunctionDecl *Fn : Collector.Functions) {
    StaticInitializer SI;
    Describe(SI, Fn);
    SI.Storage = StorageKind::ConstructorFunction;
    SI.DynamicInit = true;
    SI.Cost = Estimator.estimateBody(*Fn, SI.HeapCallables);
    SI.Cost.normalize();
    Result.push_back(std::move(SI));
  }

  // Source order. The keys are computed once and the (large) initializers
  // moved once: a TU of registration macros has thousands of them, and
  // resolving macro locations in every comparison dominated the analysis.
  std::vector<std::pair<SourceLocation, size_t>> Order;
  Order.reserve(Result.size());
  for (size_t I = 0; I < Result.size(); ++I)
    Order.emplace_back(SM.getExpansionLoc(Result[I].location()), I);
  auto Before = [&](const std::pair<SourceLocation, size_t> &A,
                    const std::pair<SourceLocation, size_t> &B) {
    return SM.isBeforeInTranslationUnit(A.first, B.first);
  };
  if (!std::is_sorted(Order.begin(), Order.end(), Before)) {
    std::stable_sort(Order.begin(), Order.end(), Before);
    std::vector<StaticInitializer> Sorted;
    Sorted.reserve(Result.size());
    for (const auto &[Loc, Index] : Order)
      Sorted.push_back(std::move(Result[Index]));
    Result = std::move(Sorted);
  }
  return Result;
}

namespace {
/// The analysis of the TU clang-tidy is checking. One entry suffices:
/// clang-tidy runs all checks of one TU before the next.
struct CachedAnalysis {
  std::mutex Lock;
  const ASTContext *Ctx = nullptr;
  std::vector<StaticInitializer> Result;
};
CachedAnalysis &cachedAnalysis() {
  static CachedAnalysis Cache;
  return Cache;
}
/// Called when the ASTContext is destroyed. A later TU's ASTContext (and its
/// TranslationUnitDecl, and its main FileID) can have the same address or
/// value as the dead one's, so no key can tell a stale entry, whose
/// declarations are freed, from a live one: the entry goes with its context.
void forgetCachedAnalysis(void *Ctx) {
  CachedAnalysis &Cache = cachedAnalysis();
  std::lock_guard<std::mutex> Guard(Cache.Lock);
  if (Cache.Ctx == Ctx) {
    Cache.Ctx = nullptr;
    Cache.Result.clear();
  }
}
} // namespace

const std::vector<StaticInitializer> &
analyzeTranslationUnitCached(ASTContext &Ctx, const AnalysisOptions &Opts) {
  CachedAnalysis &Cache = cachedAnalysis();
  std::lock_guard<std::mutex> Guard(Cache.Lock);
  if (Cache.Ctx != &Ctx) {
    Cache.Result = analyzeTranslationUnit(Ctx, Opts);
    Cache.Ctx = &Ctx;
    Ctx.AddDeallocation(forgetCachedAnalysis, &Ctx);
  }
  return Cache.Result;
}

} // namespace initscan
