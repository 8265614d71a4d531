//===- StdLibModel.h - What the engine knows of the standard library -*- C++ -*-===//
#ifndef INITSCAN_LIB_STDLIBMODEL_H
#define INITSCAN_LIB_STDLIBMODEL_H

#include "initscan/StaticInitAnalysis.h"
#include <optional>
#include <string>

namespace clang {
class CallExpr;
class CXXConstructorDecl;
class CXXRecordDecl;
class Decl;
} // namespace clang

namespace initscan {

/// Standard-library classes with a cost model of their own.
enum class StdClassKind {
  Other,
  Free, ///< Construction costs nothing worth counting (std::allocator).
  String,
  Vector,
  Deque,
  List,
  TreeContainer,
  HashContainer,
  Callable,
  Pair,
  Regex,
  Locale,
  FileStream,
  Thread,
  IostreamInit,
};

/// True for declarations in namespace std (or the implementation's own
/// namespaces), whose bodies the engine models instead of walking.
bool isInStdLibrary(const clang::Decl *D);
/// "std::map", "std::basic_string": the qualified name without inline
/// namespaces or template arguments.
std::string stdClassName(const clang::CXXRecordDecl *Record);
StdClassKind classifyStdClass(llvm::StringRef QualifiedName);
/// How elements reach a container.
enum class FillKind {
  Construct, ///< Built with its elements: buffers and bucket arrays allocated.
  Insert,    ///< One insertion into an existing container (amortized).
};
/// Charges putting \p Elements elements into a container of kind \p Kind,
/// as one contributor labelled \p Label.
void chargeContainerFill(StdClassKind Kind, FillKind Fill, uint64_t Elements,
                         llvm::StringRef Label, InitCost &Out);
/// The complete definition of \p T's class, or null (dependent, incomplete,
/// invalid, not a class).
const clang::CXXRecordDecl *definitionOf(clang::QualType T);
/// A declared constructor's exception specification, when it is known (an
/// unevaluated or uninstantiated one cannot be asked).
std::optional<bool> declaredNothrow(const clang::CXXConstructorDecl *Ctor);
/// Copying a \p T cannot throw: trivially copyable, a reference, or a copy
/// constructor declared noexcept (an unresolved specification may throw).
bool nothrowCopy(clang::QualType T, const clang::ASTContext &Ctx);
/// is_nothrow_move_constructible, approximated from the declarations.
bool nothrowMove(clang::QualType T, const clang::ASTContext &Ctx,
                 unsigned Depth = 0);

/// Standard free functions with a model (std::make_shared, ...).
bool modelStdFunctionCall(const clang::CallExpr *E,
                          const clang::FunctionDecl *Callee,
                          const clang::ASTContext &Ctx, InitCost &Out);

} // namespace initscan

#endif // INITSCAN_LIB_STDLIBMODEL_H
