//===- StdLibModel.cpp - What the engine knows of the standard library -----===//

#include "StdLibModel.h"
#include "CostModel.h"
#include "initscan/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"

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

void chargeContainerFill(StdClassKind Kind, FillKind How, uint64_t Elements,
                         llvm::StringRef Label, InitCost &Out) {
  InitCost Fill;
  bool Bulk = How == FillKind::Construct;
  switch (Kind) {
  case StdClassKind::Vector:
  case StdClassKind::Deque:
    if (Bulk && Elements) {
      Fill.add(charge(CostOp::Allocation));
      Fill.add(charge(CostOp::VectorBuffer));
      // A deque allocates its block map and then its first block
      // (deque_int_01..64: 2 allocations in both libraries).
      if (Kind == StdClassKind::Deque)
        Fill.add(charge(CostOp::Allocation));
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
    Facts.FunctionBufferAlign = 16; // aligned_storage<24>
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
    Facts.FunctionBufferAlign = 8;  // alignof(_Nocopy_types)
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

const CXXRecordDecl *definitionOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (T->isDependentType() || T->isIncompleteType())
    return nullptr;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->isInvalidDecl() ||
      RD->isDependentType())
    return nullptr;
  return RD->getDefinition();
}

/// A declared special member's exception specification, when it is known.
std::optional<bool> declaredNothrow(const CXXConstructorDecl *Ctor) {
  const auto *FPT = Ctor->getType()->getAs<FunctionProtoType>();
  if (!FPT)
    return std::nullopt;
  switch (FPT->getExceptionSpecType()) {
  case EST_Unevaluated:
  case EST_Uninstantiated:
  case EST_Unparsed:
    return std::nullopt;
  default:
    return FPT->isNothrow();
  }
}

/// is_nothrow_move_constructible, approximated from the declarations: the
/// declared move (or copy) constructor's noexcept, or for implicit ones all
/// bases and members.
bool nothrowMove(QualType T, const ASTContext &Ctx, unsigned Depth) {
  if (T->isReferenceType())
    return true;
  T = Ctx.getBaseElementType(T);
  if (T->isDependentType() || T->isIncompleteType())
    return false;
  if (T.isTriviallyCopyableType(Ctx))
    return true;
  const CXXRecordDecl *RD = definitionOf(T);
  if (!RD || Depth > 8)
    return false;
  const CXXConstructorDecl *Move = nullptr, *Copy = nullptr;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (C->isMoveConstructor())
      Move = C;
    else if (C->isCopyConstructor())
      Copy = C;
  }
  const CXXConstructorDecl *Used = Move;
  if (!Used && !RD->needsImplicitMoveConstructor())
    Used = Copy;
  if (Used) {
    if (Used->isDeleted())
      return false;
    if (std::optional<bool> Known = declaredNothrow(Used))
      return *Known;
    if (!Used->isDefaulted() && !Used->isImplicit())
      return false;
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (!nothrowMove(B.getType(), Ctx, Depth + 1))
      return false;
  for (const FieldDecl *F : RD->fields())
    if (!nothrowMove(F->getType(), Ctx, Depth + 1))
      return false;
  return true;
}

/// The small buffer of libstdc++'s std::move_only_function (its
/// _Mofunc_base::_M_storage), read from the headers the TU includes.
std::optional<std::pair<uint64_t, uint64_t>>
moveOnlyBuffer(const CXXRecordDecl *RD, const ASTContext &Ctx,
               unsigned Depth) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || RD->isInvalidDecl() || RD->isDependentType() || Depth > 4)
    return std::nullopt;
  for (const FieldDecl *F : RD->fields()) {
    if (F->getName() != "_M_storage")
      continue;
    QualType T = F->getType();
    if (T->isDependentType() || T->isIncompleteType())
      return std::nullopt;
    return std::make_pair(
        static_cast<uint64_t>(Ctx.getTypeSizeInChars(T).getQuantity()),
        static_cast<uint64_t>(Ctx.getTypeAlignInChars(T).getQuantity()));
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (auto Found = moveOnlyBuffer(B.getType()->getAsCXXRecordDecl(), Ctx,
                                    Depth + 1))
      return Found;
  return std::nullopt;
}


bool nothrowCopy(QualType T, const ASTContext &Ctx) {
  if (T->isReferenceType() || T.isTriviallyCopyableType(Ctx))
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return true;
  bool Nothrow = false;
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isCopyConstructor())
      Nothrow = declaredNothrow(C).value_or(false);
  return Nothrow;
}

/// Every member copies without throwing (libc++ stores such callables inline).
static bool hasNothrowCopy(const CXXRecordDecl *RD, const ASTContext &Ctx) {
  if (!RD || !RD->hasDefinition())
    return true;
  for (const FieldDecl *F : RD->fields())
    if (!nothrowCopy(F->getType(), Ctx))
      return false;
  return true;
}

static std::string heapReasonText(HeapReason Why, uint64_t BufferSize) {
  std::string Buffer = "the " + std::to_string(BufferSize) + "-byte buffer";
  switch (Why) {
  case HeapReason::None: return "";
  case HeapReason::TooLarge: return "larger than " + Buffer;
  case HeapReason::OverAligned: return "over-aligned for " + Buffer;
  case HeapReason::NotTriviallyCopyable: return "not trivially copyable";
  case HeapReason::CopyMayThrow: return "copy constructor may throw";
  case HeapReason::MoveMayThrow: return "move constructor may throw";
  }
  return "";
}

CallableStorage classifyCallableStorage(QualType Callable,
                                        const CXXRecordDecl *Wrapper,
                                        const ASTContext &Ctx,
                                        const StdLibFacts &Lib) {
  CallableStorage S;
  S.BufferSize = Lib.FunctionBufferSize;
  uint64_t BufferAlign = Lib.FunctionBufferAlign;
  Callable = Callable.getNonReferenceType().getUnqualifiedType();
  if (Callable.isNull() || Callable->isIncompleteType() ||
      Callable->isDependentType())
    return S;
  S.ObjectSize = Ctx.getTypeSizeInChars(Callable).getQuantity();
  if (Callable->isPointerType() || Callable->isMemberPointerType() ||
      Callable->isFunctionType())
    return S;
  uint64_t Align = Ctx.getTypeAlignInChars(Callable).getQuantity();
  bool MoveOnly = Wrapper && isInStdLibrary(Wrapper) &&
                  stdClassName(Wrapper) == "std::move_only_function";
  std::optional<std::pair<uint64_t, uint64_t>> MoveOnlyBuffer;
  if (MoveOnly && Lib.Kind == StdLibKind::LibStdCxx)
    MoveOnlyBuffer = moveOnlyBuffer(Wrapper, Ctx, 0);
  if (MoveOnlyBuffer) {
    // libstdc++'s move_only_function: its own buffer, nothrow move suffices.
    S.BufferSize = MoveOnlyBuffer->first;
    BufferAlign = MoveOnlyBuffer->second;
    if (S.ObjectSize > S.BufferSize)
      S.Why = HeapReason::TooLarge;
    else if (Align > BufferAlign)
      S.Why = HeapReason::OverAligned;
    else if (Callable->isRecordType() && !nothrowMove(Callable, Ctx))
      S.Why = HeapReason::MoveMayThrow;
  } else if (S.ObjectSize > S.BufferSize) {
    S.Why = HeapReason::TooLarge;
  } else if (Align > BufferAlign) {
    S.Why = HeapReason::OverAligned;
  } else if (Lib.FunctionInlineNeedsTrivialCopy) {
    if (!Callable.isTriviallyCopyableType(Ctx))
      S.Why = HeapReason::NotTriviallyCopyable;
  } else if (!hasNothrowCopy(Callable->getAsCXXRecordDecl(), Ctx)) {
    S.Why = HeapReason::CopyMayThrow;
  }
  S.OnHeap = S.Why != HeapReason::None;
  S.Reason = heapReasonText(S.Why, S.BufferSize);
  return S;
}

} // namespace initscan
