//===- JSONTransport.cpp - LSP base protocol over a byte stream -----------===//

#include "JSONTransport.h"
#include "llvm/ADT/StringExtras.h"
#include <cstring>
#include <optional>

namespace initscan::lsp {

namespace {
/// Larger bodies are refused: a corrupt length must not make us allocate (or
/// wait for) gigabytes.
constexpr size_t MaxBodyBytes = 256u << 20;
/// Header lines longer than this are garbage; the rest of the line is dropped.
constexpr size_t MaxHeaderLine = 4096;
} // namespace

bool JSONTransport::readLine(std::string &Line) {
  Line.clear();
  for (;;) {
    int C = std::fgetc(In);
    if (C == EOF)
      return !Line.empty();
    if (C == '\n')
      break;
    if (Line.size() < MaxHeaderLine)
      Line.push_back(static_cast<char>(C));
  }
  if (!Line.empty() && Line.back() == '\r')
    Line.pop_back();
  return true;
}

ReadResult JSONTransport::read(std::string &Body, std::string &Error) {
  Error.clear();
  size_t Length = 0;
  bool HasLength = false;
  bool SawHeader = false;
  std::string Line;
  for (;;) {
    if (!readLine(Line))
      return ReadResult::EndOfInput;
    if (Line.empty()) {
      if (!SawHeader)
        continue; // Blank lines between messages.
      break;
    }
    SawHeader = true;
    // Found anywhere in the line, so bytes glued before a header are skipped.
    size_t At = llvm::StringRef(Line).lower().find("content-length:");
    if (At == std::string::npos)
      continue; // Content-Type and other headers, or garbage: ignored.
    llvm::StringRef Value =
        llvm::StringRef(Line).substr(At + strlen("content-length:")).trim();
    size_t Parsed;
    if (Value.getAsInteger(10, Parsed) || Parsed > MaxBodyBytes) {
      Error = "invalid Content-Length '" + Value.str() + "'";
      HasLength = false;
      continue;
    }
    Length = Parsed;
    HasLength = true;
  }
  if (!HasLength) {
    if (Error.empty())
      Error = "message header without Content-Length";
    return ReadResult::BadHeader;
  }
  Body.resize(Length);
  size_t Got = Length ? std::fread(Body.data(), 1, Length, In) : 0;
  if (Got != Length)
    return ReadResult::EndOfInput;
  return ReadResult::Message;
}

void JSONTransport::send(const llvm::json::Value &Message) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << Message;
  OS.flush();
  std::lock_guard<std::mutex> Guard(OutLock);
  Out << "Content-Length: " << Text.size() << "\r\n\r\n" << Text;
  Out.flush();
}

} // namespace initscan::lsp
