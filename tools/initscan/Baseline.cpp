//===- Baseline.cpp - The --baseline report of the initscan CLI -----------===//

#include "Baseline.h"
#include "initscan/Compat.h"
#include "llvm/Support/JSON.h"

namespace initscan::cli {

bool parseBaseline(llvm::StringRef Text, llvm::StringRef Path,
                   std::multiset<BaselineKey> &Keys, std::string &Error) {
  auto Value = llvm::json::parse(Text);
  if (!Value) {
    Error = ("malformed baseline '" + Path +
             "': " + llvm::toString(Value.takeError()))
                .str();
    return false;
  }
  const llvm::json::Object *Root = Value->getAsObject();
  const llvm::json::Array *Findings =
      Root ? Root->getArray("findings") : nullptr;
  if (!Root || !Findings ||
      compat::toStd(Root->getString("tool")) !=
          std::optional<llvm::StringRef>("initscan")) {
    Error = ("malformed baseline '" + Path +
             "': expected an initscan --format=json report")
                .str();
    return false;
  }
  for (const llvm::json::Value &F : *Findings) {
    const llvm::json::Object *O = F.getAsObject();
    auto Check = O ? compat::toStd(O->getString("check")) : std::nullopt;
    auto Symbol = O ? compat::toStd(O->getString("symbol")) : std::nullopt;
    auto File = O ? compat::toStd(O->getString("file")) : std::nullopt;
    if (!Check || !Symbol || !File) {
      Error = ("malformed baseline '" + Path +
               "': a finding lacks check, symbol or file")
                  .str();
      return false;
    }
    Keys.insert({Check->str(), Symbol->str(), File->str()});
  }
  return true;
}

} // namespace initscan::cli
