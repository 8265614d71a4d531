//===- StdLibTest.cpp - Facts of the standard library in use --------------===//

#include "TestSupport.h"
#include "llvm/Support/FileSystem.h"

using namespace initscan;
using namespace initscan::test;

namespace {

TEST(StdLib, DefaultIsLibStdCxx) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    std::string s;
  )cpp");
  StdLibFacts Facts = detectStdLib(TU.ctx());
  EXPECT_EQ(Facts.Kind, StdLibKind::LibStdCxx);
  EXPECT_EQ(stdLibName(Facts.Kind), "libstdc++");
  EXPECT_EQ(Facts.StringInlineCapacity, 15u);
  EXPECT_EQ(Facts.FunctionBufferSize, 16u);
  EXPECT_TRUE(Facts.FunctionInlineNeedsTrivialCopy);
}

TEST(StdLib, NoStandardHeadersIsUnknown) {
  ASSERT_PARSES(TU, "int x = 1;\nnamespace std { int y; }\n");
  EXPECT_EQ(detectStdLib(TU.ctx()).Kind, StdLibKind::Unknown);
}

TEST(StdLib, LibCxxIsDetected) {
  std::string LibCxxHeaders =
      std::string(INITSCAN_TEST_LLVM_PREFIX) + "/include/c++/v1";
  if (!llvm::sys::fs::is_directory(LibCxxHeaders))
    GTEST_SKIP() << "libc++ is not installed (" << LibCxxHeaders << ")";
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    std::string shortOne = "fifteen chars..";       // 15
    std::string sso22 = "twenty-two characters.";   // 22: inline in libc++
    std::string heap23 = "twenty-three characters";  // 23: heap
  )cpp", {"-stdlib=libc++"});
  StdLibFacts Facts = detectStdLib(TU.ctx());
  EXPECT_EQ(Facts.Kind, StdLibKind::LibCxx);
  EXPECT_EQ(Facts.StringInlineCapacity, 22u);
  // The engine uses the facts it detected: 22 chars do not allocate in libc++.
  ASSERT_FIND(S22, TU, "sso22");
  ASSERT_FIND(S23, TU, "heap23");
  EXPECT_EQ(S22->Cost.Allocations, 0u) << S22->Cost.summary();
  EXPECT_EQ(S23->Cost.Allocations, 1u) << S23->Cost.summary();
}

TEST(StdLib, CapturelessLambdaFitsStdFunctionBuffer) {
  ASSERT_PARSES(TU, R"cpp(
    auto plain = [] { return 1; };
  )cpp");
  const clang::VarDecl *Plain = lookupVar(TU.ctx(), "plain");
  ASSERT_NE(Plain, nullptr);
  StdLibFacts Facts = detectStdLib(TU.ctx());
  CallableStorage S = classifyCallableStorage(Plain->getType(), nullptr, TU.ctx(), Facts);
  EXPECT_FALSE(S.OnHeap) << S.Reason;
  EXPECT_EQ(S.ObjectSize, 1u);
  EXPECT_TRUE(S.Reason.empty());
}

TEST(StdLib, LambdaCapturingStringGoesToHeapUnderLibStdCxx) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    auto capturing = [s = std::string("captured")] { return s.size(); };
    auto smallTrivial = [a = 1, b = 2L] { return a + b; };
  )cpp");
  StdLibFacts Facts = detectStdLib(TU.ctx());
  ASSERT_EQ(Facts.Kind, StdLibKind::LibStdCxx);

  const clang::VarDecl *Capturing = lookupVar(TU.ctx(), "capturing");
  ASSERT_NE(Capturing, nullptr);
  CallableStorage S =
      classifyCallableStorage(Capturing->getType(), nullptr, TU.ctx(), Facts);
  EXPECT_TRUE(S.OnHeap);
  EXPECT_EQ(S.ObjectSize, 32u);
  EXPECT_EQ(S.BufferSize, 16u);
  EXPECT_EQ(S.Reason, "larger than the 16-byte buffer");

  // 16 bytes and trivially copyable: exactly fills the buffer, stays inline.
  const clang::VarDecl *Small = lookupVar(TU.ctx(), "smallTrivial");
  ASSERT_NE(Small, nullptr);
  CallableStorage T = classifyCallableStorage(Small->getType(), nullptr, TU.ctx(), Facts);
  EXPECT_EQ(T.ObjectSize, 16u);
  EXPECT_FALSE(T.OnHeap) << T.Reason;
}

TEST(StdLib, StdFunctionFromCapturingLambdaAllocates) {
  ASSERT_PARSES(TU, R"cpp(
    #include <functional>
    #include <string>
    std::function<int()> inlineTarget = [] { return 1; };
    std::function<unsigned long()> heapTarget =
        [s = std::string("captured")] { return s.size(); };
  )cpp");
  ASSERT_FIND(In, TU, "inlineTarget");
  ASSERT_FIND(Heap, TU, "heapTarget");
  EXPECT_EQ(Heap->Cost.Allocations, In->Cost.Allocations + 1)
      << In->Cost.summary() << "\n" << Heap->Cost.summary();
}

} // namespace
