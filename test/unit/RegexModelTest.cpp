//===- RegexModelTest.cpp - The std::regex model against measurements -----===//
//
// Allocations of `new std::regex(pattern)` counted by interposing malloc in a
// program built with clang++-19 -O2 against libstdc++ 12 and libc++ 19 on
// Debian bookworm, in the "C" locale (bench/calibrate measures the same
// numbers for the regex_* cases inside static initialization).
//
//===----------------------------------------------------------------------===//

#include "CostModel.h"
#include "RegexModel.h"
#include "gtest/gtest.h"

namespace initscan {
namespace {

uint64_t modelledAllocations(llvm::StringRef Pattern, StdLibKind Lib,
                             RegexFlags Flags = {}) {
  RegexShape S = shapeOfRegex(Pattern, Lib, Flags);
  EXPECT_TRUE(S.Understood) << Pattern.str();
  auto Allocs = [](CostOp Op) { return costEntry(Op).Allocations; };
  if (Lib == StdLibKind::LibCxx)
    return Allocs(CostOp::RegexCompileLibCxx) +
           S.States * Allocs(CostOp::RegexStateLibCxx) +
           S.Brackets * Allocs(CostOp::RegexBracketLibCxx) + S.Allocations;
  return Allocs(CostOp::RegexCompile) + S.States * Allocs(CostOp::RegexState) +
         S.Brackets * Allocs(CostOp::RegexBracket) +
         S.CacheTransforms * Allocs(CostOp::RegexCacheTransform) +
         S.Allocations;
}

struct Measured {
  const char *Pattern;
  uint64_t LibStdCxx, LibCxx;
};

constexpr Measured Measurements[] = {
    {"a", 8, 4},
    {"abc", 8, 6},
    {"aaaaaaa", 9, 10},
    {"[a]", 520, 5},
    {"[ab]", 519, 6},
    {"[abc]", 518, 7},
    {"[a-b]", 518, 5},
    {"[a-zA-Z]", 419, 6},
    {"\\d", 501, 4},
    {"\\w", 395, 5},
    {".", 8, 4},
    {"a*", 8, 7},
    {"a+", 8, 7},
    {"a{2}", 17, 7},
    {"a{3}", 20, 7},
    {"a{1,3}", 20, 7},
    {"(a)", 9, 6},
    {"(a)(b)", 10, 9},
    {"a|b", 9, 8},
    {"^a$", 8, 6},
    {"\\d\\d", 994, 5},
    {"\\d{2}", 512, 7},
    {"(ab){2}", 27, 10},
    {"[a-z]+", 470, 8},
    {"\\d+", 501, 7},
    {"(\\d{1,3}\\.){3}\\d{1,3}", 1076, 17},
    {"(\\d{4})-(\\d{2})-(\\d{2})", 1528, 23},
    {"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$", 1212, 33},
    {"(?:a)", 8, 4},
    {"(?:ab)+", 9, 8},
    {"[\\D]", 522, 4},
    {"[\\w]", 395, 5},
    {"a??", 8, 7},
    {"\\ba", 8, 5},
    {"get|put|post|delete|head|options|patch|trace", 11, 61},
};

TEST(RegexModel, AllocationsMatchLibStdCxx) {
  for (const Measured &M : Measurements)
    EXPECT_EQ(modelledAllocations(M.Pattern, StdLibKind::LibStdCxx),
              M.LibStdCxx)
        << M.Pattern;
}

TEST(RegexModel, AllocationsMatchLibCxx) {
  for (const Measured &M : Measurements)
    EXPECT_EQ(modelledAllocations(M.Pattern, StdLibKind::LibCxx), M.LibCxx)
        << M.Pattern;
}

TEST(RegexModel, ICaseDecidesBothCasesWithoutTransform) {
  RegexFlags ICase;
  ICase.ICase = true;
  RegexShape Plain = shapeOfRegex("[a-z]", StdLibKind::LibStdCxx, {});
  RegexShape Folded = shapeOfRegex("[a-z]", StdLibKind::LibStdCxx, ICase);
  EXPECT_EQ(Plain.CacheTransforms, 230u);
  EXPECT_EQ(Folded.CacheTransforms, 204u);
  // Measured with std::regex::icase: "[a-z]" 418 / 5, "[A]" 518 / 5.
  EXPECT_EQ(modelledAllocations("[a-z]", StdLibKind::LibStdCxx, ICase), 418u);
  EXPECT_EQ(modelledAllocations("[A]", StdLibKind::LibStdCxx, ICase), 518u);
  EXPECT_EQ(modelledAllocations("[a-z]", StdLibKind::LibCxx, ICase), 5u);
}

TEST(RegexModel, UnfollowedSyntaxFallsBackToATypicalPattern) {
  RegexShape Lookahead = shapeOfRegex("a(?=b)", StdLibKind::LibStdCxx, {});
  EXPECT_FALSE(Lookahead.Understood);
  EXPECT_EQ(Lookahead.Brackets, 1u);
  RegexFlags Basic;
  Basic.Supported = false;
  EXPECT_FALSE(shapeOfRegex("a", StdLibKind::LibCxx, Basic).Understood);
  EXPECT_FALSE(shapeOfRegex("(a", StdLibKind::LibCxx, {}).Understood);
  EXPECT_FALSE(shapeOfRegex("a{3,1}", StdLibKind::LibCxx, {}).Understood);
  EXPECT_FALSE(shapeOfRegex("[b-a]", StdLibKind::LibCxx, {}).Understood);
}

} // namespace
} // namespace initscan
