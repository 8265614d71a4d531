//===- InitCostTest.cpp - The InitCost value type and its helpers ---------===//

#include "initscan/InitCost.h"
#include "gtest/gtest.h"

using namespace initscan;

namespace {

CostContributor part(const char *What, uint64_t Instructions,
                     uint64_t Allocations = 0, const char *Via = "",
                     EffectSet Effects = EffectNone) {
  CostContributor C;
  C.What = What;
  C.Via = Via;
  C.Instructions = Instructions;
  C.Allocations = Allocations;
  C.Effects = Effects;
  return C;
}

TEST(ParseCostThreshold, AcceptsSuffixes) {
  uint64_t V = 7;
  ASSERT_TRUE(parseCostThreshold("10k", V));
  EXPECT_EQ(V, 10000u);
  ASSERT_TRUE(parseCostThreshold("2.5M", V));
  EXPECT_EQ(V, 2500000u);
  ASSERT_TRUE(parseCostThreshold("1G", V));
  EXPECT_EQ(V, 1000000000u);
  ASSERT_TRUE(parseCostThreshold("0", V));
  EXPECT_EQ(V, 0u);
  ASSERT_TRUE(parseCostThreshold("5000", V));
  EXPECT_EQ(V, 5000u);
  ASSERT_TRUE(parseCostThreshold(" 3K ", V));
  EXPECT_EQ(V, 3000u);
}

TEST(ParseCostThreshold, RejectsGarbageAndNegatives) {
  uint64_t V = 7;
  EXPECT_FALSE(parseCostThreshold("abc", V));
  EXPECT_FALSE(parseCostThreshold("-1", V));
  EXPECT_FALSE(parseCostThreshold("", V));
  EXPECT_FALSE(parseCostThreshold("k", V));
  EXPECT_FALSE(parseCostThreshold("10x", V));
  EXPECT_EQ(V, 7u) << "the result is untouched on failure";
}

TEST(ParseCostThreshold, RejectsWhatDoesNotFitInstructions) {
  // Found by fuzz/ParsersFuzzer: the conversion to uint64_t was undefined.
  uint64_t V = 7;
  EXPECT_FALSE(parseCostThreshold("111111111111111111111111111111111111111111111", V));
  EXPECT_FALSE(parseCostThreshold("20000000000G", V));
  EXPECT_FALSE(parseCostThreshold("nan", V));
  EXPECT_FALSE(parseCostThreshold("inf", V));
  EXPECT_EQ(V, 7u);
  ASSERT_TRUE(parseCostThreshold("18000000000G", V));
  EXPECT_EQ(V, 18000000000000000000u);
}

TEST(FormatCount, CompactForms) {
  EXPECT_EQ(formatCount(0), "0");
  EXPECT_EQ(formatCount(999), "999");
  EXPECT_EQ(formatCount(9999), "9999");
  EXPECT_EQ(formatCount(12345), "12k");
  EXPECT_EQ(formatCount(250000), "250k");
  EXPECT_EQ(formatCount(2500000), "2.5M");
  EXPECT_EQ(formatCount(3000000000ull), "3.0G");
}

TEST(InitCost, AddSumsAndPrefixesVia) {
  InitCost Inner;
  Inner.add(part("heap allocation", 110, 1, "", EffectNone));
  Inner.add(part("environment read", 200, 0, "getConfig", EffectEnvironment));
  Inner.UnknownCalls = 1;
  Inner.UnknownCallees = {"opaque"};

  InitCost Outer;
  Outer.add(part("dynamic initializer", 10));
  Outer.add(Inner, "Config::Config");
  EXPECT_EQ(Outer.Instructions, 320u);
  EXPECT_EQ(Outer.Allocations, 1u);
  EXPECT_EQ(Outer.Effects, unsigned(EffectEnvironment));
  EXPECT_EQ(Outer.UnknownCalls, 1u);
  EXPECT_EQ(Outer.UnknownCallees, std::vector<std::string>{"opaque"});
  ASSERT_EQ(Outer.Contributors.size(), 3u);
  EXPECT_EQ(Outer.Contributors[0].Via, "");
  EXPECT_EQ(Outer.Contributors[1].Via, "Config::Config");
  EXPECT_EQ(Outer.Contributors[2].Via, "Config::Config -> getConfig");
}

TEST(InitCost, AddScaledMultipliesAndLabels) {
  InitCost Body;
  Body.add(part("heap allocation", 110, 1));
  InitCost Loop;
  Loop.addScaled(Body, 100);
  EXPECT_EQ(Loop.Instructions, 11000u);
  EXPECT_EQ(Loop.Allocations, 100u);
  ASSERT_EQ(Loop.Contributors.size(), 1u);
  EXPECT_EQ(Loop.Contributors[0].What, "100 x heap allocation");
  EXPECT_EQ(Loop.Contributors[0].Allocations, 100u);

  InitCost Never;
  Never.addScaled(Body, 0);
  EXPECT_EQ(Never.Instructions, 0u);
  EXPECT_TRUE(Never.Contributors.empty());
}

TEST(InitCost, NormalizeMergesEqualLabelsAndSortsDescending) {
  InitCost C;
  C.add(part("a", 10, 1));
  C.add(part("b", 50));
  C.add(part("a", 30, 2));
  C.add(part("a", 100, 0, "elsewhere")); // Same label, other path: kept apart.
  C.add(part("c", 1));
  C.normalize();
  ASSERT_EQ(C.Contributors.size(), 4u);
  EXPECT_EQ(C.Contributors[0].What, "a");
  EXPECT_EQ(C.Contributors[0].Via, "elsewhere");
  EXPECT_EQ(C.Contributors[1].What, "b");
  EXPECT_EQ(C.Contributors[2].What, "a");
  EXPECT_EQ(C.Contributors[2].Via, "");
  EXPECT_EQ(C.Contributors[2].Instructions, 40u);
  EXPECT_EQ(C.Contributors[2].Allocations, 3u);
  EXPECT_EQ(C.Contributors[3].What, "c");
  // Totals are unchanged by normalizing.
  EXPECT_EQ(C.Instructions, 191u);
  EXPECT_EQ(C.Allocations, 3u);
}

TEST(InitCost, NormalizeKeepsTheLargest) {
  InitCost C;
  for (int I = 1; I <= 10; ++I)
    C.add(part(("p" + std::to_string(I)).c_str(), I * 10));
  C.normalize(3);
  ASSERT_EQ(C.Contributors.size(), 3u);
  EXPECT_EQ(C.Contributors[0].What, "p10");
  EXPECT_EQ(C.Contributors[1].What, "p9");
  EXPECT_EQ(C.Contributors[2].What, "p8");
  EXPECT_EQ(C.Instructions, 550u);
}

TEST(InitCost, NormalizeIsStableForTies) {
  InitCost C;
  C.add(part("first", 5));
  C.add(part("second", 5));
  C.add(part("third", 5));
  C.normalize();
  ASSERT_EQ(C.Contributors.size(), 3u);
  EXPECT_EQ(C.Contributors[0].What, "first");
  EXPECT_EQ(C.Contributors[1].What, "second");
  EXPECT_EQ(C.Contributors[2].What, "third");
}

TEST(InitCost, SummaryFormat) {
  InitCost C;
  C.add(part("std::regex compile", 2500000, 4230));
  EXPECT_EQ(C.summary(),
            "~2.5M instructions, 4230 allocations (std::regex compile)");

  InitCost D;
  D.add(part("environment read", 200, 1, "Config::Config -> load",
             EffectEnvironment | EffectFile));
  D.UnknownCalls = 2;
  EXPECT_EQ(D.summary(), "~200 instructions, 1 allocation, file+environment "
                         "I/O, 2 unseen calls (environment read via "
                         "Config::Config -> load)");

  InitCost E;
  E.Instructions = 12345;
  E.UnknownCalls = 1;
  EXPECT_EQ(E.summary(), "~12k instructions, 1 unseen call");

  EXPECT_EQ(InitCost().summary(), "~0 instructions");
}

TEST(InitCost, EffectNamesAndTime) {
  EXPECT_EQ(effectNames(EffectNone), std::vector<llvm::StringRef>{});
  EXPECT_EQ(effectNames(EffectNetwork | EffectClock | EffectMemoryTouch),
            (std::vector<llvm::StringRef>{"network", "clock", "memory"}));
  InitCost C;
  C.Instructions = 3000;
  EXPECT_EQ(C.estimatedNanoseconds(), 1000u);
}

} // namespace
