//===- Summary.cpp - Per-TU summaries on disk ----------------------------===//
//
// The JSON keeps every field exactly (counts, effect bits, contributors, fix-it
// offsets, diagnostic text), so a report built from summaries read back is
// byte-identical to one built from a fresh analysis.
//
//===----------------------------------------------------------------------===//

#include "Summary.h"
#include "initscan/Compat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace json = llvm::json;

namespace initscan {

using cli::jsonInt;

// Written with json::OStream, keys sorted (see Report.cpp): a summary of a
// TU with thousands of globals is several megabytes.

static void writeCost(json::OStream &J, const InitCost &C) {
  J.object([&] {
    J.attribute("allocations", C.Allocations);
    J.attributeArray("contributors", [&] {
      for (const CostContributor &Part : C.Contributors)
        J.object([&] {
          J.attribute("allocations", Part.Allocations);
          J.attribute("effects", static_cast<int64_t>(Part.Effects));
          J.attribute("instructions", Part.Instructions);
          J.attribute("via", llvm::StringRef(Part.Via));
          J.attribute("what", llvm::StringRef(Part.What));
        });
    });
    J.attribute("effects", static_cast<int64_t>(C.Effects));
    J.attribute("instructions", C.Instructions);
    J.attributeArray("unknownCallees", [&] {
      for (const std::string &Name : C.UnknownCallees)
        J.value(llvm::StringRef(Name));
    });
    J.attribute("unknownCalls", jsonInt(C.UnknownCalls));
  });
}

static bool fromJSON(const json::Value &V, CostContributor &C, json::Path P) {
  json::ObjectMapper O(V, P);
  int64_t Effects = 0;
  bool Ok = O && O.map("what", C.What) && O.map("via", C.Via) &&
            O.map("instructions", C.Instructions) &&
            O.map("allocations", C.Allocations) && O.map("effects", Effects);
  C.Effects = static_cast<EffectSet>(Effects);
  return Ok;
}


static bool fromJSON(const json::Value &V, InitCost &C, json::Path P) {
  json::ObjectMapper O(V, P);
  int64_t Effects = 0, UnknownCalls = 0;
  if (!O || !O.map("instructions", C.Instructions) ||
      !O.map("allocations", C.Allocations) || !O.map("effects", Effects) ||
      !O.map("unknownCalls", UnknownCalls) ||
      !O.map("unknownCallees", C.UnknownCallees))
    return false;
  C.Effects = static_cast<EffectSet>(Effects);
  C.UnknownCalls = static_cast<unsigned>(UnknownCalls);
  const json::Array *Parts = V.getAsObject()->getArray("contributors");
  if (!Parts) {
    P.field("contributors").report("expected an array");
    return false;
  }
  for (size_t I = 0; I < Parts->size(); ++I) {
    C.Contributors.emplace_back();
    if (!fromJSON((*Parts)[I], C.Contributors.back(),
                  P.field("contributors").index(I)))
      return false;
  }
  return true;
}

} // namespace initscan

namespace initscan::cli {

/// The enum value whose stable name is \p Name, among the first \p Count.
template <typename Enum, typename NameOf>
static bool enumFromName(llvm::StringRef Name, unsigned Count, NameOf NameFn,
                         Enum &Out) {
  for (unsigned I = 0; I < Count; ++I)
    if (NameFn(static_cast<Enum>(I)) == Name) {
      Out = static_cast<Enum>(I);
      return true;
    }
  return false;
}

static bool readPosition(const json::Value &V, Position &Pos, json::Path P) {
  json::ObjectMapper O(V, P);
  int64_t Line = 0, Column = 0;
  if (!O || !O.map("file", Pos.File) || !O.map("line", Line) ||
      !O.map("column", Column))
    return false;
  Pos.Line = static_cast<unsigned>(Line);
  Pos.Column = static_cast<unsigned>(Column);
  return true;
}

static void writeGlobal(json::OStream &J, const GlobalRecord &G) {
  J.object([&] {
    J.attribute("column", jsonInt(G.Where.Column));
    J.attributeBegin("cost");
    writeCost(J, G.Cost);
    J.attributeEnd();
    J.attribute("destructor", G.Destructor);
    J.attribute("dynamicInit", G.DynamicInit);
    J.attribute("emitsInitFunction", G.EmitsInitFunction);
    J.attribute("file", llvm::StringRef(G.Where.File));
    J.attribute("line", jsonInt(G.Where.Line));
    J.attribute("mangled", llvm::StringRef(G.Mangled));
    J.attribute("oncePerProgram", G.OncePerProgram);
    J.attribute("registrar", G.Registrar);
    J.attribute("registry", llvm::StringRef(G.Registry));
    J.attribute("storage", storageKindName(G.Storage));
    J.attribute("symbol", llvm::StringRef(G.Symbol));
    J.attribute("systemHeader", G.SystemHeader);
    J.attribute("usr", llvm::StringRef(G.USR));
  });
}

static bool readGlobal(const json::Value &V, GlobalRecord &G, json::Path P) {
  json::ObjectMapper O(V, P);
  std::string Storage;
  if (!O || !O.map("symbol", G.Symbol) || !O.map("usr", G.USR) ||
      !O.map("mangled", G.Mangled) || !O.map("storage", Storage) ||
      !O.map("emitsInitFunction", G.EmitsInitFunction) ||
      !O.map("dynamicInit", G.DynamicInit) ||
      !O.map("destructor", G.Destructor) ||
      !O.map("systemHeader", G.SystemHeader) ||
      !O.map("oncePerProgram", G.OncePerProgram) ||
      !O.map("registrar", G.Registrar) || !O.map("registry", G.Registry) ||
      !O.map("cost", G.Cost) || !readPosition(V, G.Where, P))
    return false;
  if (!enumFromName(Storage, 4, storageKindName, G.Storage)) {
    P.field("storage").report("unknown storage kind");
    return false;
  }
  return true;
}

static void writeFinding(json::OStream &J, const FindingRecord &F) {
  J.object([&] {
    J.attribute("advice", llvm::StringRef(F.Advice));
    J.attribute("check", llvm::StringRef(F.Check));
    J.attribute("column", jsonInt(F.Where.Column));
    J.attributeBegin("cost");
    writeCost(J, F.Cost);
    J.attributeEnd();
    J.attribute("diagnostic", llvm::StringRef(F.DiagText));
    J.attribute("dynamic", F.Dynamic);
    J.attribute("file", llvm::StringRef(F.Where.File));
    J.attributeBegin("fixes");
    writeFixes(J, F.Fixes);
    J.attributeEnd();
    J.attribute("line", jsonInt(F.Where.Line));
    J.attribute("message", llvm::StringRef(F.Message));
    J.attributeBegin("notes");
    writeNotes(J, F.Notes);
    J.attributeEnd();
    J.attribute("rewriteKind", rewriteKindName(F.RewriteKind));
    J.attribute("rewriteText", llvm::StringRef(F.RewriteText));
    J.attribute("symbol", llvm::StringRef(F.Symbol));
  });
}

static bool readFinding(const json::Value &V, FindingRecord &F, json::Path P) {
  json::ObjectMapper O(V, P);
  std::string Kind;
  if (!O || !O.map("check", F.Check) || !O.map("symbol", F.Symbol) ||
      !O.map("message", F.Message) || !O.map("dynamic", F.Dynamic) ||
      !O.map("cost", F.Cost) || !O.map("rewriteKind", Kind) ||
      !O.map("advice", F.Advice) || !O.map("rewriteText", F.RewriteText) ||
      !O.map("diagnostic", F.DiagText) || !readPosition(V, F.Where, P))
    return false;
  if (!enumFromName(Kind, Rewrite::Registry + 1, rewriteKindName,
                    F.RewriteKind)) {
    P.field("rewriteKind").report("unknown rewrite kind");
    return false;
  }
  const json::Object &Obj = *V.getAsObject();
  const json::Array *Notes = Obj.getArray("notes");
  const json::Array *Fixes = Obj.getArray("fixes");
  if (!Notes || !Fixes) {
    P.report("expected arrays 'notes' and 'fixes'");
    return false;
  }
  for (size_t I = 0; I < Notes->size(); ++I) {
    json::Path NoteP = P.field("notes").index(I);
    json::ObjectMapper N((*Notes)[I], NoteP);
    Position Where;
    std::string Message;
    if (!N || !N.map("message", Message) ||
        !readPosition((*Notes)[I], Where, NoteP))
      return false;
    F.Notes.emplace_back(std::move(Where), std::move(Message));
  }
  for (size_t I = 0; I < Fixes->size(); ++I) {
    json::ObjectMapper Fix((*Fixes)[I], P.field("fixes").index(I));
    std::string File, Text;
    int64_t Offset = 0, Length = 0;
    if (!Fix || !Fix.map("file", File) || !Fix.map("offset", Offset) ||
        !Fix.map("length", Length) || !Fix.map("replacement", Text))
      return false;
    F.Fixes.emplace_back(File, static_cast<unsigned>(Offset),
                         static_cast<unsigned>(Length), Text);
  }
  return true;
}

void writeSummary(json::OStream &J, const TranslationUnitReport &S) {
  J.object([&] {
    J.attribute("compilerDiagnostics", llvm::StringRef(S.CompilerDiagnostics));
    J.attribute("failed", S.Failed);
    J.attribute("file", llvm::StringRef(S.File));
    J.attributeArray("findings", [&] {
      for (const FindingRecord &F : S.Findings)
        writeFinding(J, F);
    });
    J.attribute("format", SummaryFormatName);
    J.attributeArray("globals", [&] {
      for (const GlobalRecord &G : S.Globals)
        writeGlobal(J, G);
    });
    J.attributeBegin("initOrder");
    if (S.InitOrder)
      writeJSON(J, *S.InitOrder);
    else
      J.value(nullptr);
    J.attributeEnd();
    J.attribute("initOrderEnabled", S.InitOrderEnabled);
    J.attribute("initscanVersion", INITSCAN_VERSION);
    J.attribute("ordinal", jsonInt(S.Ordinal));
    J.attribute("stdlib", stdLibName(S.StdLib));
    J.attribute("version", SummaryFormatVersion);
  });
}

std::string summaryText(const TranslationUnitReport &S, unsigned Indent) {
  std::string Text;
  {
    StringBuilderStream OS(Text);
    json::OStream J(OS, Indent);
    writeSummary(J, S);
  }
  return Text;
}

bool summaryFromJSON(const json::Value &V, TranslationUnitReport &S,
                     std::string &Error) {
  json::Path::Root Root("summary");
  json::Path P(Root);
  json::ObjectMapper O(V, P);
  std::string Format, StdLib;
  int64_t Version = 0, Ordinal = 0;
  if (!O || !O.map("format", Format) || Format != SummaryFormatName) {
    Error = "not an initscan summary";
    return false;
  }
  if (!O.map("version", Version) || Version != SummaryFormatVersion) {
    Error = llvm::formatv("summary format version {0}, expected {1}", Version,
                          SummaryFormatVersion)
                .str();
    return false;
  }
  bool Ok = O.map("file", S.File) && O.map("ordinal", Ordinal) &&
            O.map("stdlib", StdLib) && O.map("failed", S.Failed) &&
            O.map("compilerDiagnostics", S.CompilerDiagnostics) &&
            enumFromName(StdLib, 4, stdLibName, S.StdLib);
  const json::Object &Obj = *V.getAsObject();
  const json::Array *Globals = Obj.getArray("globals");
  const json::Array *Findings = Obj.getArray("findings");
  if (Ok && (!Globals || !Findings)) {
    P.report("expected arrays 'globals' and 'findings'");
    Ok = false;
  }
  if (Ok) {
    S.Globals.reserve(Globals->size());
    S.Findings.reserve(Findings->size());
  }
  for (size_t I = 0; Ok && I < Globals->size(); ++I) {
    S.Globals.emplace_back();
    Ok = readGlobal((*Globals)[I], S.Globals.back(),
                    P.field("globals").index(I));
  }
  for (size_t I = 0; Ok && I < Findings->size(); ++I) {
    S.Findings.emplace_back();
    Ok = readFinding((*Findings)[I], S.Findings.back(),
                     P.field("findings").index(I));
  }
  if (!Ok) {
    llvm::Error E = Root.getError();
    Error = E ? llvm::toString(std::move(E)) : "malformed summary";
    return false;
  }
  S.Ordinal = static_cast<unsigned>(Ordinal);
  if (const json::Value *InitOrder = Obj.get("initOrder");
      InitOrder && *InitOrder != nullptr) {
    S.InitOrder.emplace();
    if (!fromJSON(*InitOrder, *S.InitOrder, Error)) {
      Error = "initOrder: " + Error;
      return false;
    }
  }
  S.InitOrderEnabled =
      compat::toStd(Obj.getBoolean("initOrderEnabled")).value_or(false);
  return true;
}

std::string summaryFileName(const TranslationUnitReport &S) {
  return llvm::formatv("{0:d5}-{1}.json", S.Ordinal,
                       llvm::sys::path::filename(S.File))
      .str();
}

bool readSummaryDirectories(llvm::ArrayRef<std::string> Dirs,
                            std::vector<TranslationUnitReport> &Summaries,
                            std::string &Error) {
  for (const std::string &Dir : Dirs) {
    if (!llvm::sys::fs::is_directory(Dir)) {
      Error = "cannot read summaries from '" + Dir + "': no such directory";
      return false;
    }
    std::vector<std::string> Files;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; !EC && It != End;
         It.increment(EC))
      if (llvm::sys::path::extension(It->path()) == ".json")
        Files.push_back(It->path());
    if (EC) {
      Error = "cannot read summaries from '" + Dir + "': " + EC.message();
      return false;
    }
    llvm::sort(Files);
    for (const std::string &File : Files) {
      auto Buffer = llvm::MemoryBuffer::getFile(File);
      if (!Buffer) {
        Error = "cannot read summary '" + File +
                "': " + Buffer.getError().message();
        return false;
      }
      llvm::Expected<json::Value> Value = json::parse((*Buffer)->getBuffer());
      std::string Why;
      Summaries.emplace_back();
      if (!Value)
        Why = llvm::toString(Value.takeError());
      else
        summaryFromJSON(*Value, Summaries.back(), Why);
      if (!Why.empty()) {
        Error = "malformed summary '" + File + "': " + Why;
        return false;
      }
    }
  }
  // A shard may have had no TUs (more shards than TUs): only no summary at
  // all is an error.
  if (Summaries.empty()) {
    Error = "no summaries (*.json) in '" + llvm::join(Dirs, "', '") + "'";
    return false;
  }
  std::stable_sort(
      Summaries.begin(), Summaries.end(),
      [](const TranslationUnitReport &A, const TranslationUnitReport &B) {
        return A.Ordinal < B.Ordinal;
      });
  for (size_t I = 1; I < Summaries.size(); ++I)
    if (Summaries[I].Ordinal == Summaries[I - 1].Ordinal) {
      Error = "two summaries of translation unit #" +
              std::to_string(Summaries[I].Ordinal) + " ('" +
              Summaries[I - 1].File + "' and '" + Summaries[I].File +
              "'): merge the summaries of one run";
      return false;
    }
  return true;
}

} // namespace initscan::cli
