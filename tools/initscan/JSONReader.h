//===- JSONReader.h - JSON parser that never deep-copies values -*- C++ -*-===//
//
// llvm::json::parse appends each array element to a std::vector<json::Value>;
// json::Value's move constructor is not noexcept, so every reallocation
// deep-copies the elements parsed so far (and their subtrees, once per
// enclosing array). On the cache's summaries that copying was most of the
// parse, and the parse most of a warm run. readJSON builds the same
// json::Value (same acceptance, same numbers, same strings) but collects
// elements in an llvm::SmallVector, which moves, and reserves each array once.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_JSONREADER_H
#define INITSCAN_TOOLS_JSONREADER_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace initscan::cli {

/// Parses \p Text as one JSON document, like llvm::json::parse; an error for
/// invalid JSON, invalid UTF-8, or nesting deeper than 512 levels.
llvm::Expected<llvm::json::Value> readJSON(llvm::StringRef Text);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_JSONREADER_H
