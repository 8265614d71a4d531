//===- CostModel.cpp - The cost table and the InitCost value ---------------===//

#include "CostModel.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>

namespace initscan {

const CostEntry &costEntry(CostOp Op) {
  static constexpr CostEntry Table[] = {
#define INITSCAN_COST(Id, Instructions, Allocations, Effects, Label)            \
  {Instructions, Allocations, Effects, Label},
#include "CostModel.def"
  };
  return Table[static_cast<unsigned>(Op)];
}

CostContributor charge(CostOp Op, uint64_t Times, llvm::StringRef What) {
  const CostEntry &E = costEntry(Op);
  CostContributor C;
  C.What = (What.empty() ? E.Label : What).str();
  C.Instructions = E.Instructions * Times;
  C.Allocations = E.Allocations * Times;
  C.Effects = Times ? E.Effects : EffectNone;
  return C;
}

bool isFixedOverhead(const CostContributor &C) {
  return C.What == costEntry(CostOp::InitFunction).Label ||
         C.What == costEntry(CostOp::AtExitRegistration).Label ||
         C.What == costEntry(CostOp::Call).Label ||
         C.What == costEntry(CostOp::Statement).Label;
}

std::optional<CostOp> knownFunctionCost(llvm::StringRef QualifiedName) {
  struct Known {
    llvm::StringLiteral Name;
    CostOp Op;
  };
  // A sorted constant table: no start-up cost of our own.
  static constexpr Known Table[] = {
#define INITSCAN_KNOWN_FUNCTION(Name, Op) {Name, CostOp::Op},
#include "KnownFunctions.def"
  };
  for (const Known &K : Table)
    if (K.Name == QualifiedName)
      return K.Op;
  return std::nullopt;
}

std::vector<llvm::StringRef> effectNames(EffectSet Effects) {
  static constexpr std::pair<Effect, llvm::StringLiteral> Names[] = {
      {EffectFile, "file"},          {EffectNetwork, "network"},
      {EffectEnvironment, "environment"}, {EffectThread, "thread"},
      {EffectLock, "lock"},          {EffectDynamicLoading, "dlopen"},
      {EffectClock, "clock"},        {EffectLocale, "locale"},
      {EffectConsole, "console"},    {EffectMemoryTouch, "memory"},
  };
  std::vector<llvm::StringRef> Result;
  for (const auto &[Bit, Name] : Names)
    if (Effects & Bit)
      Result.push_back(Name);
  return Result;
}

void InitCost::add(const CostContributor &C) {
  Instructions += C.Instructions;
  Allocations += C.Allocations;
  Effects |= C.Effects;
  Contributors.push_back(C);
}

static std::string joinVia(llvm::StringRef Via, llvm::StringRef Inner) {
  if (Via.empty())
    return Inner.str();
  if (Inner.empty())
    return Via.str();
  return (Via + llvm::Twine(" -> ") + Inner).str();
}

void InitCost::mergeUnknowns(const InitCost &Other) {
  UnknownCalls += Other.UnknownCalls;
  for (const std::string &Name : Other.UnknownCallees)
    if (UnknownCallees.size() < 8 && !llvm::is_contained(UnknownCallees, Name))
      UnknownCallees.push_back(Name);
}

void InitCost::add(const InitCost &Other, llvm::StringRef Via) {
  Instructions += Other.Instructions;
  Allocations += Other.Allocations;
  Effects |= Other.Effects;
  mergeUnknowns(Other);
  for (CostContributor C : Other.Contributors) {
    C.Via = joinVia(Via, C.Via);
    Contributors.push_back(std::move(C));
  }
}

void InitCost::addScaled(const InitCost &Other, uint64_t Times) {
  if (Times == 0)
    return;
  Instructions += Other.Instructions * Times;
  Allocations += Other.Allocations * Times;
  Effects |= Other.Effects;
  mergeUnknowns(Other);
  for (CostContributor C : Other.Contributors) {
    C.Instructions *= Times;
    C.Allocations *= Times;
    if (Times > 1)
      C.What = (llvm::Twine(Times) + " x " + C.What).str();
    Contributors.push_back(std::move(C));
  }
}

void InitCost::normalize(size_t Keep) {
  // Merge parts with the same label and path, keeping first-seen order for
  // ties so output is deterministic.
  std::vector<CostContributor> Merged;
  std::map<std::pair<std::string, std::string>, size_t> Index;
  for (CostContributor &C : Contributors) {
    auto [It, Inserted] = Index.try_emplace({C.What, C.Via}, Merged.size());
    if (Inserted) {
      Merged.push_back(std::move(C));
      continue;
    }
    CostContributor &M = Merged[It->second];
    M.Instructions += C.Instructions;
    M.Allocations += C.Allocations;
    M.Effects |= C.Effects;
  }
  std::stable_sort(Merged.begin(), Merged.end(),
                   [](const CostContributor &A, const CostContributor &B) {
                     return A.Instructions > B.Instructions;
                   });
  // Past the largest, keep the parts that touch a resource (a file, the
  // environment...): users act on those whatever their size.
  std::vector<CostContributor> Kept;
  for (CostContributor &C : Merged)
    if (Kept.size() < Keep || (C.Effects != EffectNone && Kept.size() < 2 * Keep))
      Kept.push_back(std::move(C));
  Contributors = std::move(Kept);
}

uint64_t InitCost::estimatedNanoseconds() const {
  return Instructions * 1000 / InstructionsPerMicrosecond;
}

std::string formatCount(uint64_t N) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  auto Scaled = [&](double V, const char *Suffix) {
    if (V < 10)
      OS << llvm::format("%.1f", V) << Suffix;
    else
      OS << llvm::format("%.0f", V) << Suffix;
  };
  if (N < 10000)
    OS << N;
  else if (N < 1000000)
    Scaled(N / 1e3, "k");
  else if (N < 1000000000)
    Scaled(N / 1e6, "M");
  else
    Scaled(N / 1e9, "G");
  return OS.str();
}

bool parseCostThreshold(llvm::StringRef Text, uint64_t &Result) {
  Text = Text.trim();
  double Scale = 1;
  if (!Text.empty()) {
    switch (Text.back()) {
    case 'k': case 'K': Scale = 1e3; break;
    case 'M': case 'm': Scale = 1e6; break;
    case 'G': case 'g': Scale = 1e9; break;
    default: break;
    }
    if (Scale != 1)
      Text = Text.drop_back();
  }
  double Value;
  if (Text.empty() || Text.getAsDouble(Value))
    return false;
  double Scaled = Value * Scale;
  // Converting a double outside [0, 2^64) (or NaN) to uint64_t is undefined:
  // such a threshold is an input error (found by fuzz/ParsersFuzzer).
  if (!(Scaled >= 0 && Scaled < 18446744073709551616.0))
    return false;
  Result = static_cast<uint64_t>(Scaled);
  return true;
}

std::string InitCost::summary() const {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "~" << formatCount(Instructions) << " instructions";
  if (Allocations)
    OS << ", " << Allocations << (Allocations == 1 ? " allocation" : " allocations");
  std::vector<llvm::StringRef> Names = effectNames(Effects);
  if (!Names.empty()) {
    OS << ", ";
    llvm::interleave(Names, OS, "+");
    OS << " I/O";
  }
  if (UnknownCalls)
    OS << ", " << UnknownCalls << " unseen call" << (UnknownCalls == 1 ? "" : "s");
  if (!Contributors.empty()) {
    OS << " (" << Contributors.front().What;
    if (!Contributors.front().Via.empty())
      OS << " via " << Contributors.front().Via;
    OS << ")";
  }
  return OS.str();
}

} // namespace initscan
