//===- Cache.h - Content-addressed cache of per-TU summaries ----*- C++ -*-===//
//
// An entry is found by a key over what the TU's analysis cannot change
// without: initscan's identity, the check configuration, the compile command
// and the main file's contents. It records the (path, content hash) of every
// file the TU entered (headers included) and is served only when all of them
// still hash the same, so a changed header re-analyses exactly the TUs that
// include it. Entries are written atomically (temporary file + rename), so
// several processes can share one directory; a corrupt or old-format entry is
// a miss and is rewritten.
//
// Hashing every entered file is most of a warm run after start-up, so the
// directory also keeps a file-signature index: a file's (device, inode, size,
// mtime, ctime) with the hash of its contents. A file whose signature is as
// recorded is not read again. Any write, and any change of the timestamps,
// moves ctime, which cannot be set back; a signature is recorded only when
// the file's last change is more than a second older than the signature, so
// a write in the same timestamp tick cannot go unseen either.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_CACHE_H
#define INITSCAN_TOOLS_CACHE_H

#include "Report.h"
#include "llvm/Support/JSON.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace initscan::cli {

/// A file a TU was built from, with the hash of the contents it was parsed
/// with.
struct Dependency {
  std::string File; ///< Absolute path.
  uint64_t Hash = 0;
};

/// The hash recorded for a file's contents.
uint64_t contentHash(llvm::StringRef Contents);

/// \p Dependencies as the JSON array [[file, 16-digit hex hash], ...], as
/// cache entries and --timeout children carry them.
void writeDependencies(llvm::json::OStream &J,
                       llvm::ArrayRef<Dependency> Dependencies);

/// initscan's version, the LLVM it parses with and a hash of its own
/// executable, so a rebuilt initscan never reuses an older one's results.
std::string toolIdentity(const char *Argv0, void *AddressInMain);

/// The check configuration a summary depends on, as text for the key.
std::string configFingerprint(llvm::ArrayRef<std::string> EnabledChecks,
                              const CheckOptions &Options, bool SystemHeaders);

/// What stat says about a file; equal signatures mean unchanged contents.
struct FileSignature {
  uint64_t Device = 0, Inode = 0, Size = 0;
  int64_t ModifiedNs = 0, ChangedNs = 0; ///< mtime and ctime.
  bool operator==(const FileSignature &Other) const;
};

class SummaryCache {
public:
  /// Reads the file-signature index of \p Dir, if any.
  SummaryCache(std::string Dir, std::string ToolIdentity);
  /// Writes the file-signature index back when this run changed it.
  ~SummaryCache();
  SummaryCache(const SummaryCache &) = delete;
  SummaryCache &operator=(const SummaryCache &) = delete;

  /// The key of a TU, or nothing when its main file cannot be read.
  std::optional<std::string>
  keyFor(const clang::tooling::CompileCommand &Command,
         llvm::StringRef MainFile, llvm::StringRef ConfigFingerprint);
  /// The cached summary of \p Key when every file it depended on is
  /// unchanged. Thread-safe.
  std::optional<TranslationUnitReport> lookup(llvm::StringRef Key);
  /// Stores \p Summary; false (and the reason) when it cannot be written.
  bool store(llvm::StringRef Key, const TranslationUnitReport &Summary,
             llvm::ArrayRef<Dependency> Dependencies, std::string &Error);

  llvm::StringRef directory() const { return Dir; }

private:
  /// Hash of a file's current contents, found once per run. Thread-safe.
  std::optional<uint64_t> hashOf(llvm::StringRef File);
  /// The recorded hash when the file's signature is unchanged, else the
  /// hash of its contents (and the index updated).
  std::optional<uint64_t> signedHashOf(llvm::StringRef File);
  std::string entryPath(llvm::StringRef Key) const;
  std::string indexPath() const;

  struct SignedHash {
    FileSignature Signature;
    uint64_t Hash = 0;
  };

  std::string Dir, ToolIdentity;
  std::mutex Lock;
  llvm::StringMap<std::optional<uint64_t>> FileHashes;
  llvm::StringMap<SignedHash> Index; ///< The file-signature index.
  bool IndexChanged = false;
};

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_CACHE_H
