//===- CostEstimator.cpp - Walks initializers and charges the model --------===//

#include "CostEstimator.h"
#include "ASTSupport.h"
#include "CostModel.h"
#include "RegexModel.h"
#include "StdLibModel.h"
#include "initscan/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace initscan {

// Length assumed for a string whose source is not a literal (a parameter, a
// computed value): short names dominate registrar keys and config values.
static constexpr uint64_t AssumedStringLength = 12;
// Element count assumed for a container built from a range of unknown size.
static constexpr uint64_t AssumedRangeElements = 4;

/// The expression a parameter was bound to at the call being walked (a
/// literal argument), or \p E itself.
const Expr *CostEstimator::resolveArgument(const Expr *E) const {
  E = stripTemporaries(E);
  for (unsigned Hops = 0; E && Hops < 8; ++Hops) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *Parm = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    auto It = Parm ? Arguments.find(Parm) : Arguments.end();
    if (It == Arguments.end())
      break;
    E = stripTemporaries(It->second);
  }
  return E;
}

/// Length of the string an argument denotes when it is a literal (also
/// through a parameter bound to one).
std::optional<uint64_t> CostEstimator::literalLength(const Expr *E) const {
  E = resolveArgument(E);
  if (const auto *SL = dyn_cast_or_null<StringLiteral>(E))
    return SL->getLength();
  // `v ? v : "fallback"` (getenv with a default): a fresh environment takes
  // the literal arm, so its length is the one that decides allocation.
  if (const auto *CO = dyn_cast_or_null<AbstractConditionalOperator>(E)) {
    std::optional<uint64_t> T = literalLength(CO->getTrueExpr());
    std::optional<uint64_t> F = literalLength(CO->getFalseExpr());
    if (T || F)
      return std::max(T.value_or(0), F.value_or(0));
  }
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    if (CE->getNumArgs() >= 1)
      return literalLength(CE->getArg(0));
  return std::nullopt;
}

/// Number of elements of a std::initializer_list argument, if \p E is one.
static const InitListExpr *initializerListElements(const Expr *E) {
  E = stripTemporaries(E);
  if (const auto *IL = dyn_cast_or_null<CXXStdInitializerListExpr>(E))
    return dyn_cast<InitListExpr>(stripTemporaries(IL->getSubExpr()));
  return nullptr;
}

/// The table has per-library twins where libstdc++ and libc++ differ by more
/// than 2x (bench/calibrate); this picks the one for the detected library.
static CostOp forLibrary(CostOp Op, const StdLibFacts &Lib) {
  if (Lib.Kind != StdLibKind::LibCxx)
    return Op;
  switch (Op) {
  case CostOp::LocaleFirstUse: return CostOp::LocaleFirstUseLibCxx;
  case CostOp::RegexCompile: return CostOp::RegexCompileLibCxx;
  case CostOp::RegexState: return CostOp::RegexStateLibCxx;
  case CostOp::RegexBracket: return CostOp::RegexBracketLibCxx;
  case CostOp::RegexCacheTransform: return CostOp::RegexCacheTransformLibCxx;
  case CostOp::LocaleConstruct: return CostOp::LocaleConstructLibCxx;
  case CostOp::IostreamInit: return CostOp::IostreamInitLibCxx;
  case CostOp::ThreadStart: return CostOp::ThreadStartLibCxx;
  default: return Op;
  }
}

/// Calls \p F on every declaration \p E refers to.
static void forEachDeclRef(const Stmt *E,
                           llvm::function_ref<void(const NamedDecl *)> F) {
  if (!E)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    F(DRE->getDecl());
  for (const Stmt *Child : E->children())
    forEachDeclRef(Child, F);
}

/// The std::regex_constants flags named in a basic_regex flag argument.
static RegexFlags regexFlags(const Expr *E) {
  RegexFlags Flags;
  if (!E || isa<CXXDefaultArgExpr>(E))
    return Flags;
  bool Named = false;
  forEachDeclRef(E, [&](const NamedDecl *D) {
    llvm::StringRef Name = D->getName();
    Named = true;
    if (Name == "icase")
      Flags.ICase = true;
    else if (Name == "nosubs")
      Flags.NoSubs = true;
    else if (Name != "ECMAScript" && Name != "optimize" && Name != "multiline")
      Flags.Supported = false;
  });
  Flags.Supported &= Named;
  return Flags;
}

/// Bucket arrays a hash container allocates while growing to \p Elements
/// from empty: libstdc++ starts at 13 buckets and doubles, libc++ at 2 and
/// doubles plus one (umap_int_01..64: 1,1,2,4 / 1,2,4,6 arrays).
static uint64_t hashBucketArrays(uint64_t Elements, const StdLibFacts &Lib) {
  if (Elements == 0)
    return 0;
  bool LibCxx = Lib.Kind == StdLibKind::LibCxx;
  uint64_t Buckets = LibCxx ? 2 : 13, Arrays = 1;
  while (Buckets < Elements && Arrays < 64) {
    Buckets = LibCxx ? 2 * Buckets + 1 : 2 * Buckets + 3;
    ++Arrays;
  }
  return Arrays;
}

static std::string describe(const FunctionDecl *Fn) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn))
    if (Method->getParent()->isLambda()) {
      const SourceManager &SM = Fn->getASTContext().getSourceManager();
      PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Fn->getLocation()));
      OS << "lambda";
      if (P.isValid())
        OS << " at " << llvm::sys::path::filename(P.getFilename()) << ":"
           << P.getLine();
      return OS.str();
    }
  Fn->printQualifiedName(OS);
  return OS.str();
}

/// The constructor of T that std::make_unique<T>/make_shared<T>(args...)
/// runs, when the argument count picks exactly one.
static const CXXConstructorDecl *constructorMadeBy(const CallExpr *E,
                                                   const FunctionDecl *Callee) {
  const TemplateArgumentList *Args = Callee->getTemplateSpecializationArgs();
  if (!Args || Args->size() < 1 ||
      Args->get(0).getKind() != TemplateArgument::Type)
    return nullptr;
  const CXXRecordDecl *RD = Args->get(0).getAsType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->isDependentType())
    return nullptr;
  const CXXConstructorDecl *Found = nullptr;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    if (Ctor->isDeleted() || Ctor->getMinRequiredArguments() > E->getNumArgs() ||
        (!Ctor->isVariadic() && Ctor->getNumParams() < E->getNumArgs()))
      continue;
    if (E->getNumArgs() == 1 && Ctor->isCopyOrMoveConstructor())
      continue;
    if (Found)
      return nullptr; // Ambiguous by count alone.
    Found = Ctor;
  }
  return Found;
}

InitCost CostEstimator::estimateInitializer(const VarDecl &Var,
                                            std::vector<HeapCallable> &Events) {
  InitCost Out;
  Budget = Opts.StatementBudget;
  HeapCallables = &Events;
  if (const Expr *Init = Var.getInit()) {
    QualType T = Var.getType();
    // An array of class type constructed element by element.
    uint64_t Elements = 1;
    if (const auto *CAT = Ctx.getAsConstantArrayType(T))
      if (isa<CXXConstructExpr>(Init->IgnoreImplicit()))
        Elements = Ctx.getConstantArrayElementCount(CAT);
    if (Elements > 1) {
      InitCost One;
      visit(Init, One, 0);
      Out.addScaled(One, Elements);
    } else {
      visit(Init, Out, 0);
    }
  }
  if (Budget == 0) {
    ++Out.UnknownCalls;
    Out.UnknownCallees.push_back("(walk budget exhausted)");
  }
  return Out;
}

InitCost CostEstimator::estimateBody(const FunctionDecl &Fn,
                                     std::vector<HeapCallable> &Events) {
  InitCost Out;
  Budget = Opts.StatementBudget;
  HeapCallables = &Events;
  const FunctionDecl *Def = nullptr;
  if (Fn.hasBody(Def) && Def->getBody()) {
    Out.add(charge(CostOp::Call));
    InProgress.insert(Def);
    visit(Def->getBody(), Out, 0);
    InProgress.erase(Def);
  }
  return Out;
}

void CostEstimator::chargeFunctionCall(const FunctionDecl *Fn, InitCost &Out,
                                       unsigned Depth,
                                       llvm::ArrayRef<const Expr *> Args) {
  std::string Name = describe(Fn);
  if (auto Op = knownFunctionCost(Name)) {
    Out.add(charge(*Op, 1));
    return;
  }
  if (isInStdLibrary(Fn)) {
    Out.add(charge(CostOp::LibraryCall, 1, Name));
    return;
  }
  const FunctionDecl *Def = nullptr;
  if (!Fn->hasBody(Def) || !Def || !Def->getBody()) {
    Out.add(charge(CostOp::UnknownCall, 1, "call to " + Name));
    ++Out.UnknownCalls;
    if (Out.UnknownCallees.size() < 8)
      Out.UnknownCallees.push_back(Name);
    return;
  }
  if (InProgress.count(Def) || Depth > Opts.MaxCallDepth) {
    // Recursion or too deep: charge the call itself only.
    Out.add(charge(CostOp::Call));
    return;
  }
  // String literals passed in (a registrar's name, a regex pattern, a
  // default value) decide allocations inside the callee: bind them to its
  // parameters for this walk, which is then specific to the call.
  llvm::SmallVector<std::pair<const ParmVarDecl *, const Expr *>, 4> Bound;
  for (unsigned I = 0; I < Args.size() && I < Def->getNumParams(); ++I)
    if (literalLength(Args[I]))
      Bound.push_back({Def->getParamDecl(I), resolveArgument(Args[I])});
  // Summaries depend on how much depth is left below them and on the
  // lengths of the literals bound (registrars pass names of many lengths,
  // so keying on the text would walk the callee once per registrar); a
  // summary cut short by the budget is not kept.
  uint64_t Literals = 0;
  for (auto [Parm, Arg] : Bound)
    Literals = llvm::hash_combine(Literals, Parm->getFunctionScopeIndex(),
                                  *literalLength(Arg));
  FunctionKey Key{{Def, Depth}, Literals};
  auto It = Functions.find(Key);
  if (It == Functions.end()) {
    llvm::SmallVector<std::pair<const ParmVarDecl *, const Expr *>, 4> Saved;
    for (auto [Parm, Arg] : Bound) {
      auto Old = Arguments.find(Parm);
      Saved.push_back({Parm, Old == Arguments.end() ? nullptr : Old->second});
      Arguments[Parm] = Arg;
    }
    auto Unbind = [&] {
      for (auto [Parm, Old] : llvm::reverse(Saved)) {
        if (Old)
          Arguments[Parm] = Old;
        else
          Arguments.erase(Parm);
      }
    };
    FunctionSummary Summary;
    InitCost &Body = Summary.Cost;
    std::vector<HeapCallable> *Caller = HeapCallables;
    HeapCallables = &Summary.HeapCallables;
    Body.add(charge(CostOp::Call));
    InProgress.insert(Def);
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        visit(Init->getInit(), Body, Depth + 1);
    visit(Def->getBody(), Body, Depth + 1);
    InProgress.erase(Def);
    Unbind();
    HeapCallables = Caller;
    Body.normalize(16);
    if (Budget == 0) {
      Out.add(Body, Name);
      if (HeapCallables)
        for (HeapCallable &Event : Summary.HeapCallables) {
          Event.Via = Event.Via.empty() ? Name : Name + " -> " + Event.Via;
          HeapCallables->push_back(std::move(Event));
        }
      return;
    }
    It = Functions.try_emplace(Key, std::move(Summary)).first;
  }
  Out.add(It->second.Cost, Name);
  if (HeapCallables)
    for (HeapCallable Event : It->second.HeapCallables) {
      Event.Via = Event.Via.empty() ? Name : Name + " -> " + Event.Via;
      HeapCallables->push_back(std::move(Event));
    }
}

void CostEstimator::visitChildren(const Stmt *S, InitCost &Out,
                                  unsigned Depth) {
  for (const Stmt *Child : S->children())
    visit(Child, Out, Depth);
}

/// Trip count of `for (int i = A; i < B; ++i)` with constant bounds.
static std::optional<uint64_t> constantTripCount(const ForStmt *For,
                                                 const ASTContext &Ctx) {
  const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      For->getCond() ? For->getCond()->IgnoreParenImpCasts() : nullptr);
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(
      For->getInc() ? For->getInc()->IgnoreParenImpCasts() : nullptr);
  if (!Init || !Init->isSingleDecl() || !Cond || !Inc || !Inc->isIncrementOp())
    return std::nullopt;
  const auto *IV = dyn_cast<VarDecl>(Init->getSingleDecl());
  if (!IV || !IV->getInit() || IV->getInit()->isValueDependent())
    return std::nullopt;
  Expr::EvalResult Start, End;
  const Expr *Bound = Cond->getRHS();
  if (Bound->isValueDependent() ||
      !IV->getInit()->EvaluateAsInt(Start, Ctx) ||
      !Bound->EvaluateAsInt(End, Ctx))
    return std::nullopt;
  int64_t From = Start.Val.getInt().getExtValue();
  int64_t To = End.Val.getInt().getExtValue();
  if (Cond->getOpcode() == BO_LE)
    ++To;
  else if (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_NE)
    return std::nullopt;
  return To > From ? static_cast<uint64_t>(To - From) : 0;
}

void CostEstimator::visitLoop(const Stmt *Loop, const Stmt *Body,
                              uint64_t TripCount, InitCost &Out,
                              unsigned Depth) {
  // The loop header (condition, increment) is charged with the body.
  InitCost Once;
  for (const Stmt *Child : Loop->children())
    visit(Child, Once, Depth);
  Out.addScaled(Once, TripCount);
  (void)Body;
}

void CostEstimator::visit(const Stmt *S, InitCost &Out, unsigned Depth) {
  if (!S || Budget == 0)
    return;
  --Budget;

  if (const auto *E = dyn_cast<Expr>(S))
    if (E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
      return;

  switch (S->getStmtClass()) {
  // Unevaluated operands never run.
  case Stmt::UnaryExprOrTypeTraitExprClass:
  case Stmt::CXXNoexceptExprClass:
  case Stmt::RequiresExprClass:
    return;
  case Stmt::CXXTypeidExprClass:
    if (!cast<CXXTypeidExpr>(S)->isPotentiallyEvaluated())
      return;
    break;
  case Stmt::CXXConstructExprClass:
  case Stmt::CXXTemporaryObjectExprClass:
    visitConstruct(cast<CXXConstructExpr>(S), Out, Depth);
    return;
  case Stmt::CallExprClass:
  case Stmt::CXXMemberCallExprClass:
  case Stmt::CXXOperatorCallExprClass:
  case Stmt::UserDefinedLiteralClass:
    visitCall(cast<CallExpr>(S), Out, Depth);
    return;
  case Stmt::CXXNewExprClass: {
    const auto *New = cast<CXXNewExpr>(S);
    bool Placement = New->getNumPlacementArgs() > 0 &&
                     !New->shouldNullCheckAllocation();
    if (!Placement)
      Out.add(charge(CostOp::Allocation, 1,
                     "new " + New->getAllocatedType().getAsString(
                                  Ctx.getPrintingPolicy())));
    uint64_t Elements = 1;
    if (New->isArray())
      if (auto Size = New->getArraySize())
        if (*Size && !(*Size)->isValueDependent()) {
          Expr::EvalResult R;
          if ((*Size)->EvaluateAsInt(R, Ctx))
            Elements = R.Val.getInt().getLimitedValue();
        }
    for (const Expr *Arg : New->placement_arguments())
      visit(Arg, Out, Depth);
    // new T[N](): the library-free zero fill of the whole array.
    if (New->isArray() && Elements > 1 && New->getInitializer() &&
        isa<ImplicitValueInitExpr>(
            New->getInitializer()->IgnoreImplicit()) &&
        New->getAllocatedType().isTriviallyCopyableType(Ctx)) {
      uint64_t Bytes =
          Elements *
          Ctx.getTypeSizeInChars(New->getAllocatedType()).getQuantity();
      Out.add(charge(CostOp::ZeroFill64Bytes, (Bytes + 63) / 64));
    }
    if (const Expr *Init = New->getInitializer()) {
      InitCost One;
      visit(Init, One, Depth);
      Out.addScaled(One, Elements);
    }
    return;
  }
  case Stmt::LambdaExprClass:
    // Building a closure copies its captures; the body runs only when called.
    for (const Expr *Capture : cast<LambdaExpr>(S)->capture_inits())
      visit(Capture, Out, Depth);
    return;
  case Stmt::CXXDefaultArgExprClass:
    visit(cast<CXXDefaultArgExpr>(S)->getExpr(), Out, Depth);
    return;
  case Stmt::CXXDefaultInitExprClass:
    visit(cast<CXXDefaultInitExpr>(S)->getExpr(), Out, Depth);
    return;
  case Stmt::ArrayInitLoopExprClass: {
    const auto *Loop = cast<ArrayInitLoopExpr>(S);
    InitCost One;
    visit(Loop->getSubExpr(), One, Depth);
    Out.addScaled(One, Loop->getArraySize().getLimitedValue());
    return;
  }
  case Stmt::ForStmtClass: {
    const auto *For = cast<ForStmt>(S);
    if (auto Trips = constantTripCount(For, Ctx)) {
      visit(For->getInit(), Out, Depth);
      InitCost Once;
      visit(For->getCond(), Once, Depth);
      visit(For->getInc(), Once, Depth);
      visit(For->getBody(), Once, Depth);
      Once.add(charge(CostOp::LoopIteration));
      Out.addScaled(Once, *Trips);
      return;
    }
    break;
  }
  case Stmt::CXXForRangeStmtClass: {
    const auto *For = cast<CXXForRangeStmt>(S);
    const Expr *Range = For->getRangeInit();
    uint64_t Trips = 1;
    if (Range && !Range->isValueDependent()) {
      if (const auto *CAT = Ctx.getAsConstantArrayType(Range->getType()))
        Trips = Ctx.getConstantArrayElementCount(CAT);
      else if (const auto *IL = dyn_cast<InitListExpr>(stripTemporaries(Range)))
        Trips = IL->getNumInits();
    }
    visit(For->getRangeInit(), Out, Depth);
    InitCost Once;
    visit(For->getLoopVarStmt(), Once, Depth);
    visit(For->getBody(), Once, Depth);
    Once.add(charge(CostOp::LoopIteration));
    Out.addScaled(Once, Trips);
    return;
  }
  case Stmt::CompoundStmtClass:
    for (const Stmt *Child : S->children()) {
      Out.add(charge(CostOp::Statement));
      visit(Child, Out, Depth);
    }
    return;
  default:
    break;
  }
  visitChildren(S, Out, Depth);
}

void CostEstimator::visitConstruct(const CXXConstructExpr *E, InitCost &Out,
                                   unsigned Depth) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (!Ctor)
    return;
  const CXXRecordDecl *Record = Ctor->getParent();
  if (isInStdLibrary(Record)) {
    std::string Class = stdClassName(Record);
    if (modelStdConstruct(E, Class, Out, Depth))
      return;
    for (const Expr *Arg : E->arguments())
      visit(Arg, Out, Depth);
    if (!Ctor->isTrivial())
      Out.add(charge(CostOp::LibraryCall, 1, Class));
    return;
  }
  for (const Expr *Arg : E->arguments())
    visit(Arg, Out, Depth);
  if (Ctor->isTrivial())
    return;
  chargeFunctionCall(Ctor, Out, Depth,
                     llvm::ArrayRef(E->getArgs(), E->getNumArgs()));
}

void CostEstimator::visitCall(const CallExpr *E, InitCost &Out,
                              unsigned Depth) {
  for (const Stmt *Child : E->children())
    visit(Child, Out, Depth);
  const FunctionDecl *Callee = E->getDirectCallee();
  if (!Callee) {
    Out.add(charge(CostOp::UnknownCall, 1, "indirect call"));
    ++Out.UnknownCalls;
    if (Out.UnknownCallees.size() < 8)
      Out.UnknownCallees.push_back("(indirect call)");
    return;
  }
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    if (isInStdLibrary(Method->getParent()) &&
        modelStdMemberCall(E, stdClassName(Method->getParent()),
                           Method->getNameAsString(), Out))
      return;
  // std::operator+ on strings builds a new string of both lengths.
  if (isInStdLibrary(Callee) && Callee->getOverloadedOperator() == OO_Plus &&
      E->getNumArgs() == 2)
    if (const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl())
      if (classifyStdClass(stdClassName(RD)) == StdClassKind::String) {
        chargeString(stringLength(E->getArg(0)) + stringLength(E->getArg(1)),
                     Out);
        return;
      }
  if (modelStdFunctionCall(E, Callee, Ctx, Out)) {
    // std::make_unique<T>(args...) constructs T inside the library.
    if (const CXXConstructorDecl *Ctor = constructorMadeBy(E, Callee))
      if (!Ctor->isTrivial())
        chargeFunctionCall(Ctor, Out, Depth);
    return;
  }
  chargeFunctionCall(Callee, Out, Depth,
                     llvm::ArrayRef(E->getArgs(), E->getNumArgs()));
}

bool CostEstimator::modelStdConstruct(const CXXConstructExpr *E,
                                      llvm::StringRef Class, InitCost &Out,
                                      unsigned Depth) {
  StdClassKind Kind = classifyStdClass(Class);
  if (Kind == StdClassKind::Other)
    return false;
  unsigned NumArgs = E->getNumArgs();
  const Expr *First = NumArgs ? E->getArg(0) : nullptr;
  if (First && isa<CXXDefaultArgExpr>(First))
    First = nullptr;

  switch (Kind) {
  case StdClassKind::Free:
    for (const Expr *Arg : E->arguments())
      visit(Arg, Out, Depth);
    return true;
  case StdClassKind::String: {
    if (!First)
      return true; // Default construction: an empty small string.
    for (const Expr *Arg : E->arguments())
      visit(Arg, Out, Depth);
    std::optional<uint64_t> Count;
    if (NumArgs >= 2 && First->getType()->isIntegerType()) {
      Expr::EvalResult R; // string(count, ch)
      if (!First->isValueDependent() && First->EvaluateAsInt(R, Ctx))
        Count = R.Val.getInt().getLimitedValue();
    }
    chargeString(Count ? *Count : stringLength(First), Out);
    return true;
  }
  case StdClassKind::Vector:
  case StdClassKind::Deque:
  case StdClassKind::List:
  case StdClassKind::TreeContainer:
  case StdClassKind::HashContainer: {
    if (!First)
      return true; // Default construction allocates nothing.
    uint64_t Elements = AssumedRangeElements;
    if (const InitListExpr *IL = initializerListElements(First)) {
      Elements = IL->getNumInits();
      // Elements are built in a temporary array, then copied into the
      // container (initializer_list elements are const: no moves).
      InitCost ElementCost;
      visit(IL, ElementCost, Depth);
      Out.add(ElementCost);
      Out.add(ElementCost, "copy into " + Class.str());
    } else {
      for (const Expr *Arg : E->arguments())
        visit(Arg, Out, Depth);
    }
    std::string Label = llvm::Twine(Elements).str() + " " + Class.str() +
                        (Elements == 1 ? " entry" : " entries");
    chargeContainerFill(Kind, FillKind::Construct, Elements, Label, Out);
    // chargeContainerFill charges one bucket array; the rehashes while the
    // elements go in allocate the others.
    if (Kind == StdClassKind::HashContainer)
      if (uint64_t Arrays = hashBucketArrays(Elements, Lib); Arrays > 1) {
        Out.add(charge(CostOp::HashBuckets, Arrays - 1, "hash table rehash"));
        Out.add(charge(CostOp::Allocation, Arrays - 1, "hash table rehash"));
      }
    return true;
  }
  case StdClassKind::Callable:
    if (!First)
      return true;
    visit(First, Out, Depth);
    chargeCallable(First, E->getConstructor()->getParent(), Out);
    return true;
  case StdClassKind::Pair:
    // pair/tuple's forwarding constructors convert their arguments inside the
    // library: charge the conversions the element types imply.
    for (const Expr *Arg : E->arguments())
      visit(Arg, Out, Depth);
    chargeElementConversions(E, Out);
    return true;
  case StdClassKind::Regex: {
    if (!First)
      return true;
    for (const Expr *Arg : E->arguments())
      visit(Arg, Out, Depth);
    // A pattern that is not a literal here (a parameter) is costed as a
    // typical one of its assumed length.
    llvm::StringRef Pattern;
    if (const auto *SL = dyn_cast_or_null<StringLiteral>(resolveArgument(First));
        SL && SL->getCharByteWidth() == 1)
      Pattern = SL->getString();
    RegexFlags Flags = regexFlags(
        E->getNumArgs() > 1 ? E->getArg(E->getNumArgs() - 1) : nullptr);
    if (Pattern.empty() && stringLength(First) > 0)
      Flags.Supported = false;
    RegexShape Shape = shapeOfRegex(Pattern, Lib.Kind, Flags);
    llvm::StringRef Label = costEntry(CostOp::RegexCompile).Label;
    // The locale's first use is charged under the construct that causes it.
    Out.add(charge(forLibrary(CostOp::LocaleFirstUse, Lib), 1, Label));
    Out.add(charge(forLibrary(CostOp::RegexCompile, Lib)));
    Out.add(charge(forLibrary(CostOp::RegexState, Lib), Shape.States, Label));
    Out.add(charge(forLibrary(CostOp::RegexBracket, Lib), Shape.Brackets, Label));
    Out.add(charge(forLibrary(CostOp::RegexCacheTransform, Lib),
                   Shape.CacheTransforms, Label));
    Out.add(charge(CostOp::Allocation, Shape.Allocations, Label));
    return true;
  }
  case StdClassKind::Locale:
    for (const Expr *Arg : E->arguments())
      visit(Arg, Out, Depth);
    Out.add(charge(forLibrary(CostOp::LocaleFirstUse, Lib), 1,
                   costEntry(CostOp::LocaleConstruct).Label));
    if (First && !First->getType()->getAsCXXRecordDecl()) {
      // A named locale: loads data. libc++ builds every facet anew, more so
      // for "" (the environment's locale).
      CostOp Op = forLibrary(CostOp::LocaleConstruct, Lib);
      if (Lib.Kind == StdLibKind::LibCxx && literalLength(First) == 0u)
        Op = CostOp::LocaleFromEnvironmentLibCxx;
      Out.add(charge(Op));
      Out.add(charge(CostOp::FileRead, 1, "locale data"));
    } else {
      Out.add(charge(CostOp::LibraryCall, 1, "std::locale copy"));
    }
    return true;
  case StdClassKind::FileStream:
    for (const Expr *Arg : E->arguments())
      visit(Arg, Out, Depth);
    Out.add(charge(CostOp::LibraryCall, 1, Class));
    // basic_ios sets up the stream's locale.
    Out.add(charge(forLibrary(CostOp::LocaleFirstUse, Lib), 1,
                   First ? Class.str() + " open" : Class.str()));
    if (First) {
      Out.add(charge(CostOp::FileOpen, 1, Class.str() + " open"));
      Out.add(charge(CostOp::Allocation, 1, Class.str() + " buffer"));
    }
    return true;
  case StdClassKind::Thread:
    for (const Expr *Arg : E->arguments())
      visit(Arg, Out, Depth);
    if (First)
      Out.add(charge(forLibrary(CostOp::ThreadStart, Lib), 1,
                     Class.str() + " start"));
    return true;
  case StdClassKind::IostreamInit:
    Out.add(charge(forLibrary(CostOp::LocaleFirstUse, Lib), 1,
                   costEntry(CostOp::IostreamInit).Label));
    Out.add(charge(forLibrary(CostOp::IostreamInit, Lib)));
    return true;
  case StdClassKind::Other:
    break;
  }
  return false;
}

uint64_t CostEstimator::stringLength(const Expr *Source) const {
  return literalLength(Source).value_or(AssumedStringLength);
}

void CostEstimator::chargeString(uint64_t Length, InitCost &Out) {
  // One contributor per string, so a long key reads as one line item.
  bool Heap = Length > Lib.StringInlineCapacity;
  CostContributor C = charge(CostOp::StringConstruct);
  CostContributor Chars = charge(CostOp::StringPer16Chars, (Length + 15) / 16);
  C.Instructions += Chars.Instructions;
  if (Heap) {
    CostContributor Alloc = charge(CostOp::Allocation);
    C.Instructions += Alloc.Instructions;
    C.Allocations += Alloc.Allocations;
  }
  C.What = Heap ? "std::string of " + std::to_string(Length) + " chars (heap)"
                : "std::string construction";
  Out.add(C);
}

void CostEstimator::chargeCallable(const Expr *Source,
                                   const CXXRecordDecl *Wrapper,
                                   InitCost &Out) {
  QualType Target = stripTemporaries(Source)->getType();
  Out.add(charge(CostOp::CallableConstruct));
  if (Target->isNullPtrType() || Target->isPointerType() ||
      Target->isFunctionType() || Target->isMemberPointerType())
    return;
  const CXXRecordDecl *RD = Target->getAsCXXRecordDecl();
  if (RD && isInStdLibrary(RD) &&
      classifyStdClass(stdClassName(RD)) == StdClassKind::Callable) {
    // Copy of another wrapper: clones its target (assume heap-stored).
    Out.add(charge(CostOp::Allocation, 1, "std::function copy (heap)"));
    return;
  }
  CallableStorage Storage = classifyCallableStorage(Target, Wrapper, Ctx, Lib);
  if (!Storage.OnHeap)
    return;
  Out.add(charge(CostOp::Allocation, 1,
                 "std::function target of " +
                     llvm::Twine(Storage.ObjectSize).str() + " bytes (heap)"));
  if (HeapCallables)
    HeapCallables->push_back({stripTemporaries(Source), Storage, ""});
}

void CostEstimator::chargeElementConversions(const CXXConstructExpr *E,
                                             InitCost &Out) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
      E->getConstructor()->getParent());
  if (!Spec || E->getConstructor()->isCopyOrMoveConstructor())
    return;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  llvm::ArrayRef<TemplateArgument> Elements = Args.asArray();
  if (Elements.size() == 1 && Elements[0].getKind() == TemplateArgument::Pack)
    Elements = Elements[0].getPackAsArray(); // std::tuple<Ts...>
  for (unsigned I = 0; I < E->getNumArgs() && I < Elements.size(); ++I) {
    if (Elements[I].getKind() != TemplateArgument::Type)
      continue;
    QualType Element = Elements[I].getAsType();
    const Expr *Arg = E->getArg(I);
    if (Ctx.hasSameUnqualifiedType(Element,
                                   stripTemporaries(Arg)->getType()))
      continue; // Built before the call: already visited.
    const CXXRecordDecl *RD = Element->getAsCXXRecordDecl();
    if (!RD || !isInStdLibrary(RD))
      continue;
    switch (classifyStdClass(stdClassName(RD))) {
    case StdClassKind::String:
      chargeString(stringLength(Arg), Out);
      break;
    case StdClassKind::Callable:
      chargeCallable(Arg, RD, Out);
      break;
    default:
      break;
    }
  }
}

bool CostEstimator::modelStdMemberCall(const CallExpr *E, llvm::StringRef Class,
                                       llvm::StringRef Method, InitCost &Out) {
  StdClassKind Kind = classifyStdClass(Class);
  static constexpr llvm::StringLiteral Inserts[] = {
      "operator[]", "insert", "emplace", "try_emplace", "insert_or_assign",
      "push_back", "emplace_back", "push_front", "emplace_front"};
  bool IsInsert = llvm::is_contained(Inserts, Method);
  // A closure handed to the library is converted to the element's callable
  // wrapper inside it (emplace_back(lambda), function = lambda).
  auto ChargeClosureArguments = [&] {
    for (const Expr *Arg : E->arguments()) {
      const Expr *Stripped = stripTemporaries(Arg);
      if (const auto *RD = Stripped->getType()->getAsCXXRecordDecl())
        if (RD->isLambda())
          chargeCallable(Stripped, nullptr, Out);
    }
  };
  if (Kind == StdClassKind::Callable && Method == "operator=") {
    ChargeClosureArguments();
    return true;
  }
  if (IsInsert && Kind != StdClassKind::Other && Kind != StdClassKind::String) {
    ChargeClosureArguments();
    // emplace("key", "value"): the element's strings are built from the
    // literals inside the library.
    if (compat::startsWith(Method, "emplace") || Method == "try_emplace")
      for (const Expr *Arg : E->arguments()) {
        if (isa<StringLiteral>(stripTemporaries(Arg))) {
          chargeString(*literalLength(Arg), Out);
        } else if (const CXXRecordDecl *RD = Arg->getType()->getAsCXXRecordDecl();
                   RD && Arg->isLValue() && isInStdLibrary(RD) &&
                   classifyStdClass(stdClassName(RD)) == StdClassKind::String) {
          // A named string is copied into the element.
          chargeString(stringLength(Arg), Out);
        }
      }
  }
  switch (Kind) {
  case StdClassKind::Vector:
  case StdClassKind::Deque:
  case StdClassKind::List:
  case StdClassKind::TreeContainer:
  case StdClassKind::HashContainer:
    if (!IsInsert)
      return false;
    // operator[] on a vector is an access, not an insertion.
    if (Method == "operator[]" && Kind != StdClassKind::TreeContainer &&
        Kind != StdClassKind::HashContainer)
      return false;
    chargeContainerFill(Kind, FillKind::Insert, 1, Class.str() + " insert", Out);
    return true;
  case StdClassKind::String:
    // string = "literal" (or = v ? v : "fallback"): a new string's worth.
    if ((Method == "operator=" || Method == "assign") && E->getNumArgs() >= 2) {
      const Expr *Arg = E->getArg(E->getNumArgs() - 1);
      if (std::optional<uint64_t> Length = literalLength(Arg)) {
        chargeString(*Length, Out);
        return true;
      }
    }
    if (Method == "append" || Method == "operator+=" || Method == "assign") {
      Out.add(charge(CostOp::StringConstruct, 1, "std::string append"));
      return true;
    }
    return false;
  case StdClassKind::FileStream:
    if (Method == "open") {
      Out.add(charge(CostOp::FileOpen, 1, Class.str() + " open"));
      return true;
    }
    return false;
  default:
    return false;
  }
}

} // namespace initscan
