//===- InitOrderTest.cpp - initscan-init-order engine ----------------------===//

#include "TestSupport.h"
#include "initscan/InitOrder.h"
#include "llvm/Support/FormatVariadic.h"

using namespace initscan;
using namespace initscan::test;

namespace {

InitOrderFacts factsOf(const ParsedTU &TU) {
  return collectInitOrderFacts(TU.ctx(), TU.Inits);
}

const CodeFact *initializer(const InitOrderFacts &Facts, llvm::StringRef Name) {
  for (const CodeFact &C : Facts.Initializers)
    if (C.Name == Name)
      return &C;
  return nullptr;
}

std::vector<std::string> readNames(const CodeFact &C) {
  std::vector<std::string> Names;
  for (const InitOrderAccess &A : C.Reads)
    Names.push_back(A.Name);
  llvm::sort(Names);
  return Names;
}

TEST(InitOrderTest, ReadsAreEvaluatedUsesOfStorage) {
  ParsedTU TU = analyze(R"cpp(
    #include <string>
    extern int gInt;
    extern std::string gStr;
    extern std::string gCopied;
    extern int gAddressed;
    extern int gSized;
    int twice(const int &V) { return V * 2; }
    int *gPtr = &gAddressed;
    std::string gReader = gStr.substr(0, gInt) + gCopied +
                          std::to_string(sizeof(gSized) + twice(gInt));
    int *gAddressOnly = &gAddressed + twice(1);
  )cpp");
  ASSERT_TRUE(TU.ok()) << TU.Errors;
  InitOrderFacts Facts = factsOf(TU);
  const CodeFact *Reader = initializer(Facts, "gReader");
  ASSERT_NE(Reader, nullptr);
  EXPECT_EQ(readNames(*Reader),
            (std::vector<std::string>{"gCopied", "gInt", "gStr"}));
  const CodeFact *AddressOnly = initializer(Facts, "gAddressOnly");
  ASSERT_NE(AddressOnly, nullptr);
  EXPECT_TRUE(AddressOnly->Reads.empty());
}

TEST(InitOrderTest, FactsSurviveJSON) {
  ParsedTU TU = analyze(R"cpp(
    extern int gB;
    static int helper() { return gB; }
    int exported() { return helper(); }
    int gA = exported();
  )cpp");
  ASSERT_TRUE(TU.ok()) << TU.Errors;
  InitOrderFacts Facts = factsOf(TU);
  EXPECT_FALSE(Facts.Functions.empty());
  auto Written = [](const InitOrderFacts &F) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    llvm::json::OStream J(OS);
    writeJSON(J, F);
    return OS.str();
  };
  std::string Text = Written(Facts);
  llvm::Expected<llvm::json::Value> JSON = llvm::json::parse(Text);
  ASSERT_TRUE(bool(JSON)) << llvm::toString(JSON.takeError());
  InitOrderFacts Back;
  std::string Error;
  ASSERT_TRUE(fromJSON(*JSON, Back, Error)) << Error;
  EXPECT_EQ(Written(Back), Text);
  // The keys come out sorted, as llvm::json::Value prints them.
  EXPECT_EQ(llvm::formatv("{0}", *JSON).str(), Text);

  InitOrderFacts Broken;
  EXPECT_FALSE(fromJSON(llvm::json::Object{{"globals", 3}}, Broken, Error));
  EXPECT_FALSE(Error.empty());
}

TEST(InitOrderTest, ChainAcrossTranslationUnits) {
  ParsedTU Main = analyze(R"cpp(
    bool RegisterRoute(const char *Path);
    bool gRoutes = RegisterRoute("/home");
  )cpp");
  ParsedTU Routes = analyze(R"cpp(
    #include <vector>
    extern std::vector<const char *> gRouteTable;
    bool RegisterRoute(const char *Path) {
      gRouteTable.push_back(Path);
      return true;
    }
  )cpp");
  ParsedTU Table = analyze(R"cpp(
    #include <vector>
    std::vector<const char *> gRouteTable = {"/"};
    constexpr int kUnrelated = 1;
  )cpp");
  ASSERT_TRUE(Main.ok() && Routes.ok() && Table.ok());
  std::vector<InitOrderFacts> Program = {factsOf(Main), factsOf(Routes),
                                         factsOf(Table)};
  std::vector<InitOrderIssue> Issues = findInitOrderIssues(Program);
  ASSERT_EQ(Issues.size(), 1u);
  const InitOrderIssue &I = Issues.front();
  EXPECT_EQ(I.K, InitOrderIssue::OtherTranslationUnit);
  EXPECT_EQ(I.Reader, "gRoutes");
  EXPECT_EQ(I.Dependency, "gRouteTable");
  ASSERT_EQ(I.Chain.size(), 2u);
  EXPECT_EQ(I.Chain[0].K, InitOrderStep::Call);
  EXPECT_EQ(I.Chain[0].To, "RegisterRoute()");
  EXPECT_EQ(I.Chain[1].K, InitOrderStep::Read);
  EXPECT_EQ(I.Chain[1].From, "RegisterRoute()");

  // One TU alone cannot tell.
  EXPECT_TRUE(findInitOrderIssuesInTU(Program[0]).empty());
}

TEST(InitOrderTest, SameTranslationUnitOrder) {
  ParsedTU TU = analyze(R"cpp(
    int seed();
    extern int gLater;
    int gEarlier = seed();
    int gA = gEarlier + gLater;
    int gLater = seed();
  )cpp");
  ASSERT_TRUE(TU.ok()) << TU.Errors;
  std::vector<InitOrderIssue> Issues = findInitOrderIssuesInTU(factsOf(TU));
  ASSERT_EQ(Issues.size(), 1u);
  EXPECT_EQ(Issues[0].K, InitOrderIssue::DefinedLater);
  EXPECT_EQ(Issues[0].Dependency, "gLater");
}

TEST(InitOrderTest, ExternReadsOnlyWhenAsked) {
  ParsedTU TU = analyze(R"cpp(
    extern int gElsewhere;
    extern constinit int gConstant;
    int seed();
    int gA = gElsewhere + gConstant + seed();
  )cpp", {"-std=c++20"});
  ASSERT_TRUE(TU.ok()) << TU.Errors;
  InitOrderFacts Facts = factsOf(TU);
  EXPECT_TRUE(findInitOrderIssuesInTU(Facts).empty());
  InitOrderOptions Opts;
  Opts.ReportExternReads = true;
  std::vector<InitOrderIssue> Issues = findInitOrderIssuesInTU(Facts, Opts);
  ASSERT_EQ(Issues.size(), 1u);
  EXPECT_EQ(Issues[0].K, InitOrderIssue::ExternDeclaration);
  EXPECT_EQ(Issues[0].Dependency, "gElsewhere");
}

} // namespace
