//===- StdLibModel.cpp - What the engine knows of the standard library -----===//

#include "StdLibModel.h"
#include "CostModel.h"
#include "initscan/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace initscan {

static bool isImplementationNamespace(llvm::StringRef Name) {
  return Name == "std" || Name == "__gnu_cxx" || Name == "__cxxabiv1";
}

bool isInStdLibrary(const Decl *D) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (NS && NS->getParent()->getRedeclContext()->isTranslationUnit())
      return isImplementationNamespace(NS->getName());
  }
  return false;
}

std::string stdClassName(const CXXRecordDecl *Record) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  PrintingPolicy Policy(Record->getASTContext().getLangOpts());
  Policy.SuppressInlineNamespace = true;
  Record->printQualifiedName(OS, Policy);
  return OS.str();
}

StdClassKind classifyStdClass(llvm::StringRef Name) {
  return llvm::StringSwitch<StdClassKind>(Name)
      .Cases("std::allocator", "std::char_traits", "std::less",
             "std::hash", "std::equal_to", StdClassKind::Free)
      .Case("std::basic_string", StdClassKind::String)
      .Case("std::vector", StdClassKind::Vector)
      .Case("std::deque", StdClassKind::Deque)
      .Cases("std::list", "std::forward_list", StdClassKind::List)
      .Cases("std::map", "std::multimap", "std::set", "std::multiset",
             StdClassKind::TreeContainer)
      .Cases("std::unordered_map", "std::unordered_multimap",
             "std::unordered_set", "std::unordered_multiset",
             StdClassKind::HashContainer)
      .Cases("std::function", "std::move_only_function",
             "std::copyable_function", StdClassKind::Callable)
      .Cases("std::pair", "std::tuple", StdClassKind::Pair)
      .Case("std::basic_regex", StdClassKind::Regex)
      .Case("std::locale", StdClassKind::Locale)
      .Cases("std::basic_ifstream", "std::basic_ofstream", "std::basic_fstream",
             "std::basic_filebuf", StdClassKind::FileStream)
      .Cases("std::thread", "std::jthread", StdClassKind::Thread)
      .Case("std::ios_base::Init", StdClassKind::IostreamInit)
      .Default(StdClassKind::Other);
}

void chargeContainerFill(StdClassKind Kind, uint64_t Elements,
                         llvm::StringRef Label, InitCost &Out) {
  InitCost Fill;
  bool Bulk = Elements != 1;
  switch (Kind) {
  case StdClassKind::Vector:
  case StdClassKind::Deque:
    if (Bulk && Elements) {
      Fill.add(charge(CostOp::Allocation));
      Fill.add(charge(CostOp::VectorBuffer));
    }
    Fill.add(charge(CostOp::SequenceElement, Elements));
    break;
  case StdClassKind::List:
    Fill.add(charge(CostOp::ListInsert, Elements));
    Fill.add(charge(CostOp::Allocation, Elements));
    break;
  case StdClassKind::TreeContainer:
    Fill.add(charge(CostOp::TreeInsert, Elements));
    Fill.add(charge(CostOp::Allocation, Elements));
    break;
  case StdClassKind::HashContainer:
    Fill.add(charge(CostOp::HashInsert, Elements));
    Fill.add(charge(CostOp::Allocation, Elements));
    if (Bulk && Elements) {
      Fill.add(charge(CostOp::HashBuckets));
      Fill.add(charge(CostOp::Allocation));
    }
    break;
  default:
    return;
  }
  CostContributor C;
  C.What = Label.str();
  C.Instructions = Fill.Instructions;
  C.Allocations = Fill.Allocations;
  Out.add(C);
}

bool modelStdFunctionCall(const CallExpr *E, const FunctionDecl *Callee,
                          const ASTContext &Ctx, InitCost &Out) {
  if (!isInStdLibrary(Callee) || !Callee->getIdentifier())
    return false;
  llvm::StringRef Name = Callee->getName();
  if (Name == "make_shared" || Name == "make_unique" ||
      Name == "allocate_shared") {
    std::string What = ("std::" + Name).str();
    Out.add(charge(CostOp::Allocation, 1, What));
    Out.add(charge(CostOp::LibraryCall, 1, What));
    return true;
  }
  return false;
}

// The facts below are measured on Debian bookworm (libstdc++ 12, libc++ 19)
// by bench/calibrate; see docs/cost-model.md.
StdLibFacts detectStdLib(const ASTContext &Ctx) {
  StdLibFacts Facts;
  const TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  for (const Decl *D : TU->decls()) {
    const auto *NS = dyn_cast<NamespaceDecl>(D);
    if (!NS)
      continue;
    if (NS->getName() == "__gnu_cxx") {
      Facts.Kind = StdLibKind::LibStdCxx;
    } else if (NS->getName() == "std") {
      for (const Decl *Inner : NS->decls())
        if (const auto *In = dyn_cast<NamespaceDecl>(Inner))
          if (In->isInline() && compat::startsWith(In->getName(), "__") &&
              In->getName().size() == 3 && In->getName()[2] >= '0' &&
              In->getName()[2] <= '9')
            Facts.Kind = StdLibKind::LibCxx; // std::__1
    }
    if (Facts.Kind != StdLibKind::Unknown)
      break;
  }
  switch (Facts.Kind) {
  case StdLibKind::LibCxx:
    Facts.StringInlineCapacity = 22;
    Facts.FunctionBufferSize = 24; // 3 pointers
    Facts.FunctionInlineNeedsTrivialCopy = false; // nothrow copy suffices
    break;
  case StdLibKind::MicrosoftSTL:
    Facts.StringInlineCapacity = 15;
    Facts.FunctionBufferSize = 56;
    Facts.FunctionInlineNeedsTrivialCopy = false;
    break;
  case StdLibKind::LibStdCxx:
  case StdLibKind::Unknown:
    Facts.StringInlineCapacity = 15;
    Facts.FunctionBufferSize = 16; // sizeof(_Nocopy_types)
    Facts.FunctionInlineNeedsTrivialCopy = true; // __is_location_invariant
    Facts.PerTUIostreamInit = true;              // until GCC 13
    break;
  }
  return Facts;
}

llvm::StringRef stdLibName(StdLibKind K) {
  switch (K) {
  case StdLibKind::LibStdCxx: return "libstdc++";
  case StdLibKind::LibCxx: return "libc++";
  case StdLibKind::MicrosoftSTL: return "msvc-stl";
  case StdLibKind::Unknown: return "unknown";
  }
  return "unknown";
}

/// A copy constructor that cannot throw (libc++ stores such callables inline).
static bool hasNothrowCopy(const CXXRecordDecl *RD, const ASTContext &Ctx) {
  if (!RD || !RD->hasDefinition())
    return true;
  for (const FieldDecl *F : RD->fields()) {
    QualType FT = F->getType();
    if (FT->isReferenceType() || FT.isTriviallyCopyableType(Ctx))
      continue;
    const CXXRecordDecl *FR = FT->getAsCXXRecordDecl();
    if (!FR)
      continue;
    bool Nothrow = false;
    for (const CXXConstructorDecl *C : FR->ctors())
      if (C->isCopyConstructor())
        if (const auto *FPT = C->getType()->getAs<FunctionProtoType>())
          Nothrow = FPT->isNothrow();
    if (!Nothrow)
      return false;
  }
  return true;
}

CallableStorage classifyCallableStorage(QualType Callable, const ASTContext &Ctx,
                                        const StdLibFacts &Lib) {
  CallableStorage S;
  S.BufferSize = Lib.FunctionBufferSize;
  Callable = Callable.getNonReferenceType().getUnqualifiedType();
  if (Callable->isIncompleteType() || Callable->isDependentType())
    return S;
  S.ObjectSize = Ctx.getTypeSizeInChars(Callable).getQuantity();
  if (Callable->isPointerType() || Callable->isMemberPointerType())
    return S;
  if (S.ObjectSize > S.BufferSize) {
    S.OnHeap = true;
    S.Reason = "larger than the " + std::to_string(S.BufferSize) +
               "-byte buffer";
    return S;
  }
  if (Lib.FunctionInlineNeedsTrivialCopy) {
    if (!Callable.isTriviallyCopyableType(Ctx)) {
      S.OnHeap = true;
      S.Reason = "not trivially copyable";
    }
  } else if (!hasNothrowCopy(Callable->getAsCXXRecordDecl(), Ctx)) {
    S.OnHeap = true;
    S.Reason = "copy constructor may throw";
  }
  return S;
}

} // namespace initscan
