//===- CheckSupport.h - What every initscan clang-tidy check shares -*- C++ -*-===//
#ifndef INITSCAN_CHECKS_CHECKSUPPORT_H
#define INITSCAN_CHECKS_CHECKSUPPORT_H

#include "clang-tidy/ClangTidyCheck.h"
#include "initscan/Findings.h"

namespace initscan::tidy {

/// Emits \p F with its notes; fix-its go on the warning so that -fix applies
/// them (they are only produced where they are safe).
inline void report(clang::tidy::ClangTidyCheck &Check, const Finding &F) {
  {
    auto D = Check.diag(F.Loc, "%0") << F.Message;
    for (const clang::FixItHint &Fix : F.Fixes)
      D << Fix;
  }
  for (const FindingNote &N : F.Notes)
    Check.diag(N.Loc, "%0", clang::DiagnosticIDs::Note) << N.Message;
}

/// Reads a string option. A copy, because OptionsView::get returns a
/// std::string in LLVM 14 and a StringRef since 15: a StringRef kept from it
/// would dangle on 14.
inline std::string
getOption(const clang::tidy::ClangTidyCheck::OptionsView &Options,
          llvm::StringRef Name, llvm::StringRef Default) {
  return std::string(Options.get(Name, Default));
}

/// Reads a boolean option. The host clang-tidy binary does not export
/// OptionsView::get<bool>, so options are read and written as strings.
inline bool getBoolOption(const clang::tidy::ClangTidyCheck::OptionsView &Options,
                          llvm::StringRef Name, bool Default) {
  std::string Value = getOption(Options, Name, Default ? "true" : "false");
  return llvm::StringRef(Value).equals_insensitive("true") || Value == "1";
}

inline llvm::StringRef boolOptionText(bool Value) {
  return Value ? "true" : "false";
}

/// "a;b; c" -> {"a", "b", "c"}: list options, as clang-tidy writes them.
inline std::vector<std::string> splitList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  List.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Result.push_back(Part.trim().str());
  return Result;
}

inline std::string joinList(const std::vector<std::string> &Items) {
  std::string Result;
  for (const std::string &Item : Items)
    Result += (Result.empty() ? "" : ";") + Item;
  return Result;
}

} // namespace initscan::tidy

#endif // INITSCAN_CHECKS_CHECKSUPPORT_H
