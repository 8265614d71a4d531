//===- StaticInitAnalysis.h - Code that runs before main --------*- C++ -*-===//
//
// The engine's public interface: for one translation unit, every variable with
// static storage duration that is initialized before main (plus thread_local
// variables and constructor functions, kept apart), classified with Clang's
// own semantics and costed by the cost model. The clang-tidy checks and the
// initscan CLI are thin front-ends over this header.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_STATICINITANALYSIS_H
#define INITSCAN_STATICINITANALYSIS_H

#include "initscan/InitCost.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class Expr;
class QualType;
class FunctionDecl;
class NamedDecl;
class VarDecl;
} // namespace clang

namespace initscan {

/// Where the start-up code comes from.
enum class StorageKind {
  Namespace,           ///< Namespace-scope variable (incl. inline variables).
  StaticMember,        ///< Static data member (incl. template instantiations).
  ThreadLocal,         ///< thread_local: initialized per thread on first use.
  ConstructorFunction, ///< __attribute__((constructor)) function.
};
llvm::StringRef storageKindName(StorageKind K);

/// The standard library a translation unit uses, as its headers show.
enum class StdLibKind { Unknown, LibStdCxx, LibCxx, MicrosoftSTL };
llvm::StringRef stdLibName(StdLibKind K);

/// Facts of one standard library that decide whether construction allocates.
struct StdLibFacts {
  StdLibKind Kind = StdLibKind::Unknown;
  unsigned StringInlineCapacity = 15;   ///< chars stored without allocating.
  unsigned FunctionBufferSize = 16;     ///< bytes of std::function's buffer.
  unsigned FunctionBufferAlign = 8;     ///< its alignment.
  bool FunctionInlineNeedsTrivialCopy = true; ///< libstdc++: location-invariant.
  bool PerTUIostreamInit = false; ///< <iostream> defines std::ios_base::Init.
};
StdLibFacts detectStdLib(const clang::ASTContext &Ctx);

/// Why a callable does not stay in a wrapper's small buffer.
enum class HeapReason {
  None,
  TooLarge,
  OverAligned,
  NotTriviallyCopyable, ///< libstdc++'s std::function
  CopyMayThrow,         ///< libc++'s std::function
  MoveMayThrow,         ///< std::move_only_function
};

/// Where a std::function-like wrapper keeps a callable object of some type.
struct CallableStorage {
  uint64_t ObjectSize = 0;  ///< sizeof the callable (closure) in bytes.
  uint64_t BufferSize = 0;  ///< the wrapper's small buffer in this library.
  bool OnHeap = false;      ///< construction allocates.
  HeapReason Why = HeapReason::None;
  std::string Reason;       ///< Why, in words.
};
/// The library's rule for \p Wrapper (std::function when null) storing an
/// object of type \p Callable.
CallableStorage classifyCallableStorage(clang::QualType Callable,
                                        const clang::CXXRecordDecl *Wrapper,
                                        const clang::ASTContext &Ctx,
                                        const StdLibFacts &Lib);

/// A callable stored in a std::function-like wrapper that does not fit its
/// small buffer, met while walking an initializer.
struct HeapCallable {
  const clang::Expr *Source = nullptr; ///< The callable (often a LambdaExpr).
  CallableStorage Storage;
  std::string Via; ///< Call path from the initializer, empty when direct.
};

/// A rewrite that removes or defers the start-up cost.
struct Rewrite {
  enum Kind {
    None,
    StringView,     ///< const std::string k = "lit" -> constexpr std::string_view
    ConstantArray,  ///< container of constants -> constexpr std::array
    Constexpr,      ///< initializer is already a constant expression
    LazyAccessor,   ///< function-local static, built on first use
    Registry,       ///< a registrar: keep it, make the registry lazy
  };
  Kind K = None;
  /// One line saying what to write instead.
  std::string Advice;
  /// Replacement text for the declaration (shown in a note).
  std::string Text;
  /// Source range of the declaration to replace; valid only when a fix-it is
  /// safe (no macro, every use in the TU still compiles).
  clang::CharSourceRange FixRange;
  std::string FixText;
  bool hasFix() const { return FixRange.isValid(); }
};

/// One piece of start-up code of a translation unit.
struct StaticInitializer {
  const clang::NamedDecl *Decl = nullptr; ///< VarDecl or FunctionDecl.
  StorageKind Storage = StorageKind::Namespace;
  std::string Name;          ///< For messages: "kPattern", "label<int>".
  std::string QualifiedName; ///< "app::Router::kRoute".
  std::string MangledName;
  /// Clang emits code that computes the initial value before main
  /// (or on first use per thread, for thread_local).
  bool DynamicInit = false;
  /// A non-trivial destructor is registered with __cxa_atexit.
  bool RegistersDestructor = false;
  bool InSystemHeader = false;
  bool InMacro = false;
  /// Built only for its initializer's side effect: an object never named
  /// again in the TU (`static Registrar r("name", &fn);`), an object of a
  /// class with no state and no member functions (`RegisterFoo gRegister;`),
  /// or a private variable never named again that holds the result of a
  /// call (`static bool registered = registerHandler("name", fn);`).
  bool Registrar = false;
  InitCost Cost;
  /// Callables built on the heap while this initializer runs.
  std::vector<HeapCallable> HeapCallables;
  Rewrite Suggestion;

  const clang::VarDecl *var() const;
  const clang::FunctionDecl *function() const;
  /// Clang emits a __cxx_global_var_init function for it: the exact set the
  /// differential test compares with the compiler's output.
  bool emitsInitFunction() const {
    return Storage != StorageKind::ConstructorFunction &&
           (DynamicInit || RegistersDestructor);
  }
  /// The code runs before main (thread_local variables run lazily).
  bool runsBeforeMain() const {
    return Storage == StorageKind::ConstructorFunction ||
           (Storage != StorageKind::ThreadLocal && emitsInitFunction());
  }
  clang::SourceLocation location() const;
};

struct AnalysisOptions {
  /// How deep the cost walk follows visible callee bodies.
  unsigned MaxCallDepth = 8;
  /// Statements visited per initializer before the walk stops (and says so).
  unsigned StatementBudget = 20000;
  /// Compute rewrite suggestions and fix-its.
  bool SuggestRewrites = true;
};

/// Everything in the translation unit of \p Ctx that runs at start-up, in
/// source order. Each definition appears once, however often it is declared.
std::vector<StaticInitializer> analyzeTranslationUnit(clang::ASTContext &Ctx,
                                                      const AnalysisOptions &Opts = {});

/// The same analysis, cached per ASTContext so several clang-tidy checks over
/// one TU share one run. Valid until the ASTContext is destroyed.
const std::vector<StaticInitializer> &
analyzeTranslationUnitCached(clang::ASTContext &Ctx, const AnalysisOptions &Opts = {});

} // namespace initscan

#endif // INITSCAN_STATICINITANALYSIS_H
