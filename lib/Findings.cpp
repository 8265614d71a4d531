//===- Findings.cpp - What each initscan check reports ---------------------===//

#include "initscan/Findings.h"
#include "CostModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace initscan {

/// "std::regex compile (~250k instructions, 1160 allocations); ...", over
/// the parts that say something about this initializer (not the frame every
/// initializer has); empty when there are fewer than two.
static std::string describeContributors(const InitCost &Cost, size_t Max) {
  std::vector<const CostContributor *> Parts;
  for (const CostContributor &C : Cost.Contributors)
    if (!isFixedOverhead(C) && Parts.size() < Max)
      Parts.push_back(&C);
  if (Parts.size() < 2)
    return {};
  std::string S;
  llvm::raw_string_ostream OS(S);
  size_t Shown = 0;
  for (const CostContributor *Part : Parts) {
    const CostContributor &C = *Part;
    OS << (Shown++ ? "; " : "") << C.What;
    if (!C.Via.empty())
      OS << " via " << C.Via;
    OS << " (~" << formatCount(C.Instructions) << " instructions";
    if (C.Allocations)
      OS << ", " << C.Allocations << " alloc";
    OS << ")";
  }
  return OS.str();
}

std::vector<Finding>
findExpensiveStaticInits(llvm::ArrayRef<StaticInitializer> Inits,
                         const ExpensiveStaticInitOptions &Opts) {
  std::vector<Finding> Result;
  for (const StaticInitializer &SI : Inits) {
    if (!SI.runsBeforeMain() || SI.Cost.Instructions < Opts.MinCost)
      continue;
    bool DestructorOnly = !SI.DynamicInit && SI.RegistersDestructor;
    if (DestructorOnly && !Opts.ReportDestructorOnly)
      continue;
    Finding F;
    F.Check = ExpensiveStaticInitCheck;
    F.Init = &SI;
    F.Loc = SI.location();
    // Notes sit where the user wrote the declaration: at a macro's use they
    // would otherwise repeat the whole expansion chain each time.
    SourceLocation NoteLoc =
        SI.Decl->getASTContext().getSourceManager().getExpansionLoc(F.Loc);
    std::string Name = "'" + SI.Name + "'";
    if (SI.Storage == StorageKind::ConstructorFunction)
      F.Message = "constructor function " + Name + " runs before main: ";
    else if (DestructorOnly)
      F.Message = Name + " registers a destructor at exit: ";
    else
      F.Message = Name + " is initialized before main: ";
    F.Message += SI.Cost.summary();

    std::string Parts = describeContributors(SI.Cost, 3);
    if (!Parts.empty())
      F.Notes.push_back({NoteLoc, "largest costs: " + Parts});
    if (SI.Cost.hasUnknowns()) {
      std::string Unseen;
      for (const std::string &Callee : SI.Cost.UnknownCallees)
        Unseen += (Unseen.empty() ? "'" : ", '") + Callee + "'";
      F.Notes.push_back({NoteLoc, "the estimate excludes calls whose bodies are "
                                "not visible in this translation unit: " +
                                    Unseen});
    }
    const Rewrite &R = SI.Suggestion;
    if (R.K != Rewrite::None) {
      std::string Note = R.Advice;
      if (!R.Text.empty())
        Note += ": " + R.Text;
      F.Notes.push_back({NoteLoc, Note});
      if (R.hasFix() && !SI.InMacro)
        F.Fixes.push_back(FixItHint::CreateReplacement(R.FixRange, R.FixText));
    }
    Result.push_back(std::move(F));
  }
  return Result;
}

std::vector<Finding> runChecks(ASTContext &Ctx,
                               llvm::ArrayRef<StaticInitializer> Inits,
                               llvm::ArrayRef<std::string> Enabled,
                               const CheckOptions &Opts) {
  std::vector<Finding> Result;
  auto Run = [&](llvm::StringRef Check, auto &&Find) {
    if (!llvm::is_contained(Enabled, Check.str()))
      return;
    std::vector<Finding> Found = Find();
    std::move(Found.begin(), Found.end(), std::back_inserter(Result));
  };
  Run(ExpensiveStaticInitCheck,
      [&] { return findExpensiveStaticInits(Inits, Opts.ExpensiveStaticInit); });
  Run(TypeErasedCallableMapCheck, [&] {
    return findTypeErasedCallableMaps(Ctx, Inits, Opts.TypeErasedCallableMap);
  });
  Run(HeapEscapingCaptureCheck, [&] {
    return findHeapEscapingCaptures(Ctx, Inits, Opts.HeapEscapingCapture);
  });
  Run(EagerSingletonCheck,
      [&] { return findEagerSingletons(Ctx, Inits, Opts.EagerSingleton); });
  return Result;
}

} // namespace initscan
