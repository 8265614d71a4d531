//===- CostEstimator.h - Walks initializers and charges the model -*- C++ -*-===//
#ifndef INITSCAN_LIB_COSTESTIMATOR_H
#define INITSCAN_LIB_COSTESTIMATOR_H

#include "initscan/StaticInitAnalysis.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

namespace clang {
class CXXConstructExpr;
class CallExpr;
class Expr;
class ParmVarDecl;
class Stmt;
class QualType;
} // namespace clang

namespace initscan {

/// Estimates the cost of initializers by walking their ASTs: constructors and
/// callees with visible bodies are followed to a bounded depth (memoized,
/// recursion guarded); standard-library types and known library functions are
/// charged from the cost table; unseen callees are counted as unknown.
class CostEstimator {
public:
  CostEstimator(clang::ASTContext &Ctx, const StdLibFacts &Lib,
                const AnalysisOptions &Opts)
      : Ctx(Ctx), Lib(Lib), Opts(Opts) {}

  /// Cost of evaluating the initializer of \p Var (not the frame or the
  /// destructor registration, which the caller adds); heap-stored callables
  /// met on the way are appended to \p HeapCallables.
  InitCost estimateInitializer(const clang::VarDecl &Var,
                               std::vector<HeapCallable> &HeapCallables);
  /// Cost of running the body of \p Fn (a constructor function).
  InitCost estimateBody(const clang::FunctionDecl &Fn,
                        std::vector<HeapCallable> &HeapCallables);

private:
  void visit(const clang::Stmt *S, InitCost &Out, unsigned Depth);
  void visitChildren(const clang::Stmt *S, InitCost &Out, unsigned Depth);
  void visitConstruct(const clang::CXXConstructExpr *E, InitCost &Out,
                      unsigned Depth);
  void visitCall(const clang::CallExpr *E, InitCost &Out, unsigned Depth);
  bool modelStdConstruct(const clang::CXXConstructExpr *E, llvm::StringRef Class,
                         InitCost &Out, unsigned Depth);
  bool modelStdMemberCall(const clang::CallExpr *E, llvm::StringRef Class,
                          llvm::StringRef Method, InitCost &Out);
  uint64_t stringLength(const clang::Expr *Source) const;
  std::optional<uint64_t> literalLength(const clang::Expr *E) const;
  const clang::Expr *resolveArgument(const clang::Expr *E) const;
  void chargeString(uint64_t Length, InitCost &Out);
  void chargeCallable(const clang::Expr *Source,
                      const clang::CXXRecordDecl *Wrapper, InitCost &Out);
  void chargeElementConversions(const clang::CXXConstructExpr *E, InitCost &Out);
  void chargeFunctionCall(const clang::FunctionDecl *Fn, InitCost &Out,
                          unsigned Depth,
                          llvm::ArrayRef<const clang::Expr *> Args = {});
  void visitLoop(const clang::Stmt *Loop, const clang::Stmt *Body,
                 uint64_t TripCount, InitCost &Out, unsigned Depth);

  clang::ASTContext &Ctx;
  const StdLibFacts &Lib;
  const AnalysisOptions &Opts;
  struct FunctionSummary {
    InitCost Cost;
    std::vector<HeapCallable> HeapCallables;
  };
  /// (function, depth) and a hash of the lengths of the literals bound to
  /// its parameters.
  using FunctionKey =
      std::pair<std::pair<const clang::FunctionDecl *, unsigned>, uint64_t>;
  llvm::DenseMap<FunctionKey, FunctionSummary> Functions;
  /// Where the walk in progress records heap-stored callables.
  std::vector<HeapCallable> *HeapCallables = nullptr;
  llvm::SmallPtrSet<const clang::FunctionDecl *, 16> InProgress;
  /// Literal arguments bound to the parameters of the callees being walked.
  llvm::DenseMap<const clang::ParmVarDecl *, const clang::Expr *> Arguments;
  unsigned Budget = 0;
};

} // namespace initscan

#endif // INITSCAN_LIB_COSTESTIMATOR_H
