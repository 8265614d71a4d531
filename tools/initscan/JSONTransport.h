//===- JSONTransport.h - LSP base protocol over a byte stream ---*- C++ -*-===//
//
// The framing of the Language Server Protocol: "Content-Length: N" headers, a
// blank line, then N bytes of JSON. Reading is lenient (stray bytes and
// unknown headers are skipped, a block without Content-Length is reported and
// dropped) so a confused client can never make the server hang or crash.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_JSONTRANSPORT_H
#define INITSCAN_TOOLS_JSONTRANSPORT_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <mutex>
#include <string>

namespace initscan::lsp {

enum class ReadResult {
  Message,   ///< Body holds one message's bytes.
  BadHeader, ///< A header block that cannot frame a message; Error says why.
  EndOfInput,
};

class JSONTransport {
public:
  JSONTransport(std::FILE *In, llvm::raw_ostream &Out) : In(In), Out(Out) {}

  /// Reads the next framed message (only ever from one thread).
  ReadResult read(std::string &Body, std::string &Error);

  /// Frames and writes one message; safe to call from any thread.
  void send(const llvm::json::Value &Message);

private:
  /// One header line without its line break; false at end of input.
  bool readLine(std::string &Line);

  std::FILE *In;
  llvm::raw_ostream &Out;
  std::mutex OutLock;
};

} // namespace initscan::lsp

#endif // INITSCAN_TOOLS_JSONTRANSPORT_H
