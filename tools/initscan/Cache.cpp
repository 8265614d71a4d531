//===- Cache.cpp - Content-addressed cache of per-TU summaries -----------===//

#include "Cache.h"
#include "Summary.h"
#include "initscan/Compat.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace json = llvm::json;

namespace initscan::cli {

/// Layout of a cache entry around its summary; bump on change.
static constexpr int64_t CacheEntryVersion = 1;
static constexpr llvm::StringLiteral CacheEntryFormat = "initscan-cache-entry";

uint64_t contentHash(llvm::StringRef Contents) {
  return compat::hash64(Contents);
}

static std::string hex64(uint64_t V) {
  return llvm::formatv("{0:x-16}", V).str();
}

std::string toolIdentity(const char *Argv0, void *AddressInMain) {
  std::string Identity =
      "initscan " INITSCAN_VERSION " llvm " LLVM_VERSION_STRING;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, AddressInMain);
  auto Buffer = llvm::MemoryBuffer::getFile(Exe, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  Identity += " exe ";
  Identity += Buffer ? hex64(contentHash((*Buffer)->getBuffer())) : Exe;
  return Identity;
}

std::string configFingerprint(llvm::ArrayRef<std::string> EnabledChecks,
                              const CheckOptions &Options, bool SystemHeaders) {
  // Every option of every check, whether enabled or not: a new option must
  // be added here (the summary's findings depend on it).
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "checks:";
  for (const std::string &Check : EnabledChecks)
    OS << Check << ",";
  OS << "\nsystem-headers:" << SystemHeaders
     << "\nMinCost:" << Options.ExpensiveStaticInit.MinCost
     << "\nReportDestructorOnly:"
     << Options.ExpensiveStaticInit.ReportDestructorOnly << "\nCallableTypes:";
  for (const std::string &Type : Options.TypeErasedCallableMap.CallableTypes)
    OS << Type << ",";
  OS << "\nStaticInitOnly:" << Options.HeapEscapingCapture.StaticInitOnly
     << "\nMinAllocations:" << Options.EagerSingleton.MinAllocations << "\n";
  return Text;
}

std::optional<std::string>
SummaryCache::keyFor(const clang::tooling::CompileCommand &Command,
                     llvm::StringRef MainFile, llvm::StringRef Config) {
  std::optional<uint64_t> MainHash = hashOf(MainFile);
  if (!MainHash)
    return std::nullopt;
  // Fields separated by a byte no path or flag contains.
  std::string Text = ToolIdentity;
  auto Add = [&](llvm::StringRef Field) {
    Text += '\0';
    Text += Field;
  };
  Add(Config);
  Add(Command.Directory);
  Add(Command.Filename);
  Add(Command.Output);
  for (const std::string &Arg : Command.CommandLine)
    Add(Arg);
  Add(MainFile);
  Add(hex64(*MainHash));
  std::pair<uint64_t, uint64_t> Key = compat::hash128(Text);
  return hex64(Key.first) + hex64(Key.second);
}

std::optional<uint64_t> SummaryCache::hashOf(llvm::StringRef File) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = FileHashes.find(File);
    if (It != FileHashes.end())
      return It->second;
  }
  std::optional<uint64_t> Hash;
  if (auto Buffer =
          llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false))
    Hash = contentHash((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Guard(Lock);
  FileHashes[File] = Hash;
  return Hash;
}

std::string SummaryCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key + ".json");
  return Path.str().str();
}

std::optional<TranslationUnitReport> SummaryCache::lookup(llvm::StringRef Key) {
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Key));
  if (!Buffer)
    return std::nullopt;
  llvm::Expected<json::Value> Entry = json::parse((*Buffer)->getBuffer());
  if (!Entry) { // Corrupt: a miss, rewritten by the next store.
    llvm::consumeError(Entry.takeError());
    return std::nullopt;
  }
  const json::Object *O = Entry->getAsObject();
  if (!O || compat::toStd(O->getString("format")) != CacheEntryFormat ||
      compat::toStd(O->getInteger("version")) != CacheEntryVersion ||
      compat::toStd(O->getString("key")) != Key)
    return std::nullopt;
  const json::Array *Dependencies = O->getArray("dependencies");
  const json::Value *Summary = O->get("summary");
  if (!Dependencies || !Summary)
    return std::nullopt;
  for (const json::Value &D : *Dependencies) {
    const json::Array *Pair = D.getAsArray();
    if (!Pair || Pair->size() != 2)
      return std::nullopt;
    std::optional<llvm::StringRef> File =
        compat::toStd((*Pair)[0].getAsString());
    std::optional<llvm::StringRef> Hash =
        compat::toStd((*Pair)[1].getAsString());
    if (!File || !Hash)
      return std::nullopt;
    std::optional<uint64_t> Now = hashOf(*File);
    if (!Now || hex64(*Now) != *Hash)
      return std::nullopt;
  }
  TranslationUnitReport Result;
  std::string Error;
  if (!summaryFromJSON(*Summary, Result, Error))
    return std::nullopt;
  return Result;
}

bool SummaryCache::store(llvm::StringRef Key,
                         const TranslationUnitReport &Summary,
                         llvm::ArrayRef<Dependency> Dependencies,
                         std::string &Error) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = EC.message();
    return false;
  }
  json::Array Deps;
  for (const Dependency &D : Dependencies)
    Deps.push_back(json::Array{D.File, hex64(D.Hash)});
  json::Object Entry{{"format", CacheEntryFormat},
                     {"version", CacheEntryVersion},
                     {"key", Key},
                     {"dependencies", std::move(Deps)},
                     {"summary", summaryToJSON(Summary)}};
  // writeToOutput writes a temporary file next to the entry and renames it:
  // readers see the old entry or the new one, never half of one.
  if (llvm::Error E =
          llvm::writeToOutput(entryPath(Key), [&](llvm::raw_ostream &OS) {
            OS << json::Value(std::move(Entry));
            return llvm::Error::success();
          })) {
    Error = llvm::toString(std::move(E));
    return false;
  }
  return true;
}

} // namespace initscan::cli
