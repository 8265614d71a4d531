//===- InitOrder.cpp - Static initialization order fiasco ------------------===//
//
// Per TU: what each dynamic initializer, and each function the TU defines,
// reads and calls (InitOrderFacts). Whole program: follow the calls through
// the facts of every TU and report reads of globals that are dynamically
// initialized in another TU, or later in the same one.
//
// What counts as a read is what touches the object's storage while the
// initializer runs: a load (lvalue-to-rvalue), a store, a member call on it,
// or binding it to a reference parameter of a call (the callee reads it).
// Taking its address, binding a reference variable or member to it and
// unevaluated operands (sizeof, decltype, noexcept) do not read it. Only
// bodies visible in the TU and outside system headers are followed; a lambda
// is followed where it is called, not where it is stored.
//
//===----------------------------------------------------------------------===//

#include "initscan/InitOrder.h"
#include "initscan/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <deque>
#include <map>
#include <set>

using namespace clang;

namespace initscan {

namespace {

bool inSystemHeader(const SourceManager &SM, SourceLocation Loc) {
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

InitOrderLocation locationOf(const SourceManager &SM, SourceLocation Loc) {
  InitOrderLocation L;
  L.Loc = Loc;
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  if (Expansion.isInvalid())
    return L;
  if (auto Entry = SM.getFileEntryRefForID(SM.getFileID(Expansion)))
    L.File = SM.getFileManager().getCanonicalName(*Entry).str();
  L.Line = SM.getExpansionLineNumber(Expansion);
  L.Column = SM.getExpansionColumnNumber(Expansion);
  return L;
}

/// The USR of \p D; entities without one (rare: some lambdas) get a name
/// unique within the TU, and are never looked up in other TUs.
std::string usrOf(const Decl *D) {
  llvm::SmallString<128> Buffer;
  if (!index::generateUSRForDecl(D, Buffer))
    return Buffer.str().str();
  return llvm::formatv("local:{0}", static_cast<const void *>(D->getCanonicalDecl()))
      .str();
}

std::string nameOf(const NamedDecl *D) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D->getNameForDiagnostic(OS, D->getASTContext().getPrintingPolicy(),
                          /*Qualified=*/true);
  if (isa<FunctionDecl>(D))
    OS << "()";
  return OS.str();
}

/// A variable with static storage whose initialization order matters: not
/// function-local, not thread_local, not from a system header.
const VarDecl *orderedGlobal(const Decl *D, const SourceManager &SM) {
  const auto *VD = dyn_cast_or_null<VarDecl>(D);
  if (!VD || !VD->hasGlobalStorage() || VD->isLocalVarDecl() ||
      isa<ParmVarDecl>(VD) || VD->getTLSKind() != VarDecl::TLS_None ||
      inSystemHeader(SM, VD->getLocation()))
    return nullptr;
  return VD->getCanonicalDecl();
}

/// The global whose storage the glvalue \p E designates (or a part of it:
/// a member, an array element), if any.
const VarDecl *designatedGlobal(const Expr *E, const SourceManager &SM) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      switch (Cast->getCastKind()) {
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
      case CK_LValueBitCast:
        E = Cast->getSubExpr();
        continue;
      default:
        return nullptr;
      }
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (isa<VarDecl>(Member->getMemberDecl())) // Static member via object.
        return orderedGlobal(Member->getMemberDecl(), SM);
      if (Member->isArrow())
        return nullptr;
      E = Member->getBase();
      continue;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      const auto *Decay =
          dyn_cast<ImplicitCastExpr>(Subscript->getBase()->IgnoreParens());
      if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
        return nullptr;
      E = Decay->getSubExpr();
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return orderedGlobal(Ref->getDecl(), SM);
    return nullptr;
  }
  return nullptr;
}

/// Standard functions that call the callable they are given before they
/// return (the callable runs during the initializer).
bool invokesItsArguments(const FunctionDecl &FD) {
  if (!FD.isInStdNamespace() || !FD.getIdentifier())
    return false;
  return llvm::StringSwitch<bool>(FD.getName())
      .Cases("call_once", "invoke", "invoke_r", "apply", true)
      .Cases("for_each", "for_each_n", "transform", "generate", "generate_n",
             true)
      .Cases("all_of", "any_of", "none_of", "find_if", "count_if", true)
      .Default(false);
}

/// Standard functions that take a reference only to form a pointer or a
/// reference wrapper: no read.
bool onlyTakesAddress(const FunctionDecl &FD) {
  if (!FD.isInStdNamespace() || !FD.getIdentifier())
    return false;
  return llvm::StringSwitch<bool>(FD.getName())
      .Cases("addressof", "ref", "cref", "move", "forward", "as_const", true)
      .Default(false);
}

class FactCollector {
public:
  FactCollector(ASTContext &Ctx, InitOrderFacts &Facts)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Facts(Facts) {}

  void addDefinedGlobal(const StaticInitializer &SI, unsigned Order) {
    const VarDecl *Def = SI.var();
    if (!Def || SI.InSystemHeader || Def->getTLSKind() != VarDecl::TLS_None)
      return;
    GlobalVarFact &G = globalFact(Def->getCanonicalDecl());
    G.Defined = true;
    G.Where = locationOf(SM, Def->getLocation());
    G.DynamicInit = SI.DynamicInit;
    G.Order = Order;
    const Rewrite &R = SI.Suggestion;
    G.CanBeConstant =
        R.K == Rewrite::StringView || R.K == Rewrite::ConstantArray;
    if (SI.DynamicInit)
      G.RewriteText = R.Text;
  }

  /// Walks the initializer of a global emitted here.
  void addInitializer(const StaticInitializer &SI) {
    const VarDecl *Def = SI.var();
    if (!Def || !SI.DynamicInit || !SI.runsBeforeMain() || SI.InSystemHeader)
      return;
    CodeFact Code;
    Code.USR = usrOf(Def->getCanonicalDecl());
    Code.Name = nameOf(Def);
    Code.Where = locationOf(SM, Def->getLocation());
    Code.External = Def->isExternallyVisible();
    if (const Expr *Init = Def->getInit())
      walk(Init, Code);
    Facts.Initializers.push_back(std::move(Code));
  }

  /// Functions other TUs may call: external, not inline, defined here.
  void addExportedFunctions(const DeclContext *DC) {
    for (const Decl *D : DC->decls()) {
      if (inSystemHeader(SM, D->getLocation()))
        continue;
      if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        if (FD->doesThisDeclarationHaveABody() && !FD->isInlined() &&
            !FD->isTemplated() && FD->isExternallyVisible())
          enqueue(FD);
      } else if (const auto *Inner = dyn_cast<DeclContext>(D)) {
        if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D))
          addExportedFunctions(Inner);
        else if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
          if (RD->isThisDeclarationADefinition() && !RD->isDependentContext())
            addExportedFunctions(Inner);
      }
    }
  }

  /// Walks every function queued so far (and those they queue).
  void walkQueuedFunctions() {
    while (!Queue.empty()) {
      const FunctionDecl *FD = Queue.front();
      Queue.pop_front();
      CodeFact Code;
      Code.USR = usrOf(FD);
      Code.Name = nameOf(FD);
      Code.Where = locationOf(SM, FD->getLocation());
      Code.External = FD->isExternallyVisible();
      if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
        for (const CXXCtorInitializer *Init : Ctor->inits())
          walk(Init->getInit(), Code);
      walk(FD->getBody(), Code);
      Facts.Functions.push_back(std::move(Code));
    }
  }

private:
  GlobalVarFact &globalFact(const VarDecl *Canonical) {
    auto [It, New] = GlobalIndex.try_emplace(Canonical, Facts.Globals.size());
    if (New) {
      GlobalVarFact G;
      G.USR = usrOf(Canonical);
      G.Name = nameOf(Canonical);
      G.Where = locationOf(SM, Canonical->getLocation());
      G.External = Canonical->isExternallyVisible();
      G.Unordered = isTemplateInstantiation(
          Canonical->getTemplateSpecializationKind());
      for (const VarDecl *Redecl : Canonical->redecls())
        G.ConstantDeclared |= Redecl->isConstexpr() ||
                              Redecl->hasAttr<ConstInitAttr>();
      Facts.Globals.push_back(std::move(G));
    }
    return Facts.Globals[It->second];
  }

  void noteRead(const VarDecl *Global, SourceLocation Loc, CodeFact &Code) {
    if (!Global)
      return;
    GlobalVarFact &G = globalFact(Global);
    if (llvm::any_of(Code.Reads, [&](const InitOrderAccess &A) {
          return A.USR == G.USR;
        }))
      return;
    Code.Reads.push_back({G.USR, G.Name, locationOf(SM, Loc)});
  }

  void noteAccess(const Expr *GLValue, CodeFact &Code) {
    if (GLValue && GLValue->isGLValue())
      noteRead(designatedGlobal(GLValue, SM), GLValue->getExprLoc(), Code);
  }

  /// A call of \p Callee: recorded, and its body walked when visible here.
  void noteCall(const FunctionDecl *Callee, SourceLocation Loc,
                CodeFact &Code) {
    if (!Callee || Callee->getBuiltinID() ||
        inSystemHeader(SM, Callee->getLocation()))
      return;
    std::string USR = usrOf(Callee);
    if (llvm::none_of(Code.Calls, [&](const InitOrderAccess &A) {
          return A.USR == USR;
        }))
      Code.Calls.push_back({USR, nameOf(Callee), locationOf(SM, Loc)});
    const FunctionDecl *Body = nullptr;
    if (Callee->hasBody(Body) && Body && !inSystemHeader(SM, Body->getLocation()))
      enqueue(Body);
  }

  void enqueue(const FunctionDecl *FD) {
    if (FD->isInvalidDecl() || FD->isDependentContext() ||
        !Queued.insert(FD->getCanonicalDecl()).second)
      return;
    Queue.push_back(FD);
  }

  void noteCallArguments(const FunctionDecl *Callee,
                         llvm::ArrayRef<const Expr *> Args, CodeFact &Code) {
    if (Callee && onlyTakesAddress(*Callee))
      return;
    for (const Expr *Arg : Args)
      noteAccess(Arg, Code); // Bound to a reference parameter.
    if (!Callee || !invokesItsArguments(*Callee))
      return;
    for (const Expr *Arg : Args) {
      const Expr *Callable = Arg->IgnoreImplicit()->IgnoreParens();
      if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Callable))
        Callable = Temp->getSubExpr()->IgnoreImplicit()->IgnoreParens();
      if (const auto *Lambda = dyn_cast<LambdaExpr>(Callable))
        noteCall(Lambda->getCallOperator(), Arg->getExprLoc(), Code);
      else if (const auto *Ref = dyn_cast<DeclRefExpr>(Callable))
        noteCall(dyn_cast<FunctionDecl>(Ref->getDecl()), Arg->getExprLoc(),
                 Code);
    }
  }

  void walk(const Stmt *S, CodeFact &Code) {
    if (!S || ++Statements > StatementBudget)
      return;
    // Unevaluated operands.
    if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr,
            ConceptSpecializationExpr, BlockExpr>(S))
      return;
    if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(S)) {
      if (!Typeid->isPotentiallyEvaluated())
        return;
    } else if (const auto *Generic = dyn_cast<GenericSelectionExpr>(S)) {
      if (!Generic->isResultDependent())
        walk(Generic->getResultExpr(), Code);
      return;
    } else if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      // Building the closure evaluates its captures, not its body.
      for (const Expr *Capture : Lambda->capture_inits())
        walk(Capture, Code);
      return;
    } else if (const auto *DefaultArg = dyn_cast<CXXDefaultArgExpr>(S)) {
      walk(DefaultArg->getExpr(), Code);
      return;
    } else if (const auto *DefaultInit = dyn_cast<CXXDefaultInitExpr>(S)) {
      walk(DefaultInit->getExpr(), Code);
      return;
    } else if (const auto *If = dyn_cast<IfStmt>(S)) {
      if (If->isConstexpr()) {
        walk(If->getInit(), Code);
        if (std::optional<const Stmt *> Taken =
                compat::toStd(If->getNondiscardedCase(Ctx)))
          walk(*Taken, Code);
        return;
      }
    } else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S)) {
      if (Cast->getCastKind() == CK_LValueToRValue)
        noteAccess(Cast->getSubExpr(), Code);
    } else if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(S)) {
      noteAccess(MemberCall->getImplicitObjectArgument(), Code);
      noteCallArguments(MemberCall->getMethodDecl(),
                        {MemberCall->getArgs(), MemberCall->getNumArgs()}, Code);
      noteCall(MemberCall->getMethodDecl(), MemberCall->getExprLoc(), Code);
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      noteCallArguments(Call->getDirectCallee(),
                        {Call->getArgs(), Call->getNumArgs()}, Code);
      noteCall(Call->getDirectCallee(), Call->getExprLoc(), Code);
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      noteCallArguments(Construct->getConstructor(),
                        {Construct->getArgs(), Construct->getNumArgs()}, Code);
      noteCall(Construct->getConstructor(), Construct->getExprLoc(), Code);
    } else if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      if (Binary->isAssignmentOp())
        noteAccess(Binary->getLHS(), Code);
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
      if (Unary->isIncrementDecrementOp())
        noteAccess(Unary->getSubExpr(), Code);
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      // A global reference is read wherever it is used.
      if (Ref->getDecl()->getType()->isReferenceType())
        noteRead(orderedGlobal(Ref->getDecl(), SM), Ref->getLocation(), Code);
    } else if (const auto *RangeFor = dyn_cast<CXXForRangeStmt>(S)) {
      noteAccess(RangeFor->getRangeInit(), Code);
    } else if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      // Returned by reference: the caller uses it.
      noteAccess(Return->getRetValue(), Code);
    } else if (const auto *Decl = dyn_cast<DeclStmt>(S)) {
      // A local reference bound to a global is used through it.
      for (const clang::Decl *D : Decl->decls())
        if (const auto *Local = dyn_cast<VarDecl>(D))
          if (Local->getType()->isReferenceType())
            noteAccess(Local->getInit(), Code);
    }
    for (const Stmt *Child : S->children())
      walk(Child, Code);
  }

  static constexpr unsigned StatementBudget = 200000;
  ASTContext &Ctx;
  const SourceManager &SM;
  InitOrderFacts &Facts;
  llvm::DenseMap<const VarDecl *, size_t> GlobalIndex;
  llvm::SmallPtrSet<const FunctionDecl *, 32> Queued;
  std::deque<const FunctionDecl *> Queue;
  unsigned Statements = 0;
};

} // namespace

InitOrderFacts collectInitOrderFacts(ASTContext &Ctx,
                                     llvm::ArrayRef<StaticInitializer> Inits) {
  InitOrderFacts Facts;
  const SourceManager &SM = Ctx.getSourceManager();
  if (auto Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    Facts.TranslationUnit = SM.getFileManager().getCanonicalName(*Main).str();
  FactCollector Collector(Ctx, Facts);
  unsigned Order = 0;
  for (const StaticInitializer &SI : Inits)
    Collector.addDefinedGlobal(SI, ++Order);
  for (const StaticInitializer &SI : Inits)
    Collector.addInitializer(SI);
  Collector.addExportedFunctions(Ctx.getTranslationUnitDecl());
  Collector.walkQueuedFunctions();
  return Facts;
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

// Streamed (see tools/initscan/Report.cpp): a TU's facts can name thousands
// of globals. Keys in sorted order, as json::Value would print them.

static void writeLocation(llvm::json::OStream &J, const InitOrderLocation &L) {
  J.attributeObject("where", [&] {
    J.attribute("column", static_cast<int64_t>(L.Column));
    J.attribute("file", llvm::StringRef(L.File));
    J.attribute("line", static_cast<int64_t>(L.Line));
  });
}

static void writeAccesses(llvm::json::OStream &J, llvm::StringRef Key,
                          const std::vector<InitOrderAccess> &List) {
  J.attributeArray(Key, [&] {
    for (const InitOrderAccess &X : List)
      J.object([&] {
        J.attribute("name", llvm::StringRef(X.Name));
        J.attribute("usr", llvm::StringRef(X.USR));
        writeLocation(J, X.Where);
      });
  });
}

static void writeCode(llvm::json::OStream &J, llvm::StringRef Key,
                      const std::vector<CodeFact> &List) {
  J.attributeArray(Key, [&] {
    for (const CodeFact &C : List)
      J.object([&] {
        writeAccesses(J, "calls", C.Calls);
        J.attribute("external", C.External);
        J.attribute("name", llvm::StringRef(C.Name));
        writeAccesses(J, "reads", C.Reads);
        J.attribute("usr", llvm::StringRef(C.USR));
        writeLocation(J, C.Where);
      });
  });
}

void writeJSON(llvm::json::OStream &J, const InitOrderFacts &Facts) {
  J.object([&] {
    writeCode(J, "functions", Facts.Functions);
    J.attributeArray("globals", [&] {
      for (const GlobalVarFact &G : Facts.Globals)
        J.object([&] {
          J.attribute("can_be_constant", G.CanBeConstant);
          J.attribute("constant_declared", G.ConstantDeclared);
          J.attribute("defined", G.Defined);
          J.attribute("dynamic_init", G.DynamicInit);
          J.attribute("external", G.External);
          J.attribute("name", llvm::StringRef(G.Name));
          J.attribute("order", static_cast<int64_t>(G.Order));
          J.attribute("rewrite", llvm::StringRef(G.RewriteText));
          J.attribute("unordered", G.Unordered);
          J.attribute("usr", llvm::StringRef(G.USR));
          writeLocation(J, G.Where);
        });
    });
    writeCode(J, "initializers", Facts.Initializers);
    J.attribute("translation_unit", llvm::StringRef(Facts.TranslationUnit));
  });
}

// Field readers found by llvm::json's ObjectMapper through ADL; errors name
// the offending field.
static bool mapUnsigned(llvm::json::ObjectMapper &O, llvm::StringLiteral Key,
                        unsigned &Out) {
  int64_t Value = 0;
  if (!O.map(Key, Value))
    return false;
  Out = static_cast<unsigned>(Value);
  return true;
}
static bool fromJSON(const llvm::json::Value &V, InitOrderLocation &L,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("file", L.File) && mapUnsigned(O, "line", L.Line) &&
         mapUnsigned(O, "column", L.Column);
}
static bool fromJSON(const llvm::json::Value &V, InitOrderAccess &A,
              llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("usr", A.USR) && O.map("name", A.Name) &&
         O.map("where", A.Where);
}
static bool fromJSON(const llvm::json::Value &V, CodeFact &C,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("usr", C.USR) && O.map("name", C.Name) &&
         O.map("where", C.Where) && O.map("external", C.External) &&
         O.map("reads", C.Reads) && O.map("calls", C.Calls);
}
static bool fromJSON(const llvm::json::Value &V, GlobalVarFact &G,
              llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("usr", G.USR) && O.map("name", G.Name) &&
         O.map("where", G.Where) && O.map("defined", G.Defined) &&
         O.map("dynamic_init", G.DynamicInit) &&
         O.map("unordered", G.Unordered) && O.map("external", G.External) &&
         O.map("constant_declared", G.ConstantDeclared) &&
         mapUnsigned(O, "order", G.Order) &&
         O.map("can_be_constant", G.CanBeConstant) &&
         O.map("rewrite", G.RewriteText);
}

bool fromJSON(const llvm::json::Value &Value, InitOrderFacts &Facts,
              std::string &Error) {
  llvm::json::Path::Root Root("initOrder");
  llvm::json::ObjectMapper O(Value, Root);
  if (O && O.map("translation_unit", Facts.TranslationUnit) &&
      O.map("globals", Facts.Globals) &&
      O.map("initializers", Facts.Initializers) &&
      O.map("functions", Facts.Functions))
    return true;
  Error = llvm::toString(Root.getError());
  return false;
}

//===----------------------------------------------------------------------===//
// Following the chains
//===----------------------------------------------------------------------===//

namespace {

struct GlobalRef {
  size_t TU = 0;
  const GlobalVarFact *Global = nullptr;
};
struct CodeRef {
  size_t TU = 0;
  const CodeFact *Code = nullptr;
};

/// Lookup tables over the facts of every TU of the program.
class ProgramIndex {
public:
  explicit ProgramIndex(llvm::ArrayRef<InitOrderFacts> Program)
      : Program(Program), Globals(Program.size()), Functions(Program.size()) {
    for (size_t TU = 0; TU < Program.size(); ++TU) {
      for (const GlobalVarFact &G : Program[TU].Globals) {
        Globals[TU][G.USR] = &G;
        if (G.Defined && G.External)
          ExternalGlobals.try_emplace(G.USR, GlobalRef{TU, &G});
      }
      for (const CodeFact &F : Program[TU].Functions) {
        Functions[TU][F.USR] = &F;
        if (F.External)
          ExternalFunctions.try_emplace(F.USR, CodeRef{TU, &F});
      }
    }
  }

  /// The definition a read in TU \p Where refers to, seen from the reader's
  /// TU \p Reader: the reader's own copy of an inline or template variable
  /// first, then \p Where's, then the TU that defines an external one.
  GlobalRef global(llvm::StringRef USR, size_t Reader, size_t Where) const {
    const GlobalVarFact *Here = Globals[Where].lookup(USR);
    if (Here && !Here->External)
      return {Where, Here->Defined ? Here : nullptr};
    if (const GlobalVarFact *Own = Globals[Reader].lookup(USR))
      if (Own->Defined)
        return {Reader, Own};
    if (Here && Here->Defined)
      return {Where, Here};
    auto It = ExternalGlobals.find(USR);
    return It == ExternalGlobals.end() ? GlobalRef{} : It->second;
  }

  /// The declaration as the TU \p Where sees it (for extern reads).
  const GlobalVarFact *declared(llvm::StringRef USR, size_t Where) const {
    return Globals[Where].lookup(USR);
  }

  CodeRef function(llvm::StringRef USR, size_t Where) const {
    if (const CodeFact *Here = Functions[Where].lookup(USR))
      return {Where, Here};
    auto It = ExternalFunctions.find(USR);
    return It == ExternalFunctions.end() ? CodeRef{} : It->second;
  }

private:
  llvm::ArrayRef<InitOrderFacts> Program;
  std::vector<llvm::StringMap<const GlobalVarFact *>> Globals;
  std::vector<llvm::StringMap<const CodeFact *>> Functions;
  llvm::StringMap<GlobalRef> ExternalGlobals;
  llvm::StringMap<CodeRef> ExternalFunctions;
};

std::string fileName(llvm::StringRef Path) {
  return llvm::sys::path::filename(Path).str();
}

std::string cureFor(const GlobalVarFact &D) {
  if (D.CanBeConstant)
    return "initialize '" + D.Name +
           "' at compile time (constexpr, or constinit to have the compiler "
           "check it)" +
           (D.RewriteText.empty() ? "" : ": " + D.RewriteText);
  return "construct '" + D.Name +
         "' on first use: an accessor returning a function-local static" +
         (D.RewriteText.empty() ? "" : ": " + D.RewriteText) +
         "; or constinit/constexpr if its initializer can be constant";
}

/// Breadth-first from each dynamic initializer through the calls: the first
/// path to each dependency is a shortest one.
std::vector<InitOrderIssue> findIssues(llvm::ArrayRef<InitOrderFacts> Program,
                                       bool ReportExternReads) {
  ProgramIndex Index(Program);
  std::vector<InitOrderIssue> Issues;
  for (size_t ReaderTU = 0; ReaderTU < Program.size(); ++ReaderTU) {
    for (const CodeFact &Init : Program[ReaderTU].Initializers) {
      const GlobalVarFact *Reader = Index.declared(Init.USR, ReaderTU);
      if (!Reader || !Reader->Defined)
        continue;
      struct Node {
        CodeRef Code;
        int Parent;
        const InitOrderAccess *Via; // The call that reached it.
      };
      std::vector<Node> Nodes{{CodeRef{ReaderTU, &Init}, -1, nullptr}};
      std::set<std::pair<size_t, std::string>> Seen{{ReaderTU, Init.USR}};
      llvm::StringSet<> Reported;
      for (size_t N = 0; N < Nodes.size(); ++N) {
        const CodeRef Here = Nodes[N].Code;
        auto ChainTo = [&](const InitOrderAccess &Read) {
          std::vector<InitOrderStep> Chain;
          Chain.push_back({InitOrderStep::Read, Here.Code->Name, Read.Name,
                           Read.Where});
          for (int At = N; Nodes[At].Parent >= 0; At = Nodes[At].Parent)
            Chain.push_back({InitOrderStep::Call,
                             Nodes[Nodes[At].Parent].Code.Code->Name,
                             Nodes[At].Code.Code->Name, Nodes[At].Via->Where});
          std::reverse(Chain.begin(), Chain.end());
          return Chain;
        };
        for (const InitOrderAccess &Read : Here.Code->Reads) {
          if (Read.USR == Init.USR || Reported.count(Read.USR))
            continue;
          InitOrderIssue Issue;
          GlobalRef Dep = Index.global(Read.USR, ReaderTU, Here.TU);
          if (Dep.Global) {
            const GlobalVarFact &D = *Dep.Global;
            if (!D.DynamicInit || D.ConstantDeclared)
              continue;
            if (Dep.TU == ReaderTU) {
              if (D.Unordered || D.Order < Reader->Order)
                continue;
              Issue.K = InitOrderIssue::DefinedLater;
            } else {
              Issue.K = InitOrderIssue::OtherTranslationUnit;
            }
            Issue.Dependency = D.Name;
            Issue.DependencyTU = Program[Dep.TU].TranslationUnit;
            Issue.DependencyWhere = D.Where;
            Issue.Cure = cureFor(D);
          } else {
            const GlobalVarFact *Declared = Index.declared(Read.USR, Here.TU);
            if (!ReportExternReads || Here.TU != ReaderTU || !Declared ||
                Declared->ConstantDeclared || !Declared->External)
              continue;
            Issue.K = InitOrderIssue::ExternDeclaration;
            Issue.Dependency = Declared->Name;
            Issue.DependencyWhere = Declared->Where;
            Issue.Cure = cureFor(*Declared);
          }
          Reported.insert(Read.USR);
          Issue.Reader = Reader->Name;
          Issue.ReaderTU = Program[ReaderTU].TranslationUnit;
          Issue.ReaderWhere = Reader->Where;
          Issue.Chain = ChainTo(Read);
          Issues.push_back(std::move(Issue));
        }
        for (const InitOrderAccess &Call : Here.Code->Calls) {
          CodeRef Callee = Index.function(Call.USR, Here.TU);
          if (Callee.Code &&
              Seen.insert({Callee.TU, Callee.Code->USR}).second)
            Nodes.push_back({Callee, static_cast<int>(N), &Call});
        }
      }
    }
  }
  return Issues;
}

} // namespace

std::vector<InitOrderIssue>
findInitOrderIssues(llvm::ArrayRef<InitOrderFacts> Program) {
  return findIssues(Program, /*ReportExternReads=*/false);
}

std::vector<InitOrderIssue>
findInitOrderIssuesInTU(const InitOrderFacts &Facts,
                        const InitOrderOptions &Opts) {
  return findIssues(llvm::ArrayRef(Facts), Opts.ReportExternReads);
}

std::string InitOrderIssue::message() const {
  std::string Through;
  for (const InitOrderStep &Step : Chain)
    if (Step.K == InitOrderStep::Call)
      Through += (Through.empty() ? " through " : " -> ") + Step.To;
  std::string Head = "'" + Reader + "' reads '" + Dependency + "'" + Through +
                     " while it is initialized, ";
  switch (K) {
  case OtherTranslationUnit:
    return Head + "but '" + Dependency +
           "' is dynamically initialized in another translation unit (" +
           fileName(DependencyTU) +
           "): which runs first depends on the link order (static "
           "initialization order fiasco)";
  case DefinedLater:
    return Head + "but '" + Dependency +
           "' is dynamically initialized later in this translation unit: it "
           "is read before it is initialized";
  case ExternDeclaration:
    return Head + "and '" + Dependency +
           "' is defined in another translation unit: if its initialization "
           "is dynamic, which runs first depends on the link order (run the "
           "initscan CLI over the program to know)";
  }
  return Head;
}

std::vector<std::pair<InitOrderLocation, std::string>>
InitOrderIssue::notes() const {
  std::vector<std::pair<InitOrderLocation, std::string>> Notes;
  for (const InitOrderStep &Step : Chain)
    Notes.emplace_back(Step.Where, "'" + Step.From + "' " +
                                       (Step.K == InitOrderStep::Call
                                            ? "calls '"
                                            : "reads '") +
                                       Step.To + "' here");
  Notes.emplace_back(DependencyWhere,
                     K == ExternDeclaration
                         ? "'" + Dependency + "' is declared here"
                         : "'" + Dependency +
                               "' is dynamically initialized here");
  Notes.emplace_back(DependencyWhere, Cure);
  return Notes;
}

} // namespace initscan
