//===- Compat.h - The one place for LLVM-version differences ----*- C++ -*-===//
//
// initscan builds against several LLVM majors. Every API that differs between
// them is wrapped here, so no other file tests LLVM_VERSION_MAJOR.
//
// One difference needs no wrapper: LLVM 22 added a `bool TraverseQualifier`
// parameter to RecursiveASTVisitor's Traverse<Type>Type/Traverse<Type>TypeLoc.
// Visitors that override those declare a trailing parameter pack
// (`template <typename... Rest> bool TraverseDecltypeTypeLoc(DecltypeTypeLoc
// TL, Rest... R)`) and forward it, which compiles against every major.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_COMPAT_H
#define INITSCAN_COMPAT_H

#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 16
#include "llvm/ADT/Optional.h"
#include "llvm/Support/Host.h"
#else
#include "llvm/Support/Threading.h"
#endif
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <utility>

namespace initscan::compat {

/// Sema up to clang 16 marks a constant used when it instantiates a default
/// template argument that reads it (libstdc++'s `bool = is_const<T>::value`
/// marks `integral_constant<bool, B>::value`), though nothing odr-uses it and
/// CodeGen emits no object; from clang 17 the mark is exact. Checking every
/// such constant against the TU's odr-uses costs a walk of the whole TU, so
/// only the majors that need it pay for it.
inline constexpr bool SemaMarksUnusedConstantsUsed = LLVM_VERSION_MAJOR <= 16;

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

/// The optional type LLVM APIs take and return: llvm::Optional up to LLVM 15,
/// std::optional since 16 (llvm::Optional has no conversion to std::optional).
#if LLVM_VERSION_MAJOR >= 16
template <typename T> using LLVMOptional = std::optional<T>;
#else
template <typename T> using LLVMOptional = llvm::Optional<T>;
#endif

/// A std::optional from what an LLVM API returned (a no-op since LLVM 16).
template <typename T> std::optional<T> toStd(std::optional<T> Value) {
  return Value;
}
#if LLVM_VERSION_MAJOR < 16
template <typename T> std::optional<T> toStd(const llvm::Optional<T> &Value) {
  if (Value)
    return *Value;
  return std::nullopt;
}
#endif

/// Physical CPU cores, or <= 0 when unknown. llvm::get_physical_cores since
/// 16, llvm::sys::getHostNumPhysicalCores before.
inline int physicalCores() {
#if LLVM_VERSION_MAJOR >= 16
  return llvm::get_physical_cores();
#else
  return llvm::sys::getHostNumPhysicalCores();
#endif
}

/// An unnamed bit-field (`int : 3;`). Renamed from isUnnamedBitfield in 19.
inline bool isUnnamedBitField(const clang::FieldDecl *FD) {
#if LLVM_VERSION_MAJOR >= 19
  return FD->isUnnamedBitField();
#else
  return FD->isUnnamedBitfield();
#endif
}

/// A plain "..." literal (no u8/u/U/L prefix). Called isAscii before 15.
inline bool isOrdinary(const clang::StringLiteral *SL) {
#if LLVM_VERSION_MAJOR >= 15
  return SL->isOrdinary();
#else
  return SL->isAscii();
#endif
}

/// Prints the qualifier of a reference as written (`ns::Type::`), if any.
/// LLVM 22 made NestedNameSpecifier a value type instead of a pointer.
inline void printQualifier(const clang::DeclRefExpr *E, llvm::raw_ostream &OS,
                           const clang::PrintingPolicy &Policy) {
#if LLVM_VERSION_MAJOR >= 22
  if (clang::NestedNameSpecifier Qualifier = E->getQualifier())
    Qualifier.print(OS, Policy);
#else
  if (const clang::NestedNameSpecifier *Qualifier = E->getQualifier())
    Qualifier->print(OS, Policy);
#endif
}

/// A fast 64-bit content hash: XXH3 since LLVM 17, XXH64 before.
inline uint64_t hash64(llvm::StringRef Data) {
#if LLVM_VERSION_MAJOR >= 17
  return llvm::xxh3_64bits(Data);
#else
  return llvm::xxHash64(Data);
#endif
}

/// A 128-bit hash as {high, low} halves: XXH3 since LLVM 19, MD5 before.
inline std::pair<uint64_t, uint64_t> hash128(llvm::StringRef Data) {
#if LLVM_VERSION_MAJOR >= 19
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(
      llvm::ArrayRef<uint8_t>(Data.bytes_begin(), Data.size()));
  return {H.high64, H.low64};
#else
  llvm::MD5 Hasher;
  Hasher.update(Data);
  llvm::MD5::MD5Result Result;
  Hasher.final(Result);
  return {Result.high(), Result.low()};
#endif
}

/// Options shared by a diagnostic printer and its engine. Up to LLVM 20 both
/// take a ref-counted pointer; since 21 they take a reference to options that
/// must outlive them, which the caller's shared_ptr guarantees.
#if LLVM_VERSION_MAJOR >= 21
using DiagnosticOptionsPtr = std::shared_ptr<clang::DiagnosticOptions>;
inline DiagnosticOptionsPtr makeDiagnosticOptions() {
  return std::make_shared<clang::DiagnosticOptions>();
}
#else
using DiagnosticOptionsPtr = llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions>;
inline DiagnosticOptionsPtr makeDiagnosticOptions() {
  return new clang::DiagnosticOptions();
}
#endif

inline std::unique_ptr<clang::TextDiagnosticPrinter>
makeTextDiagnosticPrinter(llvm::raw_ostream &OS,
                          const DiagnosticOptionsPtr &Opts) {
#if LLVM_VERSION_MAJOR >= 21
  return std::make_unique<clang::TextDiagnosticPrinter>(OS, *Opts);
#else
  return std::make_unique<clang::TextDiagnosticPrinter>(OS, Opts.get());
#endif
}

inline std::unique_ptr<clang::DiagnosticsEngine>
makeDiagnosticsEngine(const DiagnosticOptionsPtr &Opts,
                      clang::DiagnosticConsumer *Client, bool ShouldOwnClient) {
  llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> IDs(new clang::DiagnosticIDs());
#if LLVM_VERSION_MAJOR >= 21
  return std::make_unique<clang::DiagnosticsEngine>(IDs, *Opts, Client,
                                                    ShouldOwnClient);
#else
  return std::make_unique<clang::DiagnosticsEngine>(IDs, Opts, Client,
                                                    ShouldOwnClient);
#endif
}

} // namespace initscan::compat

#endif // INITSCAN_COMPAT_H
