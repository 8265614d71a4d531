//===- InitOrder.h - Static initialization order fiasco ----------*- C++ -*-===//
//
// initscan-init-order: a global whose dynamic initializer reads, directly or
// through the functions it calls, a global that is dynamically initialized
// later in the same translation unit or in another one.
//
// The analysis has two halves so that it works one TU at a time:
//  1. collectInitOrderFacts() reduces a TU to plain, serializable facts: the
//     globals it emits or mentions, what each dynamic initializer reads and
//     calls, and what each function it defines reads and calls. Identities
//     are Clang USRs, so facts of different TUs meet by name.
//  2. findInitOrderIssues() follows the calls through the facts of all TUs
//     of a program and reports each (reader, dependency) pair with its chain.
// The clang-tidy check uses both halves on its single TU
// (findInitOrderIssuesInTU), the CLI on the whole program.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_INITORDER_H
#define INITSCAN_INITORDER_H

#include "initscan/StaticInitAnalysis.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace initscan {

/// A place in the sources. Loc is valid only while the TU's AST lives (the
/// clang-tidy check uses it); the rest is what survives serialization.
struct InitOrderLocation {
  std::string File; ///< Absolute path.
  unsigned Line = 0, Column = 0;
  clang::SourceLocation Loc;
};

/// A global variable a TU defines (emits) or only mentions.
struct GlobalVarFact {
  std::string USR;
  std::string Name; ///< Qualified, for messages.
  InitOrderLocation Where;
  /// This TU emits the definition (and runs its initializer, if any).
  bool Defined = false;
  /// Emitted here with a dynamic initializer (the engine's classification).
  bool DynamicInit = false;
  /// Template instantiation: unordered initialization. Clang runs the
  /// TU's unordered initializers before its ordered ones, so such a
  /// dependency is safe in any TU that emits it.
  bool Unordered = false;
  /// Visible to other TUs (external linkage): facts of other TUs may name it.
  bool External = false;
  /// Declared constinit or constexpr: constant-initialized wherever defined.
  bool ConstantDeclared = false;
  /// Position among the TU's emitted initializers (source order).
  unsigned Order = 0;
  /// For a dynamic definition, the cure from the engine's rewrite: constant
  /// initialization when the value is a constant (CanBeConstant, e.g.
  /// "constexpr std::string_view k = ...;"), else construct-on-first-use
  /// (an accessor with a function-local static). Text may be empty.
  bool CanBeConstant = false;
  std::string RewriteText;
};

/// One read of a global or one call of a function, at a place.
struct InitOrderAccess {
  std::string USR;
  std::string Name;
  InitOrderLocation Where;
};

/// What one piece of code (a dynamic initializer or a function body) reads
/// and calls, evaluated operands only.
struct CodeFact {
  std::string USR; ///< The global (initializer) or function.
  std::string Name;
  InitOrderLocation Where;
  bool External = false;
  std::vector<InitOrderAccess> Reads;
  std::vector<InitOrderAccess> Calls;
};

/// Everything findInitOrderIssues needs of one translation unit.
struct InitOrderFacts {
  std::string TranslationUnit; ///< Main file, absolute.
  std::vector<GlobalVarFact> Globals;
  /// Dynamic initializers that run before main (USR = the global's).
  std::vector<CodeFact> Initializers;
  /// Functions defined in this TU: reachable from its initializers, or
  /// callable from other TUs (external, not inline).
  std::vector<CodeFact> Functions;
};

/// The facts of the TU of \p Ctx; \p Inits is analyzeTranslationUnit's
/// result for it (its classification of dynamic initialization is reused).
InitOrderFacts collectInitOrderFacts(clang::ASTContext &Ctx,
                                     llvm::ArrayRef<StaticInitializer> Inits);

/// Writes \p Facts as one JSON object.
void writeJSON(llvm::json::OStream &J, const InitOrderFacts &Facts);
/// False (with \p Error set) when \p Value is not what writeJSON writes.
bool fromJSON(const llvm::json::Value &Value, InitOrderFacts &Facts,
              std::string &Error);

/// One step of the path from the reader's initializer to the read.
struct InitOrderStep {
  enum Kind { Call, Read } K = Call;
  std::string From; ///< The initializer or function that calls or reads.
  std::string To;   ///< The callee or the global read.
  InitOrderLocation Where;
};

struct InitOrderIssue {
  enum Kind {
    /// The dependency is dynamically initialized in another TU: the link
    /// order decides which runs first.
    OtherTranslationUnit,
    /// Same TU, defined (and so initialized) after the reader: always wrong.
    DefinedLater,
    /// Declared extern here, not defined in any TU analysed (single-TU mode):
    /// a fiasco if its definition elsewhere is dynamically initialized.
    ExternDeclaration,
  } K = OtherTranslationUnit;
  std::string Reader, ReaderTU;
  InitOrderLocation ReaderWhere;
  std::string Dependency, DependencyTU; ///< DependencyTU empty for extern.
  InitOrderLocation DependencyWhere;
  std::vector<InitOrderStep> Chain;
  /// How to fix it: constant initialization or construct-on-first-use.
  std::string Cure;

  std::string message() const;
  /// The notes: chain steps, the dependency's definition, the cure.
  std::vector<std::pair<InitOrderLocation, std::string>> notes() const;
};

/// The issues of a whole program, from the facts of all its TUs; each
/// (reader, dependency) pair once, with its shortest chain.
std::vector<InitOrderIssue>
findInitOrderIssues(llvm::ArrayRef<InitOrderFacts> Program);

struct InitOrderOptions {
  /// Single TU: also report reads of globals declared extern and defined in
  /// no analysed TU (the CLI can tell whether they are a real problem).
  bool ReportExternReads = false;
};

/// The issues one TU shows on its own: dependencies defined later in the TU,
/// and with Opts.ReportExternReads reads of extern globals.
std::vector<InitOrderIssue>
findInitOrderIssuesInTU(const InitOrderFacts &Facts,
                        const InitOrderOptions &Opts = {});

} // namespace initscan

#endif // INITSCAN_INITORDER_H
