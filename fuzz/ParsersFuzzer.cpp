//===- ParsersFuzzer.cpp - libFuzzer target: the CLI's input parsers ------===//
//
// The first byte picks a parser, the rest is its input: the compile database
// (clang's JSON reader plus the interpolation the CLI adds), a .clang-tidy
// file through the CLI's ConfigLoader, a --baseline report, a per-TU
// summary (Summary.h: the cache, --merge and the --timeout children's
// results), and the cost/glob option values.
// Build and run: scripts/fuzz.sh (docs/testing.md).
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "Config.h"
#include "Summary.h"
#include "initscan/InitCost.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

using namespace initscan;
using namespace initscan::cli;

namespace {

void fuzzCompileDatabase(llvm::StringRef Text) {
  std::string Error;
  auto DB = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      Text, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return;
  std::vector<std::string> Files = DB->getAllFiles();
  (void)DB->getAllCompileCommands();
  auto Inferred = clang::tooling::inferMissingCompileCommands(std::move(DB));
  for (const std::string &File : Files)
    (void)Inferred->getCompileCommands(File);
  (void)Inferred->getCompileCommands("/nonexistent/dir/other.cpp");
}

/// The .clang-tidy file the ConfigLoader reads: one per process.
const std::string &configPath() {
  static const std::string Path = [] {
    llvm::SmallString<128> Dir;
    if (llvm::sys::fs::createUniqueDirectory("initscan-fuzz", Dir))
      std::abort();
    llvm::sys::path::append(Dir, ".clang-tidy");
    return Dir.str().str();
  }();
  return Path;
}

void fuzzConfig(llvm::StringRef Text) {
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(configPath(), EC);
    if (EC)
      std::abort();
    OS << Text;
  }
  CommandLineOverrides Overrides;
  Overrides.ConfigFile = configPath();
  ConfigLoader Loader(Overrides);
  FileConfig Config;
  std::string Error;
  (void)Loader.configFor("/nonexistent/input.cpp", Config, Error);
}

void fuzzBaseline(llvm::StringRef Text) {
  std::multiset<BaselineKey> Keys;
  std::string Error;
  (void)parseBaseline(Text, "baseline.json", Keys, Error);
}

void fuzzSummary(llvm::StringRef Text) {
  llvm::Expected<llvm::json::Value> Value = llvm::json::parse(Text);
  if (!Value) {
    llvm::consumeError(Value.takeError());
    return;
  }
  TranslationUnitReport Summary;
  std::string Error;
  if (!summaryFromJSON(*Value, Summary, Error))
    return;
  // Whatever reads must survive a round trip (the cache, --merge and the
  // --timeout children all rely on it).
  llvm::Expected<llvm::json::Value> Written =
      llvm::json::parse(summaryText(Summary));
  TranslationUnitReport Again;
  if (!Written || !summaryFromJSON(*Written, Again, Error))
    std::abort();
}

void fuzzOptionValues(llvm::StringRef Text) {
  uint64_t Cost = 0;
  (void)parseCostThreshold(Text, Cost);
  (void)selectChecks(Text);
  (void)formatCount(Cost);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  llvm::StringRef Text(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  switch (Data[0] % 5) {
  case 0:
    fuzzCompileDatabase(Text);
    break;
  case 1:
    fuzzConfig(Text);
    break;
  case 2:
    fuzzBaseline(Text);
    break;
  case 3:
    fuzzSummary(Text);
    break;
  default:
    fuzzOptionValues(Text);
    break;
  }
  return 0;
}
