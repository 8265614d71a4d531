//===- InitscanModule.cpp - The initscan clang-tidy module -----------------===//

#include "EagerSingletonCheck.h"
#include "ExpensiveStaticInitCheck.h"
#include "HeapEscapingCaptureCheck.h"
#include "InitOrderCheck.h"
#include "TypeErasedCallableMapCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace initscan::tidy {

class InitscanModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<ExpensiveStaticInitCheck>("initscan-expensive-static-init");
    Factories.registerCheck<TypeErasedCallableMapCheck>("initscan-type-erased-callable-map");
    Factories.registerCheck<HeapEscapingCaptureCheck>("initscan-heap-escaping-capture");
    Factories.registerCheck<EagerSingletonCheck>("initscan-eager-singleton");
    Factories.registerCheck<InitOrderCheck>("initscan-init-order");
  }
};

} // namespace initscan::tidy

// clang-tidy discovers modules only through this registry entry, which must be
// a namespace-scope object constructed when the module is loaded: its cost is
// one list insertion at dlopen time.
// NOLINTBEGIN(initscan-expensive-static-init)
static clang::tidy::ClangTidyModuleRegistry::Add<initscan::tidy::InitscanModule>
    InitscanModuleRegistration("initscan-module",
                               "Checks for code that runs before main.");
// NOLINTEND(initscan-expensive-static-init)
