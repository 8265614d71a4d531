//===- Diff.cpp - Start-up cost of a change against a base report ---------===//

#include "Diff.h"
#include "initscan/Compat.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>

namespace initscan::cli {

CostSnapshot snapshotOf(const ProgramReport &Program) {
  CostSnapshot S;
  for (const ProgramEntry &E : Program.Ranked) {
    CostSnapshot::Global G;
    G.Symbol = E.Global->Symbol;
    G.File = E.Global->Where.File;
    G.Line = E.Global->Where.Line;
    G.Instances = E.Instances;
    G.Instructions = E.Total.Instructions;
    G.Allocations = E.Total.Allocations;
    G.TimeNs = E.Total.estimatedNanoseconds();
    S.Globals.push_back(std::move(G));
  }
  S.Initializers = Program.Initializers;
  S.Instructions = Program.Total.Instructions;
  S.Allocations = Program.Total.Allocations;
  S.TimeNs = Program.Total.estimatedNanoseconds();
  return S;
}

/// Reads instructions, allocations and time_ns of a cost object.
static bool readCost(const llvm::json::Object *Cost, uint64_t &Instructions,
                     uint64_t &Allocations, uint64_t &TimeNs) {
  if (!Cost)
    return false;
  auto I = Cost->getInteger("instructions");
  auto A = Cost->getInteger("allocations");
  auto T = Cost->getInteger("time_ns");
  if (!I || !A || *I < 0 || *A < 0)
    return false;
  Instructions = *I;
  Allocations = *A;
  TimeNs = T && *T > 0 ? *T : 0;
  return true;
}

bool readSnapshot(llvm::StringRef JSONText, CostSnapshot &Base,
                  std::string &Error) {
  auto Value = llvm::json::parse(JSONText);
  if (!Value) {
    Error = llvm::toString(Value.takeError());
    return false;
  }
  const llvm::json::Object *Root = Value->getAsObject();
  const llvm::json::Object *Program = Root ? Root->getObject("program") : nullptr;
  const llvm::json::Array *Ranked = Program ? Program->getArray("ranked") : nullptr;
  if (!Root || Root->getString("tool") != std::optional<llvm::StringRef>("initscan") ||
      !Ranked ||
      !readCost(Program->getObject("total"), Base.Instructions,
                Base.Allocations, Base.TimeNs)) {
    Error = "expected an initscan --format=json report";
    return false;
  }
  Base.Initializers =
      compat::toStd(Program->getInteger("initializers")).value_or(0);
  for (const llvm::json::Value &Item : *Ranked) {
    const llvm::json::Object *O = Item.getAsObject();
    auto Symbol = O ? compat::toStd(O->getString("symbol")) : std::nullopt;
    auto File = O ? compat::toStd(O->getString("file")) : std::nullopt;
    CostSnapshot::Global G;
    if (!Symbol || !File ||
        !readCost(O->getObject("total"), G.Instructions, G.Allocations,
                  G.TimeNs)) {
      Error = "a program.ranked entry lacks symbol, file or total";
      return false;
    }
    G.Symbol = Symbol->str();
    G.File = File->str();
    G.Line = compat::toStd(O->getInteger("line")).value_or(0);
    G.Instances = compat::toStd(O->getInteger("instances")).value_or(1);
    Base.Globals.push_back(std::move(G));
  }
  return true;
}

namespace {

using Key = std::pair<std::string, std::string>; // symbol, file

/// The globals of a snapshot by symbol + file; two definitions with the same
/// key (rare: the same name in two anonymous namespaces of one file) count
/// as one, their costs summed.
std::map<Key, CostSnapshot::Global> byKey(const CostSnapshot &S) {
  std::map<Key, CostSnapshot::Global> Map;
  for (const CostSnapshot::Global &G : S.Globals) {
    auto [It, New] = Map.emplace(Key{G.Symbol, G.File}, G);
    if (New)
      continue;
    It->second.Instances += G.Instances;
    It->second.Instructions += G.Instructions;
    It->second.Allocations += G.Allocations;
    It->second.TimeNs += G.TimeNs;
  }
  return Map;
}

int64_t delta(uint64_t Before, uint64_t After) {
  return static_cast<int64_t>(After) - static_cast<int64_t>(Before);
}

std::string signedCount(int64_t D) {
  if (D == 0)
    return "0";
  return (D > 0 ? "+" : "-") + formatCount(D > 0 ? D : -D);
}

std::string duration(uint64_t Ns) {
  if (Ns < 1000)
    return llvm::formatv("{0} ns", Ns).str();
  if (Ns < 1000000)
    return llvm::formatv("{0:f1} \u00b5s", Ns / 1e3).str();
  if (Ns < 1000000000)
    return llvm::formatv("{0:f2} ms", Ns / 1e6).str();
  return llvm::formatv("{0:f2} s", Ns / 1e9).str();
}

std::string signedDuration(int64_t D) {
  if (D == 0)
    return "0";
  return (D > 0 ? "+" : "-") + duration(D > 0 ? D : -D);
}

std::string plural(uint64_t N, llvm::StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

std::string costCell(const CostSnapshot::Global *G) {
  if (!G)
    return "\u2014";
  std::string Cell = "~" + formatCount(G->Instructions) + " instr";
  if (G->Allocations)
    Cell += ", " + plural(G->Allocations, "alloc");
  if (G->Instances > 1)
    Cell += " (\u00d7" + std::to_string(G->Instances) + ")";
  return Cell;
}

/// Text inside a Markdown table cell's code span: a '|' would end the cell.
std::string code(llvm::StringRef Text) {
  std::string Out = "`";
  for (char C : Text) {
    if (C == '|')
      Out += '\\';
    Out += C == '`' ? '\'' : C;
  }
  return Out + "`";
}

std::string displayPath(llvm::StringRef File, llvm::StringRef RelativeTo) {
  llvm::StringRef Shown = File;
  if (!RelativeTo.empty() && Shown.consume_front(RelativeTo) &&
      llvm::sys::path::is_separator(Shown.empty() ? '\0' : Shown.front()))
    return Shown.drop_front().str();
  return File.str();
}

struct Row {
  llvm::StringRef Change;
  const CostSnapshot::Global *Before = nullptr, *After = nullptr;
  int64_t Instructions = 0, Allocations = 0;
};

} // namespace

void writeMarkdownDiff(llvm::raw_ostream &OS, const CostSnapshot &Base,
                       const CostSnapshot &Current, llvm::StringRef RelativeTo) {
  std::map<Key, CostSnapshot::Global> Before = byKey(Base), After = byKey(Current);
  std::vector<Row> Rows;
  unsigned Added = 0, Removed = 0, Changed = 0;
  for (const auto &[K, G] : After) {
    auto It = Before.find(K);
    if (It == Before.end()) {
      Rows.push_back({"added", nullptr, &G, delta(0, G.Instructions),
                      delta(0, G.Allocations)});
      ++Added;
    } else if (It->second.Instructions != G.Instructions ||
               It->second.Allocations != G.Allocations) {
      Rows.push_back({"changed", &It->second, &G,
                      delta(It->second.Instructions, G.Instructions),
                      delta(It->second.Allocations, G.Allocations)});
      ++Changed;
    }
  }
  for (const auto &[K, G] : Before)
    if (!After.count(K)) {
      Rows.push_back({"removed", &G, nullptr, delta(G.Instructions, 0),
                      delta(G.Allocations, 0)});
      ++Removed;
    }
  std::stable_sort(Rows.begin(), Rows.end(), [](const Row &A, const Row &B) {
    return std::abs(A.Instructions) > std::abs(B.Instructions);
  });

  OS << "### initscan: start-up cost of this change\n\n"
     << "| | base | this change | difference |\n"
     << "|:--|--:|--:|--:|\n"
     << "| instructions before `main` | ~" << formatCount(Base.Instructions)
     << " | ~" << formatCount(Current.Instructions) << " | **"
     << signedCount(delta(Base.Instructions, Current.Instructions)) << "** |\n"
     << "| allocations | " << Base.Allocations << " | " << Current.Allocations
     << " | " << signedCount(delta(Base.Allocations, Current.Allocations))
     << " |\n"
     << "| estimated time | " << duration(Base.TimeNs) << " | "
     << duration(Current.TimeNs) << " | "
     << signedDuration(delta(Base.TimeNs, Current.TimeNs)) << " |\n"
     << "| initializers | " << Base.Initializers << " | "
     << Current.Initializers << " | "
     << signedCount(delta(Base.Initializers, Current.Initializers)) << " |\n\n";
  if (Rows.empty()) {
    OS << "No initializer was added or removed, and none changed its cost.\n";
    return;
  }
  OS << Added << " added, " << Removed << " removed, " << Changed
     << " with a changed cost:\n\n"
     << "| | global | where | base | this change | instructions | "
        "allocations |\n"
     << "|:--|:--|:--|--:|--:|--:|--:|\n";
  for (const Row &R : Rows) {
    const CostSnapshot::Global &G = R.After ? *R.After : *R.Before;
    OS << "| " << R.Change << " | " << code(G.Symbol) << " | "
       << code(displayPath(G.File, RelativeTo) + ":" + std::to_string(G.Line))
       << " | " << costCell(R.Before) << " | " << costCell(R.After) << " | "
       << signedCount(R.Instructions) << " | " << signedCount(R.Allocations)
       << " |\n";
  }
}

} // namespace initscan::cli
