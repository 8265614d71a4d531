//===- StdLibModel.h - What the engine knows of the standard library -*- C++ -*-===//
#ifndef INITSCAN_LIB_STDLIBMODEL_H
#define INITSCAN_LIB_STDLIBMODEL_H

#include "initscan/StaticInitAnalysis.h"
#include <string>

namespace clang {
class CallExpr;
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
/// Charges inserting \p Elements elements into a container of kind \p Kind,
/// as one contributor labelled \p Label. A single insertion (Elements == 1)
/// into a sequence does not charge the buffer.
void chargeContainerFill(StdClassKind Kind, uint64_t Elements,
                         llvm::StringRef Label, InitCost &Out);
/// Standard free functions with a model (std::make_shared, ...).
bool modelStdFunctionCall(const clang::CallExpr *E,
                          const clang::FunctionDecl *Callee,
                          const clang::ASTContext &Ctx, InitCost &Out);

} // namespace initscan

#endif // INITSCAN_LIB_STDLIBMODEL_H
