//===- Config.cpp - .clang-tidy configuration of the initscan CLI ----------===//

#include "Config.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "initscan/Compat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include <algorithm>

namespace initscan::cli {

/// Whether \p Name matches \p Glob the way clang-tidy matches check globs:
/// `*` stands for any run of characters and every other character for
/// itself. Backtracks only to the last `*`, so it takes O(|Glob| * |Name|);
/// llvm::GlobPattern also gives `?`, `[` and `{` a meaning clang-tidy does
/// not, and before LLVM 17 takes exponential time on a run of `*`s.
static bool matchesCheckGlob(llvm::StringRef Glob, llvm::StringRef Name) {
  size_t G = 0, N = 0;
  size_t StarG = llvm::StringRef::npos, StarN = 0;
  while (N < Name.size()) {
    if (G < Glob.size() && Glob[G] == '*') {
      StarG = G++;
      StarN = N;
    } else if (G < Glob.size() && Glob[G] == Name[N]) {
      ++G;
      ++N;
    } else if (StarG != llvm::StringRef::npos) {
      G = StarG + 1; // Let the last `*` take one more character.
      N = ++StarN;
    } else {
      return false;
    }
  }
  while (G < Glob.size() && Glob[G] == '*')
    ++G;
  return G == Glob.size();
}

std::vector<std::string> selectChecks(llvm::StringRef Globs) {
  // As clang-tidy's GlobList: globs separated by commas or newlines, trimmed,
  // `-` removes; the last glob that matches a check decides.
  std::string List = Globs.str();
  std::replace(List.begin(), List.end(), '\n', ',');
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(List).split(Parts, ',', -1, false);
  std::vector<std::string> Selected;
  for (llvm::StringRef Check : AllChecks) {
    bool Enabled = false;
    for (llvm::StringRef Part : Parts) {
      Part = Part.trim();
      bool Negative = Part.consume_front("-");
      if (!Part.empty() && matchesCheckGlob(Part, Check))
        Enabled = !Negative;
    }
    if (Enabled)
      Selected.push_back(Check.str());
  }
  return Selected;
}

/// \p Text with the top-level YAML mapping entry starting on line \p Line
/// (1-based), that line and the indented or blank lines after it, turned
/// into comments (so that later diagnostics keep the file's line numbers).
static std::string withoutTopLevelEntry(llvm::StringRef Text, unsigned Line) {
  std::string Result;
  unsigned Number = 0;
  bool Skipping = false;
  while (!Text.empty()) {
    auto [Current, Rest] = Text.split('\n');
    ++Number;
    if (Number == Line)
      Skipping = true;
    else if (Skipping && !Current.empty() && Current.front() != ' ' &&
             Current.front() != '\t')
      Skipping = false;
    Result += Skipping ? "#\n" : Current.str() + "\n";
    Text = Rest;
  }
  return Result;
}

const ConfigLoader::Parsed &ConfigLoader::parse(const std::string &Path) {
  auto It = Cache.find(Path);
  if (It != Cache.end())
    return It->second;
  Parsed &P = Cache[Path];
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    P.Error = "cannot read '" + Path + "': " + Buffer.getError().message();
    return P;
  }
  // Real projects' files carry top-level keys of other clang-tidy versions
  // (spdlog: `AnalyzeTemporaryDtors`, removed in clang-tidy 18): such a key
  // is skipped with a warning, as clang-tidy's own options are still
  // meaningful. Anything else malformed stays an error.
  std::string Text = (*Buffer)->getBuffer().str();
  llvm::ErrorOr<clang::tidy::ClangTidyOptions> Options =
      std::make_error_code(std::errc::invalid_argument);
  std::string FirstDiag;
  // (line, key) of the skipped keys, reported in line order: clang-tidy
  // reports one unknown key per parse, which one first depends on the major
  // (up to 16 its YAML reader walks the keys in hash order).
  std::vector<std::pair<unsigned, std::string>> SkippedKeys;
  for (unsigned Attempt = 0; Attempt < 16; ++Attempt) {
    FirstDiag.clear();
    unsigned UnknownKeyLine = 0;
    std::string UnknownKey;
    Options = clang::tidy::parseConfigurationWithDiags(
        llvm::MemoryBufferRef(Text, Path), [&](const llvm::SMDiagnostic &D) {
          if (!FirstDiag.empty())
            return;
          FirstDiag = std::to_string(D.getLineNo()) + ":" +
                      std::to_string(D.getColumnNo() + 1) + ": " +
                      D.getMessage().str();
          llvm::StringRef Message = D.getMessage();
          if (D.getColumnNo() == 0 && Message.consume_front("unknown key '") &&
              Message.consume_back("'")) {
            UnknownKeyLine = D.getLineNo();
            UnknownKey = Message.str();
          }
        });
    if (Options || UnknownKeyLine == 0)
      break;
    SkippedKeys.emplace_back(UnknownKeyLine, std::move(UnknownKey));
    Text = withoutTopLevelEntry(Text, UnknownKeyLine);
  }
  llvm::sort(SkippedKeys);
  for (const auto &[Line, Key] : SkippedKeys)
    llvm::errs() << "initscan: warning: ignoring unknown key '" << Key
                 << "' in '" << Path << "' (line " << Line << ")\n";
  if (!Options) {
    P.Error = "malformed configuration '" + Path + "': " +
              (FirstDiag.empty() ? Options.getError().message() : FirstDiag);
    return P;
  }
  P.Ok = true;
  P.Checks = compat::toStd(Options->Checks);
  P.InheritParent = compat::toStd(Options->InheritParentConfig).value_or(false);
  for (const auto &Entry : Options->CheckOptions)
    P.Options[Entry.getKey().str()] = Entry.getValue().Value;
  return P;
}

static bool parseBool(llvm::StringRef V, bool &Out) {
  if (V.equals_insensitive("true") || V == "1") {
    Out = true;
    return true;
  }
  if (V.equals_insensitive("false") || V == "0") {
    Out = false;
    return true;
  }
  return false;
}

bool ConfigLoader::configFor(llvm::StringRef SourceFile, FileConfig &Result,
                             std::string &Error) {
  // The chain of files, nearest first, as clang-tidy reads them: the nearest
  // .clang-tidy, and its parents while InheritParentConfig is set.
  std::vector<const Parsed *> Chain;
  std::vector<std::string> Used;
  auto Add = [&](const std::string &Path) -> bool {
    const Parsed &P = parse(Path);
    if (!P.Ok) {
      Error = P.Error;
      return false;
    }
    Chain.push_back(&P);
    Used.push_back(Path);
    return true;
  };
  if (Overrides.ConfigFile) {
    if (!Add(*Overrides.ConfigFile))
      return false;
  } else {
    llvm::SmallString<256> Dir(SourceFile);
    llvm::sys::path::remove_filename(Dir);
    while (!Dir.empty()) {
      llvm::SmallString<256> Candidate(Dir);
      llvm::sys::path::append(Candidate, ".clang-tidy");
      if (llvm::sys::fs::is_regular_file(Candidate)) {
        if (!Add(Candidate.str().str()))
          return false;
        if (!Chain.back()->InheritParent)
          break;
      }
      llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
      if (Parent == Dir)
        break;
      Dir = Parent;
    }
  }
  // Farthest first, so nearer files and then the command line win.
  std::string Globs = "initscan-*";
  std::map<std::string, std::string> Options;
  for (auto It = Chain.rbegin(); It != Chain.rend(); ++It) {
    if ((*It)->Checks)
      Globs += "," + *(*It)->Checks;
    for (const auto &[K, V] : (*It)->Options)
      Options[K] = V;
  }
  if (Overrides.Checks)
    Globs += "," + *Overrides.Checks;
  std::string Where = Used.empty() ? std::string("the command line")
                                   : "'" + Used.front() + "'";
  Result.EnabledChecks = selectChecks(Globs);
  CheckOptions &O = Result.Options;
  auto Lookup = [&](llvm::StringRef Check,
                    llvm::StringRef Name) -> std::optional<std::string> {
    auto It = Options.find((Check + "." + Name).str());
    if (It != Options.end())
      return It->second;
    return std::nullopt;
  };
  auto Bad = [&](llvm::StringRef Check, llvm::StringRef Name,
                 llvm::StringRef Value, llvm::StringRef Expected) {
    Error = ("invalid " + Check + "." + Name + " '" + Value + "' in " + Where +
             ": expected " + Expected)
                .str();
    return false;
  };
  if (Overrides.MinCost) {
    if (!parseCostThreshold(*Overrides.MinCost, O.ExpensiveStaticInit.MinCost)) {
      Error = "invalid --min-cost '" + *Overrides.MinCost +
              "': expected a number such as 5000, 10k or 2M";
      return false;
    }
  } else if (auto V = Lookup(ExpensiveStaticInitCheck, "MinCost")) {
    if (!parseCostThreshold(*V, O.ExpensiveStaticInit.MinCost))
      return Bad(ExpensiveStaticInitCheck, "MinCost", *V,
                 "a number such as 5000, 10k or 2M");
  }
  if (auto V = Lookup(ExpensiveStaticInitCheck, "ReportDestructorOnly"))
    if (!parseBool(*V, O.ExpensiveStaticInit.ReportDestructorOnly))
      return Bad(ExpensiveStaticInitCheck, "ReportDestructorOnly", *V,
                 "true or false");
  if (auto V = Lookup(TypeErasedCallableMapCheck, "CallableTypes")) {
    std::vector<std::string> Types;
    llvm::SmallVector<llvm::StringRef, 8> Parts;
    llvm::StringRef(*V).split(Parts, ';', -1, false);
    for (llvm::StringRef Part : Parts)
      if (!Part.trim().empty())
        Types.push_back(Part.trim().str());
    if (!Types.empty())
      O.TypeErasedCallableMap.CallableTypes = std::move(Types);
  }
  if (auto V = Lookup(HeapEscapingCaptureCheck, "StaticInitOnly"))
    if (!parseBool(*V, O.HeapEscapingCapture.StaticInitOnly))
      return Bad(HeapEscapingCaptureCheck, "StaticInitOnly", *V, "true or false");
  if (auto V = Lookup(EagerSingletonCheck, "MinAllocations"))
    if (llvm::StringRef(*V).trim().getAsInteger(10, O.EagerSingleton.MinAllocations))
      return Bad(EagerSingletonCheck, "MinAllocations", *V, "a whole number");
  Result.Source = Used.empty() ? "" : Used.front();
  return true;
}

} // namespace initscan::cli
