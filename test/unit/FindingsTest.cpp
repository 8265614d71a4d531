//===- FindingsTest.cpp - initscan-expensive-static-init decisions --------===//

#include "TestSupport.h"
#include "initscan/Compat.h"
#include "llvm/ADT/StringRef.h"

using namespace initscan;
using namespace initscan::test;

namespace {

ExpensiveStaticInitOptions withThreshold(llvm::StringRef Text) {
  ExpensiveStaticInitOptions Opts;
  EXPECT_TRUE(parseCostThreshold(Text, Opts.MinCost)) << Text.str();
  return Opts;
}

constexpr const char *RegexAndString = R"cpp(
  #include <regex>
  #include <string>
  std::regex r("[a-z]+@[a-z]+\\.com");
  const std::string s = "short";
)cpp";

TEST(Findings, RegexMessage) {
  ASSERT_PARSES(TU, RegexAndString);
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});
  const Finding *R = findingFor(Findings, "r");
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->Check, ExpensiveStaticInitCheck);
  EXPECT_TRUE(
      compat::startsWith(R->Message, "'r' is initialized before main: ~"))
      << R->Message;
  EXPECT_NE(R->Message.find("(std::regex compile)"), std::string::npos)
      << R->Message;
  EXPECT_TRUE(compat::endsWith(R->Message, ")")) << R->Message;
  EXPECT_EQ(R->Loc, R->Init->location());
  // The lazy-accessor rewrite is offered as a note, without a fix-it.
  EXPECT_TRUE(R->Fixes.empty());
  ASSERT_FALSE(R->Notes.empty());
  EXPECT_NE(R->Notes.back().Message.find("function-local static"),
            std::string::npos)
      << R->Notes.back().Message;
  EXPECT_NE(R->Notes.back().Message.find("without a regex"), std::string::npos)
      << R->Notes.back().Message;
}

TEST(Findings, FindingsFollowSourceOrder) {
  ASSERT_PARSES(TU, RegexAndString);
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Init->QualifiedName, "r");
  EXPECT_EQ(Findings[1].Init->QualifiedName, "s");
}

TEST(Findings, ThresholdFiltersCheapInitializers) {
  ASSERT_PARSES(TU, RegexAndString);
  // With no threshold, both are reported.
  std::vector<Finding> All = findExpensiveStaticInits(TU.Inits, withThreshold("0"));
  EXPECT_NE(findingFor(All, "s"), nullptr);
  EXPECT_NE(findingFor(All, "r"), nullptr);
  // 100k: the regex (hundreds of thousands of instructions) stays.
  std::vector<Finding> Mid =
      findExpensiveStaticInits(TU.Inits, withThreshold("100k"));
  EXPECT_EQ(findingFor(Mid, "s"), nullptr);
  EXPECT_NE(findingFor(Mid, "r"), nullptr);
  // 1M: the short string is certainly not reported.
  std::vector<Finding> High = findExpensiveStaticInits(TU.Inits, withThreshold("1M"));
  EXPECT_EQ(findingFor(High, "s"), nullptr);
}

TEST(Findings, DestructorOnlyGlobalsCanBeDropped) {
  ASSERT_PARSES(TU, R"cpp(
    struct Handle {
      constexpr Handle(int v) : v(v) {}
      ~Handle() { v = 0; }
      int v;
    };
    Handle h(3);
    int f();
    int g = f();
  )cpp");
  std::vector<Finding> With = findExpensiveStaticInits(TU.Inits, {});
  const Finding *H = findingFor(With, "h");
  ASSERT_NE(H, nullptr);
  EXPECT_TRUE(
      compat::startsWith(H->Message, "'h' registers a destructor at exit: ~"))
      << H->Message;

  ExpensiveStaticInitOptions Opts;
  Opts.ReportDestructorOnly = false;
  std::vector<Finding> Without = findExpensiveStaticInits(TU.Inits, Opts);
  EXPECT_EQ(findingFor(Without, "h"), nullptr);
  EXPECT_NE(findingFor(Without, "g"), nullptr);
  EXPECT_EQ(Without.size(), 1u);
}

TEST(Findings, ConstructorFunctionAndThreadLocal) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    __attribute__((constructor)) void boot() {}
    thread_local std::string perThread = "a string long enough for the heap";
  )cpp");
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});
  ASSERT_EQ(Findings.size(), 1u) << "thread_local does not run before main";
  EXPECT_TRUE(compat::startsWith(
      Findings[0].Message, "constructor function 'boot' runs before main: "))
      << Findings[0].Message;
}

TEST(Findings, UnknownCalleesAreNamedInANote) {
  ASSERT_PARSES(TU, R"cpp(
    int externalSeed(int);
    int seed = externalSeed(3);
  )cpp");
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_NE(Findings[0].Message.find("1 unseen call"), std::string::npos)
      << Findings[0].Message;
  bool Named = false;
  for (const FindingNote &N : Findings[0].Notes)
    Named |= N.Message.find("not visible in this translation unit: "
                            "'externalSeed'") != std::string::npos;
  EXPECT_TRUE(Named);
}

TEST(Findings, StringViewFixItOnlyWhenEveryUseSurvives) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    #include <string_view>
    const std::string k = "lit";
    unsigned long useK() { return k.size(); }

    const std::string passed = "lit2";
    void take(const std::string &);
    void usePassed() { take(passed); }
  )cpp");
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});

  const Finding *K = findingFor(Findings, "k");
  ASSERT_NE(K, nullptr);
  ASSERT_EQ(K->Fixes.size(), 1u);
  EXPECT_EQ(K->Fixes[0].CodeToInsert, "constexpr std::string_view k = \"lit\"");
  EXPECT_EQ(textOf(K->Fixes[0].RemoveRange, TU.ctx()),
            "const std::string k = \"lit\"");
  EXPECT_EQ(K->Init->Suggestion.K, Rewrite::StringView);

  const Finding *P = findingFor(Findings, "passed");
  ASSERT_NE(P, nullptr);
  EXPECT_TRUE(P->Fixes.empty());
  // The rewrite is still suggested, as a note.
  EXPECT_EQ(P->Init->Suggestion.K, Rewrite::StringView);
  EXPECT_FALSE(P->Init->Suggestion.hasFix());
  ASSERT_FALSE(P->Notes.empty());
  EXPECT_NE(P->Notes.back().Message.find(
                "constexpr std::string_view passed = \"lit2\";"),
            std::string::npos)
      << P->Notes.back().Message;
}

TEST(Findings, NoFixItInsideMacro) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    #include <string_view>
    #define CONST_NAME(id, text) const std::string id = text;
    CONST_NAME(fromMacro, "m")
    unsigned long use() { return fromMacro.size(); }
  )cpp");
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});
  const Finding *M = findingFor(Findings, "fromMacro");
  ASSERT_NE(M, nullptr);
  EXPECT_TRUE(M->Fixes.empty());
}

} // namespace

namespace {

/// Applies the fix-its offered for \p Name in \p Code and reparses: the
/// errors of the rewritten code ("" when it compiles), or "no fix" when none
/// is offered.
std::string errorsAfterFix(const char *Code, const char *Name) {
  ParsedTU TU = analyze(Code);
  if (!TU.ok()) {
    ADD_FAILURE() << "snippet does not compile:\n" << TU.Errors;
    return "not compiled";
  }
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});
  const Finding *F = findingFor(Findings, Name);
  if (!F) {
    ADD_FAILURE() << "no finding for " << Name;
    return "no finding";
  }
  if (F->Fixes.empty())
    return "no fix";
  std::string Fixed = applyFixes(Code, *F, TU.ctx());
  ParsedTU After = analyze(Fixed);
  if (After.ok())
    return "";
  return "rewritten code:\n" + Fixed + "\nerrors:\n" + After.Errors;
}

TEST(Findings, StringViewFixItKeepsTheCodeCompiling) {
  const char *Code = R"cpp(
    #include <string>
    #include <string_view>
    const std::string k = "lit";
    unsigned long sizes() { return k.size() + k.length(); }
    bool compare(const std::string &o) {
      return k == o || o != k || k.empty() || k[0] == 'l';
    }
    const char *raw() { return k.data(); }
  )cpp";
  ASSERT_PARSES(TU, Code);
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});
  const Finding *K = findingFor(Findings, "k");
  ASSERT_NE(K, nullptr);
  ASSERT_EQ(K->Fixes.size(), 1u) << "every use is read-only";
  std::string Fixed = applyFixes(Code, *K, TU.ctx());
  EXPECT_NE(Fixed.find("constexpr std::string_view k = \"lit\";"),
            std::string::npos)
      << Fixed;
  ASSERT_PARSES(After, Fixed);
  // And the rewritten variable no longer runs anything before main.
  ASSERT_FIND(NewK, After, "k");
  EXPECT_FALSE(NewK->runsBeforeMain());
}

TEST(Findings, StringViewFixItWithUserOperatorTakingStdString) {
  std::string Errors = errorsAfterFix(R"cpp(
    #include <string>
    #include <string_view>
    struct Log {};
    Log &operator<<(Log &, const std::string &);
    const std::string k = "lit";
    void emit(Log &L) { L << k; }
  )cpp", "k");
  SKIP_IF_ENGINE_BUG(!Errors.empty() && Errors != "no fix",
                     "Rewrite.cpp UseChecker::isSafeUse accepts any "
                     "overloaded `<<` (and ==, <, [] ...), including a user "
                     "operator taking const std::string&; the string_view "
                     "fix-it then breaks the build\n"
                     << Errors);
  EXPECT_TRUE(Errors.empty() || Errors == "no fix") << Errors;
}

TEST(Findings, StringViewFixItWithVariableAsMapKey) {
  std::string Errors = errorsAfterFix(R"cpp(
    #include <map>
    #include <string>
    #include <string_view>
    std::map<std::string, int> counts;
    const std::string k = "lit";
    int lookup() { return counts[k]; }
  )cpp", "k");
  SKIP_IF_ENGINE_BUG(!Errors.empty() && Errors != "no fix",
                     "Rewrite.cpp UseChecker::isSafeUse treats `m[k]` as safe "
                     "(OO_Subscript) without checking that k is the object, "
                     "not the index; map<string,int>::operator[] does not "
                     "take a string_view\n"
                     << Errors);
  EXPECT_TRUE(Errors.empty() || Errors == "no fix") << Errors;
}

TEST(Findings, StringViewFixItInMultiVariableDeclaration) {
  std::string Errors = errorsAfterFix(R"cpp(
    #include <string>
    #include <string_view>
    void take(const std::string &);
    const std::string a = "x", b = "y";
    unsigned long use() { take(b); return a.size(); }
  )cpp", "a");
  SKIP_IF_ENGINE_BUG(!Errors.empty() && Errors != "no fix",
                     "the fix-it for `a` in `const std::string a = \"x\", b = "
                     "\"y\";` replaces the shared `const std::string`, so `b` "
                     "becomes a string_view too and take(b) no longer "
                     "compiles\n"
                     << Errors);
  EXPECT_TRUE(Errors.empty() || Errors == "no fix") << Errors;
}

TEST(Findings, StringViewFixItWithLaterRedeclaration) {
  std::string Errors = errorsAfterFix(R"cpp(
    #include <string>
    #include <string_view>
    const std::string k = "lit";
    extern const std::string k;
    unsigned long use() { return k.size(); }
  )cpp", "k");
  SKIP_IF_ENGINE_BUG(!Errors.empty() && Errors != "no fix",
                     "stringViewRewrite checks getPreviousDecl() but not later "
                     "redeclarations; the fix-it leaves `extern const "
                     "std::string k;` with a conflicting type\n"
                     << Errors);
  EXPECT_TRUE(Errors.empty() || Errors == "no fix") << Errors;
}

TEST(Findings, UnreferencedConstStringIsStillAStringViewCandidate) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    #include <string_view>
    const std::string unused = "lit";
  )cpp");
  ASSERT_FIND(U, TU, "unused");
  SKIP_IF_ENGINE_BUG(U->Suggestion.K != Rewrite::StringView,
                     "an unreferenced `const std::string unused = \"lit\";` "
                     "is classified as a registrar (isRegistrar in "
                     "StaticInitAnalysis.cpp only asks for a constructor "
                     "with arguments and no references); standard-library "
                     "types are never registrars, so the string_view "
                     "rewrite is lost (suggestion kind "
                     << int(U->Suggestion.K) << ")");
  EXPECT_EQ(U->Suggestion.K, Rewrite::StringView);
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});
  const Finding *F = findingFor(Findings, "unused");
  ASSERT_NE(F, nullptr);
  EXPECT_EQ(F->Fixes.size(), 1u) << "no use can break";
}

TEST(Findings, StructuredBindingIsNamed) {
  ASSERT_PARSES(TU, R"cpp(
    struct P { int a, b; };
    P make();
    auto [x, y] = make();
  )cpp");
  ASSERT_EQ(TU.Inits.size(), 1u);
  const StaticInitializer &SI = TU.Inits.front();
  EXPECT_TRUE(SI.DynamicInit);
  EXPECT_EQ(SI.MangledName, "_ZDC1x1yE");
  std::vector<Finding> Findings = findExpensiveStaticInits(TU.Inits, {});
  ASSERT_EQ(Findings.size(), 1u);
  SKIP_IF_ENGINE_BUG(
      compat::startsWith(Findings[0].Message, "''") ||
          SI.Suggestion.Text.find("& ()") != std::string::npos,
      "a namespace-scope structured binding is reported as `''` "
      "(getNameAsString of a DecompositionDecl is empty) and gets a garbled "
      "lazy-accessor rewrite: '"
          << SI.Suggestion.Text << "'; message: " << Findings[0].Message);
  EXPECT_FALSE(compat::startsWith(Findings[0].Message, "''"));
}

} // namespace
