//===- initscan.cpp - Find and cost the code that runs before main ---------===//
//
// initscan file.cpp -- <compiler flags>
// initscan -p <build dir> [files...]
//
// Runs the engine on each translation unit, prints clang-style diagnostics and
// a per-TU summary (or a JSON report), exits 2 on usage or input errors.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "Cache.h"
#include "ChildProcesses.h"
#include "Config.h"
#include "Diff.h"
#include "LanguageServer.h"
#include "HtmlReport.h"
#include "InitOrderReport.h"
#include "Report.h"
#include "Summary.h"
#include "TUAnalysis.h"
#include "initscan/Compat.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/ReplacementsYaml.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/thread.h"
#include "llvm/Support/YAMLTraits.h"
#include <atomic>
#include <chrono>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include "initscan/Findings.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace initscan;
using namespace initscan::cli;

namespace {

[[noreturn]] void fail(const llvm::Twine &Message) {
  llvm::errs() << "initscan: error: " << Message << "\n";
  std::exit(2);
}

/// The database of a build directory: its compile_commands.json (parse errors
/// are the user's to see, not a reason to look in parent directories), else
/// whatever clang's plugins find there (compile_flags.txt...).
std::unique_ptr<tooling::CompilationDatabase>
loadBuildDatabase(llvm::StringRef Dir, std::string &Error) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "compile_commands.json");
  if (!llvm::sys::fs::exists(Path)) {
    // This directory only: autoDetectFromDirectory would climb to a parent's
    // database and silently analyse another project.
    auto DB = tooling::CompilationDatabase::loadFromDirectory(Dir, Error);
    if (!DB)
      Error = "no compile_commands.json or compile_flags.txt there";
    return DB;
  }
  auto JSON = tooling::JSONCompilationDatabase::loadFromFile(
      Path, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!JSON)
    return nullptr;
  // Files missing from the database get flags from their neighbours, as in
  // clangd and clang-tidy.
  return tooling::inferMissingCompileCommands(std::move(JSON));
}

/// Keeps memory freed by one TU for the next instead of handing it back to
/// the kernel: glibc trims free heap above 128 KiB and serves blocks from
/// 128 KiB up (clang's source buffers, slabs) with mmap, so every TU faulted
/// its memory in anew. Measured on 8 TUs: -40% page faults, -5% time at -j1
/// and -j2 (docs/cli.md); peak RSS the same at -j1, +5% at -j2 (each
/// worker's arena keeps what its largest TU used).
void keepFreedMemoryForNextTU() {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

/// Runs the jobs on \p Threads workers; \p Done is called (under a lock) as
/// each finishes.
void runJobs(std::vector<Job> &Jobs, unsigned Threads,
             const std::function<void(Job &)> &Run,
             const std::function<void(const Job &)> &Done) {
  // Largest main files first: a big TU started last would leave the other
  // workers idle at the end (longest-processing-time-first scheduling).
  std::vector<std::pair<uint64_t, size_t>> Order;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    uint64_t Size = 0;
    llvm::sys::fs::file_size(Jobs[I].File, Size);
    Order.emplace_back(Size, I);
  }
  llvm::stable_sort(Order, [](const auto &A, const auto &B) {
    return A.first > B.first;
  });
  if (Jobs.size() > 1)
    keepFreedMemoryForNextTU();
  std::atomic<size_t> Next{0};
  std::mutex Lock;
  auto Worker = [&] {
    for (size_t I = Next++; I < Order.size(); I = Next++) {
      Job &J = Jobs[Order[I].second];
      Run(J);
      std::lock_guard<std::mutex> Guard(Lock);
      Done(J);
    }
  };
  Threads = std::max(1u, std::min<unsigned>(Threads, Jobs.size()));
  if (Threads == 1) {
    Worker();
    return;
  }
  // Parsing recurses deeply: give workers clang's own desired stack size.
  std::vector<llvm::thread> Pool;
  for (unsigned I = 0; I < Threads; ++I)
    Pool.emplace_back(compat::LLVMOptional<unsigned>(16u << 20), Worker);
  for (llvm::thread &T : Pool)
    T.join();
}

/// "2/3" -> shard 2 of 3 (1-based, as CI matrices count).
bool parseShard(llvm::StringRef Text, unsigned &Index, unsigned &Count) {
  auto [IndexText, CountText] = Text.split('/');
  return !IndexText.getAsInteger(10, Index) &&
         !CountText.getAsInteger(10, Count) && Count >= 1 &&
         Count <= 100000 && Index >= 1 && Index <= Count;
}

/// Serves \p J from \p Cache when its TU is unchanged.
bool serveFromCache(Job &J, SummaryCache *Cache) {
  if (!Cache || J.CacheKey.empty())
    return false;
  std::optional<TranslationUnitReport> Hit = Cache->lookup(J.CacheKey);
  if (!Hit)
    return false;
  Hit->Ordinal = J.Ordinal;
  J.Reports.push_back(std::move(*Hit));
  J.FromCache = true;
  return true;
}

/// Stores the result of the analysed \p J (successful TUs only: a failed,
/// crashed or timed-out TU is analysed again next time).
void storeInCache(const Job &J, SummaryCache *Cache,
                  std::atomic<bool> &WriteFailed) {
  if (!Cache || J.CacheKey.empty() || J.ToolFailed || J.Reports.size() != 1 ||
      J.Reports.front().Failed)
    return;
  std::string Error;
  if (!Cache->store(J.CacheKey, J.Reports.front(), J.Dependencies, Error) &&
      !WriteFailed.exchange(true))
    llvm::errs() << "initscan: warning: cannot write the cache in '"
                 << Cache->directory() << "': " << Error << "\n";
}

/// Serves \p J from \p Cache when its TU is unchanged, else analyses it and
/// stores the result.
void runJobCached(Job &J, SummaryCache *Cache, std::atomic<bool> &WriteFailed) {
  if (serveFromCache(J, Cache))
    return;
  runJob(J);
  storeInCache(J, Cache, WriteFailed);
}

/// --timeout: like runJobs with runJobCached, but each TU not served from the
/// cache (nor unreadable) is analysed in a child process killed after
/// \p TimeoutText seconds; its results come back as encodeJobResults() text.
/// The cache is read and written by the parent only.
void runJobsIsolated(std::vector<Job> &Jobs, unsigned Processes,
                     llvm::StringRef TimeoutText, SummaryCache *Cache,
                     const std::function<void(const Job &)> &Done) {
  double Seconds = 0;
  llvm::StringRef(TimeoutText).getAsDouble(Seconds);
  auto Limit =
      std::chrono::milliseconds(static_cast<long long>(Seconds * 1000 + 0.5));
  std::atomic<bool> CacheWriteFailed{false};
  std::vector<size_t> ToAnalyse;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    if (serveFromCache(Jobs[I], Cache) || failIfUnreadable(Jobs[I]))
      Done(Jobs[I]);
    else
      ToAnalyse.push_back(I);
  }
  auto Analyse = [&](size_t I) {
    Job &J = Jobs[ToAnalyse[I]];
    runJob(J);
    return encodeJobResults(J);
  };
  auto Adopt = [&](size_t I, const ChildResult &Child) {
    Job &J = Jobs[ToAnalyse[I]];
    if (Child.State == ChildResult::TimedOut)
      failJob(J, "'" + J.File + "': timed out after " + TimeoutText + "s");
    else if (Child.State == ChildResult::Crashed)
      failJob(J, "'" + J.File + "': the analysis crashed (" + Child.Problem +
                     ")");
    else if (!decodeJobResults(Child.Output, J))
      failJob(J, "'" + J.File + "': the analysis sent back no result");
    else
      storeInCache(J, Cache, CacheWriteFailed);
    Done(J);
  };
  runInChildProcesses(ToAnalyse.size(), Processes, Limit, Analyse, Adopt);
}

/// "5ms", "200us", "1.5s", "800ns" -> nanoseconds.
bool parseDuration(llvm::StringRef Text, uint64_t &Nanoseconds) {
  Text = Text.trim();
  static const std::pair<const char *, double> Units[] = {
      {"ns", 1}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}};
  for (const auto &[Suffix, Scale] : Units) {
    llvm::StringRef Number = Text;
    if (!Number.consume_back(Suffix) || Number.empty())
      continue;
    if (Number.back() == 'm' || Number.back() == 'u' || Number.back() == 'n')
      continue; // "5ms" must not match "s" with number "5m".
    double V;
    if (Number.getAsDouble(V) || V < 0)
      return false;
    Nanoseconds = static_cast<uint64_t>(V * Scale + 0.5);
    return true;
  }
  return false;
}

/// The cost model's nominal rate, from InitCost itself.
uint64_t instructionsForNanoseconds(uint64_t Ns) {
  InitCost Probe;
  Probe.Instructions = 1000000000ull;
  uint64_t ProbeNs = std::max<uint64_t>(1, Probe.estimatedNanoseconds());
  return static_cast<uint64_t>(static_cast<double>(Ns) * 1e9 / ProbeNs + 0.5);
}

std::multiset<BaselineKey> loadBaseline(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    fail("cannot read baseline '" + Path + "': " + Buffer.getError().message());
  std::multiset<BaselineKey> Keys;
  std::string Error;
  if (!parseBaseline((*Buffer)->getBuffer(), Path, Keys, Error))
    fail(Error);
  return Keys;
}

/// Writes \p Text to \p Path atomically (temporary file + rename).
void writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        OS << Text;
        return llvm::Error::success();
      }))
    fail("cannot write '" + Path + "': " + llvm::toString(std::move(E)));
}

} // namespace

int main(int argc, const char **argv) {
  // The language server parses its own options (see `initscan --lsp --help`).
  if (lsp::wantsLanguageServer(argc, argv))
    return lsp::runLanguageServer(argc, argv);
  // Options are locals, not llvm::cl::opt globals: initscan itself runs no
  // code before main.
  llvm::cl::OptionCategory Category("initscan options");
  llvm::cl::opt<std::string> Format(
      "format", llvm::cl::desc("Output format: text (default), json, sarif or html"),
      llvm::cl::init("text"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Checks(
      "checks",
      llvm::cl::desc("Comma-separated globs of checks to run, appended to the "
                     ".clang-tidy Checks (default: initscan-*)"),
      llvm::cl::init(""), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> ConfigFile(
      "config-file",
      llvm::cl::desc("Read this .clang-tidy file instead of looking one up "
                     "from each source file's directory"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> MinCost(
      "min-cost",
      llvm::cl::desc("Report initializers estimated at this many instructions "
                     "or more (e.g. 5000, 10k, 2M)"),
      llvm::cl::init("0"), llvm::cl::cat(Category));
  llvm::cl::opt<bool> SystemHeaders(
      "system-headers", llvm::cl::desc("Also report globals in system headers"),
      llvm::cl::init(false), llvm::cl::cat(Category));
  llvm::cl::opt<bool> ListChecks(
      "list-checks", llvm::cl::desc("List the enabled checks and exit"),
      llvm::cl::init(false), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Jobs(
      "j", llvm::cl::desc("Translation units analysed in parallel (default: "
                          "the number of cores)"),
      llvm::cl::value_desc("N"), llvm::cl::Prefix, llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Output(
      "output", llvm::cl::desc("Write the report to this file (atomically) "
                               "instead of standard output"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category));
  llvm::cl::alias OutputShort("o", llvm::cl::desc("Alias for --output"),
                              llvm::cl::aliasopt(Output), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> ExportFixes(
      "export-fixes",
      llvm::cl::desc("Write the fix-its as clang-apply-replacements YAML"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category));
  llvm::cl::opt<bool> Fix("fix", llvm::cl::desc("Apply the fix-its to the sources"),
                          llvm::cl::init(false), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Budget(
      "budget",
      llvm::cl::desc("Exit 1 when the program's start-up cost exceeds this: "
                     "instructions (10k, 2M) or a time (5ms, 200us)"),
      llvm::cl::value_desc("cost"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Baseline(
      "baseline",
      llvm::cl::desc("Report only findings not in this --format=json report; "
                     "exit 1 when there are any"),
      llvm::cl::value_desc("report.json"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> DiffBase(
      "diff",
      llvm::cl::desc("Print, as Markdown, how the start-up cost differs from "
                     "this --format=json report (e.g. the base branch's)"),
      llvm::cl::value_desc("base.json"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> DiffOutput(
      "diff-output",
      llvm::cl::desc("With --diff: write the Markdown to this file and the "
                     "report in --format as usual"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category));

  llvm::cl::opt<std::string> CacheDir(
      "cache-dir",
      llvm::cl::desc("Keep per-TU summaries here and re-analyse only changed "
                     "TUs (default with -p: <build dir>/.initscan-cache)"),
      llvm::cl::value_desc("dir"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Timeout(
      "timeout",
      llvm::cl::desc("Give up on a translation unit after this many seconds "
                     "(each is then analysed in a child process)"),
      llvm::cl::value_desc("seconds"), llvm::cl::cat(Category));
  llvm::cl::opt<bool> NoCache("no-cache",
                              llvm::cl::desc("Neither read nor write the cache"),
                              llvm::cl::init(false), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> Shard(
      "shard",
      llvm::cl::desc("Analyse only slice I of N of the TUs (by sorted path), "
                     "for a scan split over N machines"),
      llvm::cl::value_desc("I/N"), llvm::cl::cat(Category));
  llvm::cl::opt<std::string> SummariesOut(
      "summaries-out",
      llvm::cl::desc("Write each TU's summary (JSON) into this directory"),
      llvm::cl::value_desc("dir"), llvm::cl::cat(Category));
  llvm::cl::list<std::string> Merge(
      "merge",
      llvm::cl::desc("Build the report from the summaries in these "
                     "directories (of --summaries-out runs), without parsing"),
      llvm::cl::value_desc("dir,..."), llvm::cl::CommaSeparated,
      llvm::cl::cat(Category));
  llvm::cl::opt<bool> Verbose(
      "verbose",
      llvm::cl::desc("Say which TUs were analysed and which came from the cache"),
      llvm::cl::init(false), llvm::cl::cat(Category));

  llvm::cl::opt<bool> LanguageServer(
      "lsp",
      llvm::cl::desc("Run as a language server on stdin/stdout, beside clangd "
                     "(options: initscan --lsp --help)"),
      llvm::cl::cat(Category));
  llvm::cl::opt<std::string> BuildPath(
      "p", llvm::cl::desc("Build directory containing compile_commands.json"),
      llvm::cl::value_desc("build dir"), llvm::cl::cat(Category));
  llvm::cl::list<std::string> Sources(
      llvm::cl::Positional, llvm::cl::desc("[<source files>...]"),
      llvm::cl::cat(Category));
  llvm::cl::HideUnrelatedOptions(Category);

  // Flags after `--` form a fixed compile database, as in clang-tidy.
  int ArgCount = argc;
  std::string DBError;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      tooling::FixedCompilationDatabase::loadFromCommandLine(ArgCount, argv,
                                                             DBError);
  if (!DBError.empty())
    fail(DBError);
  std::string ParseErrors;
  llvm::raw_string_ostream ParseErrorStream(ParseErrors);
  if (!llvm::cl::ParseCommandLineOptions(
          ArgCount, argv,
          "Finds code that runs before main and estimates what it costs.\n",
          &ParseErrorStream)) {
    llvm::StringRef Line = llvm::StringRef(ParseErrorStream.str()).trim();
    Line.consume_front("initscan: ");
    fail(Line.split('\n').first);
  }

  CommandLineOverrides Overrides;
  if (Checks.getNumOccurrences())
    Overrides.Checks = Checks;
  if (MinCost.getNumOccurrences())
    Overrides.MinCost = MinCost;
  if (ConfigFile.getNumOccurrences()) {
    if (!llvm::sys::fs::is_regular_file(ConfigFile))
      fail("cannot read --config-file '" + ConfigFile + "': no such file");
    Overrides.ConfigFile = ConfigFile;
  }
  ConfigLoader Loader(Overrides);
  auto ConfigOf = [&](llvm::StringRef File) {
    llvm::SmallString<256> Absolute(File);
    llvm::sys::fs::make_absolute(Absolute);
    llvm::sys::path::remove_dots(Absolute, true);
    FileConfig FC;
    std::string Error;
    if (!Loader.configFor(Absolute, FC, Error))
      fail(Error);
    return FC;
  };

  if (ListChecks) {
    llvm::SmallString<256> Here;
    llvm::sys::fs::current_path(Here);
    llvm::sys::path::append(Here, "dummy.cpp");
    FileConfig FC = ConfigOf(Sources.empty() ? Here.str() : Sources.front());
    llvm::outs() << "Enabled checks:\n";
    for (const std::string &Check : FC.EnabledChecks)
      llvm::outs() << "    " << Check << "\n";
    return 0;
  }

  Config Base;
  Base.SystemHeaders = SystemHeaders;
  if (Format == "json")
    Base.Format = OutputFormat::JSON;
  else if (Format == "sarif")
    Base.Format = OutputFormat::SARIF;
  else if (Format == "html")
    Base.Format = OutputFormat::HTML;
  else if (Format != "text")
    fail("unknown --format '" + Format + "' (expected text, json, sarif or html)");
  if (MinCost.getNumOccurrences()) {
    uint64_t Ignored;
    if (!parseCostThreshold(MinCost, Ignored))
      fail("invalid --min-cost '" + MinCost +
           "': expected a number such as 5000, 10k or 2M");
  }
  unsigned Threads = std::max(1u, compat::physicalCores() > 0
                                      ? static_cast<unsigned>(std::thread::hardware_concurrency())
                                      : 1u);
  if (Jobs.getNumOccurrences()) {
    if (llvm::StringRef(Jobs).getAsInteger(10, Threads) || Threads == 0 ||
        Threads > 1024)
      fail("invalid -j '" + Jobs + "': expected a number of threads from 1 to 1024");
  }
  if (Timeout.getNumOccurrences()) {
    double Seconds = 0;
    if (llvm::StringRef(Timeout).getAsDouble(Seconds) || !(Seconds > 0) ||
        Seconds > 1e6)
      fail("invalid --timeout '" + Timeout +
           "': expected a number of seconds such as 30 or 0.5");
  }
  GateResult Gates;
  if (Budget.getNumOccurrences()) {
    uint64_t Value = 0, Ns = 0;
    if (parseCostThreshold(Budget, Value))
      Gates.Budget = Value;
    else if (parseDuration(Budget, Ns))
      Gates.Budget = instructionsForNanoseconds(Ns);
    else
      fail("invalid --budget '" + Budget +
           "': expected instructions (5000, 10k, 2M) or a time (5ms, 200us)");
  }
  std::multiset<BaselineKey> BaselineKeys;
  if (Baseline.getNumOccurrences()) {
    BaselineKeys = loadBaseline(Baseline);
    Gates.HasBaseline = true;
  }
  CostSnapshot DiffBaseSnapshot;
  if (DiffBase.getNumOccurrences()) {
    auto Buffer = llvm::MemoryBuffer::getFile(DiffBase);
    if (!Buffer)
      fail("cannot read --diff report '" + DiffBase +
           "': " + Buffer.getError().message());
    std::string Error;
    if (!readSnapshot((*Buffer)->getBuffer(), DiffBaseSnapshot, Error))
      fail("malformed --diff report '" + DiffBase + "': " + Error);
    if (DiffOutput.empty() && Base.Format != OutputFormat::Text)
      fail("--diff prints Markdown instead of the report; add "
           "--diff-output=<file> to have both");
  } else if (DiffOutput.getNumOccurrences()) {
    fail("--diff-output needs --diff=<base report>");
  }
  Base.ShowColors = Output.empty() && Base.Format == OutputFormat::Text &&
                    llvm::sys::Process::StandardOutHasColors();
  unsigned ShardIndex = 1, ShardCount = 1;
  if (Shard.getNumOccurrences() && !parseShard(Shard, ShardIndex, ShardCount))
    fail("invalid --shard '" + Shard +
         "': expected I/N with 1 <= I <= N, e.g. --shard=2/3");
  // The cache: --cache-dir, else <build dir>/.initscan-cache with -p; none
  // for files with flags after -- and no --cache-dir.
  std::unique_ptr<SummaryCache> Cache;
  if (!NoCache && (!CacheDir.empty() || !BuildPath.empty())) {
    llvm::SmallString<256> Dir(CacheDir);
    if (Dir.empty()) {
      Dir = BuildPath;
      llvm::sys::path::append(Dir, ".initscan-cache");
    }
    llvm::sys::fs::make_absolute(Dir);
    Cache = std::make_unique<SummaryCache>(
        Dir.str().str(),
        toolIdentity(argv[0], reinterpret_cast<void *>(&fail)));
  }

  std::vector<TranslationUnitReport> Reports;
  bool ToolFailed = false;
  // Every TU of the compile database (or the files named) into its summary:
  // from the cache when unchanged, else parsed and analysed.
  auto AnalyseTranslationUnits = [&]() -> std::vector<TranslationUnitReport> {
    if (!DB) {
      if (!BuildPath.empty()) {
        if (!llvm::sys::fs::is_directory(BuildPath))
          fail("build directory '" + BuildPath + "' does not exist");
        DB = loadBuildDatabase(BuildPath, DBError);
        if (!DB)
          fail("cannot load the compile database in '" + BuildPath +
               "': " + llvm::StringRef(DBError).trim().split('\n').first);
      } else if (!Sources.empty()) {
        DB = tooling::CompilationDatabase::autoDetectFromSource(Sources.front(),
                                                                DBError);
        if (!DB)
          fail("no compile database for '" + Sources.front() +
               "': pass -p <build dir>, or compiler flags after --");
      } else {
        fail("no input: pass source files, -p <build dir>, or both");
      }
    }

    std::vector<std::string> Files(Sources.begin(), Sources.end());
    if (Files.empty()) { // -p alone: every file of the compile database, in order.
      std::set<std::string> Seen;
      for (const tooling::CompileCommand &C : DB->getAllCompileCommands()) {
        // A relative "file" is relative to the entry's "directory".
        // (path::append rather than the two-argument make_absolute, which
        // LLVM 22 moved from sys::fs to sys::path.)
        llvm::SmallString<256> File(C.Filename);
        if (llvm::sys::path::is_relative(File) && !C.Directory.empty()) {
          File = C.Directory;
          llvm::sys::path::append(File, C.Filename);
        }
        if (Seen.insert(std::string(File)).second)
          Files.push_back(std::string(File));
      }
      if (Files.empty())
        Files = DB->getAllFiles();
    }
    if (Files.empty())
      fail("no input files (give files, or -p <build dir> with a non-empty "
           "compile_commands.json)");
    // A file that cannot be read becomes a failed TU (runJob): reported, the
    // others analysed, exit 2 at the end.

    // One job per TU (file and compile command), in compile-database order;
    // each has its own tool, its own configuration and its own diagnostic
    // buffers.
    std::vector<Job> Work;
    for (const std::string &File : Files) {
      llvm::SmallString<256> Absolute(File);
      llvm::sys::fs::make_absolute(Absolute);
      std::vector<tooling::CompileCommand> Commands =
          DB->getCompileCommands(Absolute);
      if (Commands.empty())
        Commands = DB->getCompileCommands(File);
      FileConfig FC = ConfigOf(Absolute);
      Job J;
      J.File = File;
      J.Cfg = Base;
      J.Cfg.EnabledChecks = FC.EnabledChecks;
      J.Cfg.Checks = FC.Options;
      std::string Fingerprint = configFingerprint(
          J.Cfg.EnabledChecks, J.Cfg.Checks, J.Cfg.SystemHeaders);
      size_t TUs = std::max<size_t>(1, Commands.size());
      for (size_t C = 0; C < TUs; ++C) {
        J.Ordinal = Work.size();
        J.Commands.clear();
        if (C < Commands.size())
          J.Commands.push_back(Commands[C]);
        if (Cache && !J.Commands.empty())
          J.CacheKey = Cache->keyFor(J.Commands.front(), Absolute, Fingerprint)
                           .value_or("");
        J.Cfg.RenderDiagnostics =
            J.Cfg.Format == OutputFormat::Text || !J.CacheKey.empty();
        Work.push_back(J);
      }
    }
    if (Shard.getNumOccurrences()) {
      // Slice ShardIndex of ShardCount, dealt round-robin over the TUs sorted
      // by path, so every runner picks the same disjoint, balanced slice.
      std::vector<size_t> ByPath(Work.size());
      for (size_t I = 0; I < Work.size(); ++I)
        ByPath[I] = I;
      std::stable_sort(ByPath.begin(), ByPath.end(), [&](size_t A, size_t B) {
        return Work[A].File < Work[B].File;
      });
      std::vector<bool> Mine(Work.size());
      for (size_t Rank = ShardIndex - 1; Rank < ByPath.size(); Rank += ShardCount)
        Mine[ByPath[Rank]] = true;
      std::vector<Job> Slice;
      for (size_t I = 0; I < Work.size(); ++I)
        if (Mine[I])
          Slice.push_back(std::move(Work[I]));
      Work = std::move(Slice);
    }

    bool Progress = llvm::sys::Process::StandardErrIsDisplayed();
    size_t DoneCount = 0, FindingCount = 0;
    auto Start = std::chrono::steady_clock::now();
    std::atomic<bool> CacheWriteFailed{false};
    auto Run = [&](Job &J) { runJobCached(J, Cache.get(), CacheWriteFailed); };
    auto Finished = [&](const Job &J) {
      ++DoneCount;
      for (const TranslationUnitReport &R : J.Reports)
        FindingCount += R.Findings.size();
      if (Progress) {
        llvm::errs() << "\r[" << DoneCount << "/" << Work.size()
                     << " TUs] " << FindingCount << " finding"
                     << (FindingCount == 1 ? "" : "s") << " so far";
        double Elapsed = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - Start)
                             .count();
        if (DoneCount < Work.size())
          llvm::errs() << ", ETA "
                       << llvm::format("%.0fs", Elapsed / DoneCount *
                                                    (Work.size() - DoneCount))
                       << "\x1b[K";
        llvm::errs().flush();
      }
    };
    if (Timeout.getNumOccurrences())
      runJobsIsolated(Work, Threads, Timeout, Cache.get(), Finished);
    else
      runJobs(Work, Threads, Run, Finished);
    if (Progress)
      llvm::errs() << "\r\x1b[K";

    if (Verbose) {
      size_t FromCache = 0;
      for (const Job &J : Work) {
        FromCache += J.FromCache;
        llvm::errs() << "initscan: " << (J.FromCache ? "from cache" : "analysed")
                     << ": " << J.File << "\n";
      }
      llvm::errs() << "initscan: " << FromCache << " of " << Work.size()
                   << " TUs from cache";
      if (Cache)
        llvm::errs() << " (" << Cache->directory() << ")";
      else
        llvm::errs() << " (cache off)";
      llvm::errs() << "\n";
    }
    // Reserved: TranslationUnitReport's move may throw (json::Value), so a
    // growing vector would deep-copy every report (a fifth of a warm run).
    std::vector<TranslationUnitReport> Results;
    size_t ReportCount = 0;
    for (const Job &J : Work)
      ReportCount += J.Reports.size();
    Results.reserve(ReportCount);
    for (Job &J : Work) {
      ToolFailed |= J.ToolFailed;
      for (TranslationUnitReport &R : J.Reports)
        Results.push_back(std::move(R));
    }
    return Results;
  };
  if (!Merge.empty()) {
    // The report from summaries alone: no compile database, no parsing.
    if (DB || !BuildPath.empty() || !Sources.empty())
      fail("--merge builds the report from summaries: give no -p, source "
           "files or compiler flags");
    if (Shard.getNumOccurrences() || SummariesOut.getNumOccurrences())
      fail("--merge cannot be combined with --shard or --summaries-out");
    std::string Error;
    if (!readSummaryDirectories(Merge, Reports, Error))
      fail(Error);
  } else {
    Reports = AnalyseTranslationUnits();
  }
  for (const TranslationUnitReport &R : Reports)
    llvm::errs() << (Base.ShowColors ? colorizeDiagnostics(R.CompilerDiagnostics)
                                     : R.CompilerDiagnostics);
  if (!SummariesOut.empty()) {
    if (std::error_code EC = llvm::sys::fs::create_directories(SummariesOut))
      fail("cannot create --summaries-out '" + SummariesOut +
           "': " + EC.message());
    for (const TranslationUnitReport &R : Reports) {
      llvm::SmallString<256> Path(SummariesOut);
      llvm::sys::path::append(Path, summaryFileName(R));
      writeFileAtomically(
          Path, summaryText(R, /*Indent=*/2) + "\n");
    }
  }

  // Whole program: needs every TU's facts.
  addInitOrderFindings(Reports);

  // Baseline: drop the findings it already has (check + symbol + file; the
  // line may move). A multiset, so a header finding known once per TU stays
  // known in each.
  if (Gates.HasBaseline)
    for (TranslationUnitReport &R : Reports) {
      std::vector<FindingRecord> Kept;
      for (FindingRecord &F : R.Findings) {
        auto It = BaselineKeys.find({F.Check, F.Symbol, F.Where.File});
        if (It != BaselineKeys.end()) {
          BaselineKeys.erase(It);
          ++Gates.BaselineSuppressed;
          continue;
        }
        Kept.push_back(std::move(F));
      }
      R.Findings = std::move(Kept);
    }

  ProgramReport Program = buildProgramReport(Reports);
  std::string Text;
  StringBuilderStream OS(Text);
  std::string DiffText;
  if (DiffBase.getNumOccurrences()) {
    llvm::SmallString<256> Here;
    llvm::sys::fs::current_path(Here);
    llvm::raw_string_ostream DiffOS(DiffText);
    writeMarkdownDiff(DiffOS, DiffBaseSnapshot, snapshotOf(Program), Here);
  }
  if (DiffBase.getNumOccurrences() && DiffOutput.empty()) {
    OS << DiffText;
  } else if (Base.Format == OutputFormat::JSON) {
    writeJSON(OS, Reports, Program, Gates);
  } else if (Base.Format == OutputFormat::SARIF) {
    writeSARIF(OS, Reports, Program, INITSCAN_DOCS_URI);
  } else if (Base.Format == OutputFormat::HTML) {
    writeHTML(OS, Reports, Program, Gates, INITSCAN_DOCS_URI);
  } else {
    for (const TranslationUnitReport &R : Reports)
      for (const FindingRecord &F : R.Findings)
        OS << (Base.ShowColors ? colorizeDiagnostics(F.DiagText) : F.DiagText);
    writeTextSummary(OS, Reports, Program, Gates);
  }
  OS.flush();
  if (Output.empty()) {
    llvm::outs() << Text;
    llvm::outs().flush();
  } else {
    writeFileAtomically(Output, Text);
  }
  if (!DiffOutput.empty())
    writeFileAtomically(DiffOutput, DiffText);

  // Fix-its: every distinct edit once (a header global's fix comes from each
  // TU that includes it).
  if (!ExportFixes.empty() || Fix) {
    std::map<std::string, tooling::Replacements> ByFile;
    std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Seen;
    tooling::TranslationUnitReplacements All;
    All.MainSourceFile = Reports.empty() ? "" : Reports.front().File;
    for (const TranslationUnitReport &R : Reports)
      for (const FindingRecord &F : R.Findings)
        for (const tooling::Replacement &Rep : F.Fixes) {
          if (!Seen.insert({Rep.getFilePath().str(), Rep.getOffset(),
                            Rep.getLength(), Rep.getReplacementText().str()})
                   .second)
            continue;
          if (llvm::Error E = ByFile[Rep.getFilePath().str()].add(Rep)) {
            // Overlapping fixes: keep the first, as clang-tidy does.
            llvm::consumeError(std::move(E));
            continue;
          }
          All.Replacements.push_back(Rep);
        }
    if (!ExportFixes.empty()) {
      std::string YAML;
      llvm::raw_string_ostream YOS(YAML);
      llvm::yaml::Output Out(YOS);
      Out << All;
      YOS.flush();
      writeFileAtomically(ExportFixes, YAML);
    }
    if (Fix) {
      for (const auto &[File, Reps] : ByFile) {
        auto Buffer = llvm::MemoryBuffer::getFile(File);
        if (!Buffer)
          fail("cannot read '" + File + "' to fix it: " +
               Buffer.getError().message());
        auto Fixed = tooling::applyAllReplacements((*Buffer)->getBuffer(), Reps);
        if (!Fixed)
          fail("cannot apply the fixes to '" + File +
               "': " + llvm::toString(Fixed.takeError()));
        writeFileAtomically(File, *Fixed);
      }
      llvm::errs() << "initscan: applied " << All.Replacements.size()
                   << " fix(es) to " << ByFile.size() << " file(s)\n";
    }
  }

  unsigned Failed = 0;
  for (const TranslationUnitReport &R : Reports)
    Failed += R.Failed;
  if (Failed || ToolFailed) {
    llvm::errs() << "initscan: error: " << std::max(Failed, 1u)
                 << " translation unit(s) failed to compile\n";
    return 2;
  }
  int Status = 0;
  if (Gates.Budget && Program.Total.Instructions > *Gates.Budget) {
    llvm::errs() << "initscan: start-up cost ~"
                 << formatCount(Program.Total.Instructions)
                 << " instructions exceeds the budget of "
                 << formatCount(*Gates.Budget) << " by ~"
                 << formatCount(Program.Total.Instructions - *Gates.Budget)
                 << " instructions\n";
    Status = 1;
  }
  if (Gates.HasBaseline) {
    size_t New = 0;
    for (const TranslationUnitReport &R : Reports)
      New += R.Findings.size();
    if (New) {
      llvm::errs() << "initscan: " << New
                   << " new finding(s) not in the baseline\n";
      Status = 1;
    }
  }
  return Status;
}
