//===- TypeErasedCallableMap.cpp - initscan-type-erased-callable-map ===//
//
// TODO(issue 4): not implemented yet; reports nothing.
//
//===----------------------------------------------------------------------===//

#include "initscan/Findings.h"

namespace initscan {

std::vector<Finding> findTypeErasedCallableMaps(clang::ASTContext &, llvm::ArrayRef<StaticInitializer>,
                                 const TypeErasedCallableMapOptions &) {
  return {};
}

} // namespace initscan
