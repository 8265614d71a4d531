//===- TestSupport.h - Parsing snippets for the engine's unit tests -*- C++ -*-===//
#ifndef INITSCAN_TEST_UNIT_TESTSUPPORT_H
#define INITSCAN_TEST_UNIT_TESTSUPPORT_H

#include "initscan/Findings.h"
#include "initscan/StaticInitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/ASTUnit.h"
#include "llvm/ADT/StringRef.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>
#include <vector>

namespace initscan::test {

/// One parsed snippet and the engine's analysis of it.
struct ParsedTU {
  std::unique_ptr<clang::ASTUnit> AST;
  std::vector<StaticInitializer> Inits;
  /// Error diagnostics of the parse, rendered; empty when it compiled.
  std::string Errors;

  bool ok() const { return AST && Errors.empty(); }
  clang::ASTContext &ctx() const { return AST->getASTContext(); }
};

/// The arguments every snippet is compiled with besides \p Extra: the
/// resource dir of the LLVM installation the tests are built against.
std::vector<std::string> compileArgs(const std::vector<std::string> &Extra);

/// Parses \p Code as input.cpp (C++17 unless \p Extra names a -std) and runs
/// analyzeTranslationUnit over it.
ParsedTU analyze(llvm::StringRef Code, std::vector<std::string> Extra = {},
                 const AnalysisOptions &Opts = {});

/// The initializer whose QualifiedName is \p Name, or null.
const StaticInitializer *find(const std::vector<StaticInitializer> &Inits,
                              llvm::StringRef Name);
/// How many initializers are named \p Name.
size_t count(const std::vector<StaticInitializer> &Inits, llvm::StringRef Name);
/// The QualifiedNames of \p Inits, in order.
std::vector<std::string> names(const std::vector<StaticInitializer> &Inits);

/// The namespace-scope variable \p Name of the translation unit, or null.
const clang::VarDecl *lookupVar(clang::ASTContext &Ctx, llvm::StringRef Name);

/// The finding about the declaration named \p Name (unqualified), or null.
const Finding *findingFor(const std::vector<Finding> &Findings,
                          llvm::StringRef Name);

/// Source text covered by \p Range.
std::string textOf(clang::CharSourceRange Range, clang::ASTContext &Ctx);

/// \p Code (the main file of \p Ctx) with the fix-its of \p F applied.
std::string applyFixes(llvm::StringRef Code, const Finding &F,
                       clang::ASTContext &Ctx);

} // namespace initscan::test

/// Parses \p Code into the ParsedTU \p TU and stops the test if it does not
/// compile. Further arguments are extra compiler arguments.
#define ASSERT_PARSES(TU, ...)                                                 \
  ::initscan::test::ParsedTU TU = ::initscan::test::analyze(__VA_ARGS__);      \
  ASSERT_TRUE(TU.ok()) << "snippet does not compile:\n" << TU.Errors

/// Binds \p Var to the initializer named \p Name of \p TU, or stops the test.
#define ASSERT_FIND(Var, TU, Name)                                             \
  const ::initscan::StaticInitializer *Var =                                  \
      ::initscan::test::find((TU).Inits, Name);                               \
  ASSERT_NE(Var, nullptr) << "no initializer named " << (Name) << "; have: "  \
                          << ::testing::PrintToString(                         \
                                 ::initscan::test::names((TU).Inits))

/// A behaviour of the engine reported as a bug. While \p Cond (the buggy
/// behaviour) holds, the test is skipped with the report instead of failing;
/// once the engine is fixed, the assertions after it hold the line.
#define SKIP_IF_ENGINE_BUG(Cond, Report)                                       \
  if (Cond)                                                                    \
  GTEST_SKIP() << "engine bug: " << Report

#endif // INITSCAN_TEST_UNIT_TESTSUPPORT_H
