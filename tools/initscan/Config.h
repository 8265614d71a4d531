//===- Config.h - .clang-tidy configuration of the initscan CLI -*- C++ -*-===//
//
// The CLI reads the same .clang-tidy files as the clang-tidy module, with
// clang-tidy's own loader, so both front-ends agree on Checks and CheckOptions.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_CONFIG_H
#define INITSCAN_TOOLS_CONFIG_H

#include "initscan/Findings.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace initscan::cli {

/// What the command line sets; unset fields leave the file's value.
struct CommandLineOverrides {
  std::optional<std::string> Checks;  ///< Appended to the file's globs.
  std::optional<std::string> MinCost;
  std::optional<std::string> ConfigFile; ///< --config-file: no lookup.
};

/// The checks and their options for one source file.
struct FileConfig {
  std::vector<std::string> EnabledChecks;
  CheckOptions Options;
  std::string Source; ///< The .clang-tidy files used, for messages.
};

class ConfigLoader {
public:
  explicit ConfigLoader(CommandLineOverrides Overrides)
      : Overrides(std::move(Overrides)) {}
  /// The configuration for \p SourceFile (absolute), or an error message.
  bool configFor(llvm::StringRef SourceFile, FileConfig &Result,
                 std::string &Error);

private:
  struct Parsed {
    bool Ok = false;
    std::string Error;
    std::optional<std::string> Checks;
    std::map<std::string, std::string> Options;
    bool InheritParent = false;
  };
  const Parsed &parse(const std::string &Path);

  CommandLineOverrides Overrides;
  std::map<std::string, Parsed> Cache;
};

/// The checks a clang-tidy glob list (`-*,initscan-*`) selects.
std::vector<std::string> selectChecks(llvm::StringRef Globs);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_CONFIG_H
