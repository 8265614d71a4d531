//===- Cache.cpp - Content-addressed cache of per-TU summaries -----------===//

#include "Cache.h"
#include "JSONReader.h"
#include "Summary.h"
#include "initscan/Compat.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#if defined(__linux__)
#include <sys/stat.h>
#endif

namespace json = llvm::json;

namespace initscan::cli {

/// The file-signature index, in the cache directory; not a *.json entry.
static constexpr llvm::StringLiteral IndexFileName = "file-signatures";
static constexpr llvm::StringLiteral IndexHeader = "initscan-file-signatures 1";
/// A signature proves a file's contents only when the file's last change
/// is at least this much older than the signature (see Cache.h).
static constexpr int64_t SettledNs = 1'000'000'000;

bool FileSignature::operator==(const FileSignature &Other) const {
  return Device == Other.Device && Inode == Other.Inode && Size == Other.Size &&
         ModifiedNs == Other.ModifiedNs && ChangedNs == Other.ChangedNs;
}

/// The signature of the open file \p FD; none where stat has no
/// nanosecond mtime and ctime (the index is then not used).
static std::optional<FileSignature> signatureOf(llvm::sys::fs::file_t FD) {
#if defined(__linux__)
  struct stat Status;
  if (::fstat(FD, &Status) != 0)
    return std::nullopt;
  auto Nanoseconds = [](const struct timespec &T) {
    return int64_t(T.tv_sec) * 1'000'000'000 + T.tv_nsec;
  };
  FileSignature Signature;
  Signature.Device = Status.st_dev;
  Signature.Inode = Status.st_ino;
  Signature.Size = Status.st_size;
  Signature.ModifiedNs = Nanoseconds(Status.st_mtim);
  Signature.ChangedNs = Nanoseconds(Status.st_ctim);
  return Signature;
#else
  (void)FD;
  return std::nullopt;
#endif
}

/// Layout of a cache entry around its summary; bump on change.
static constexpr int64_t CacheEntryVersion = 1;
static constexpr llvm::StringLiteral CacheEntryFormat = "initscan-cache-entry";

uint64_t contentHash(llvm::StringRef Contents) {
  return compat::hash64(Contents);
}

static std::string hex64(uint64_t V) {
  return llvm::formatv("{0:x-16}", V).str();
}

void writeDependencies(json::OStream &J,
                       llvm::ArrayRef<Dependency> Dependencies) {
  J.array([&] {
    for (const Dependency &D : Dependencies)
      J.array([&] {
        J.value(D.File);
        J.value(hex64(D.Hash));
      });
  });
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

SummaryCache::SummaryCache(std::string Dir, std::string ToolIdentity)
    : Dir(std::move(Dir)), ToolIdentity(std::move(ToolIdentity)) {
  // "<hash> <device> <inode> <size> <mtime ns> <ctime ns> <path>" lines. An
  // unreadable or malformed index is dropped (and rewritten): it only saves
  // reading files.
  auto Buffer = llvm::MemoryBuffer::getFile(indexPath(), /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return;
  auto [Header, Rest] = (*Buffer)->getBuffer().split('\n');
  bool Valid = Header == IndexHeader;
  while (Valid && !Rest.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Rest) = Rest.split('\n');
    SignedHash Record;
    llvm::StringRef Fields[6];
    for (llvm::StringRef &Field : Fields)
      std::tie(Field, Line) = Line.split(' ');
    Valid = !Line.empty() && !Fields[0].getAsInteger(16, Record.Hash) &&
            !Fields[1].getAsInteger(10, Record.Signature.Device) &&
            !Fields[2].getAsInteger(10, Record.Signature.Inode) &&
            !Fields[3].getAsInteger(10, Record.Signature.Size) &&
            !Fields[4].getAsInteger(10, Record.Signature.ModifiedNs) &&
            !Fields[5].getAsInteger(10, Record.Signature.ChangedNs);
    if (Valid)
      Index[Line] = Record;
  }
  if (!Valid) {
    Index.clear();
    IndexChanged = true;
  }
}

SummaryCache::~SummaryCache() {
  // Only into an existing directory: a run that stored nothing creates none.
  if (!IndexChanged || !llvm::sys::fs::is_directory(Dir))
    return;
  std::string Text = IndexHeader.str() + "\n";
  llvm::raw_string_ostream OS(Text);
  for (const auto &Entry : Index)
    if (!Entry.getKey().contains('\n'))
      OS << hex64(Entry.getValue().Hash) << " "
         << Entry.getValue().Signature.Device << " "
         << Entry.getValue().Signature.Inode << " "
         << Entry.getValue().Signature.Size << " "
         << Entry.getValue().Signature.ModifiedNs << " "
         << Entry.getValue().Signature.ChangedNs << " " << Entry.getKey()
         << "\n";
  // Atomic, like the entries; several processes: the last one's index wins,
  // and every record in it is true on its own.
  llvm::Error E = llvm::writeToOutput(indexPath(), [&](llvm::raw_ostream &Out) {
    Out << Text;
    return llvm::Error::success();
  });
  llvm::consumeError(std::move(E));
}

std::string SummaryCache::indexPath() const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, IndexFileName);
  return Path.str().str();
}

std::optional<uint64_t> SummaryCache::signedHashOf(llvm::StringRef File) {
  llvm::Expected<llvm::sys::fs::file_t> FD =
      llvm::sys::fs::openNativeFileForRead(File);
  if (!FD) {
    llvm::consumeError(FD.takeError());
    return std::nullopt;
  }
  auto Close = llvm::make_scope_exit([&] { llvm::sys::fs::closeFile(*FD); });
  // The clock before the signature: a later write gets a ctime after Now.
  int64_t Now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  std::optional<FileSignature> Signature = signatureOf(*FD);
  if (Signature) {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Index.find(File);
    if (It != Index.end() && It->second.Signature == *Signature)
      return It->second.Hash;
  }
  auto Buffer = llvm::MemoryBuffer::getOpenFile(
      *FD, File, /*FileSize=*/-1, /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  uint64_t Hash = contentHash((*Buffer)->getBuffer());
  // Recorded only once settled: a write in the same timestamp tick as the
  // signature could otherwise leave it unchanged.
  bool Settled = Signature && Signature->ChangedNs < Now - SettledNs &&
                 Signature->ModifiedNs < Now - SettledNs;
  std::lock_guard<std::mutex> Guard(Lock);
  if (Settled) {
    Index[File] = {*Signature, Hash};
    IndexChanged = true;
  } else if (Index.erase(File)) {
    IndexChanged = true;
  }
  return Hash;
}

std::optional<uint64_t> SummaryCache::hashOf(llvm::StringRef File) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = FileHashes.find(File);
    if (It != FileHashes.end())
      return It->second;
  }
  std::optional<uint64_t> Hash = signedHashOf(File);
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
  llvm::Expected<json::Value> Entry = readJSON((*Buffer)->getBuffer());
  if (!Entry) { // Corrupt: a miss, rewritten by the next store.
    llvm::consumeError(Entry.takeError());
    return std::nullopt;
  }
  json::Object *O = Entry->getAsObject();
  if (!O || compat::toStd(O->getString("format")) != CacheEntryFormat ||
      compat::toStd(O->getInteger("version")) != CacheEntryVersion ||
      compat::toStd(O->getString("key")) != Key)
    return std::nullopt;
  const json::Array *Dependencies = O->getArray("dependencies");
  json::Value *Summary = O->get("summary");
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
  // writeToOutput writes a temporary file next to the entry and renames it:
  // readers see the old entry or the new one, never half of one.
  if (llvm::Error E =
          llvm::writeToOutput(entryPath(Key), [&](llvm::raw_ostream &OS) {
            // Streamed: a summary can be megabytes (Summary.cpp).
            json::OStream J(OS);
            J.object([&] {
              J.attributeBegin("dependencies");
              writeDependencies(J, Dependencies);
              J.attributeEnd();
              J.attribute("format", CacheEntryFormat);
              J.attribute("key", Key);
              J.attributeBegin("summary");
              writeSummary(J, Summary);
              J.attributeEnd();
              J.attribute("version", CacheEntryVersion);
            });
            return llvm::Error::success();
          })) {
    Error = llvm::toString(std::move(E));
    return false;
  }
  return true;
}

} // namespace initscan::cli
