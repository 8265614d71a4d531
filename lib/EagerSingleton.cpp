//===- EagerSingleton.cpp - initscan-eager-singleton ===//
//
// TODO(issue 4): not implemented yet; reports nothing.
//
//===----------------------------------------------------------------------===//

#include "initscan/Findings.h"

namespace initscan {

std::vector<Finding> findEagerSingletons(clang::ASTContext &, llvm::ArrayRef<StaticInitializer>,
                                 const EagerSingletonOptions &) {
  return {};
}

} // namespace initscan
