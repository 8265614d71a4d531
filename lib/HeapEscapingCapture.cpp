//===- HeapEscapingCapture.cpp - initscan-heap-escaping-capture ===//
//
// TODO(issue 4): not implemented yet; reports nothing.
//
//===----------------------------------------------------------------------===//

#include "initscan/Findings.h"

namespace initscan {

std::vector<Finding> findHeapEscapingCaptures(clang::ASTContext &, llvm::ArrayRef<StaticInitializer>,
                                 const HeapEscapingCaptureOptions &) {
  return {};
}

} // namespace initscan
