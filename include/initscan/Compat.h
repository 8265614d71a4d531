//===- Compat.h - The one place for LLVM-version differences ----*- C++ -*-===//
//
// initscan builds against several LLVM majors. Every API that differs between
// them is wrapped here, so no other file tests LLVM_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_COMPAT_H
#define INITSCAN_COMPAT_H

#include "llvm/Config/llvm-config.h"
#include "llvm/ADT/StringRef.h"

namespace initscan::compat {

inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
#if LLVM_VERSION_MAJOR >= 16
  return S.starts_with(Prefix);
#else
  return S.startswith(Prefix);
#endif
}

inline bool endsWith(llvm::StringRef S, llvm::StringRef Suffix) {
#if LLVM_VERSION_MAJOR >= 16
  return S.ends_with(Suffix);
#else
  return S.endswith(Suffix);
#endif
}

} // namespace initscan::compat

#endif // INITSCAN_COMPAT_H
