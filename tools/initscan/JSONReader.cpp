//===- JSONReader.cpp - JSON parser that never deep-copies values ---------===//

#include "JSONReader.h"
#include "initscan/Compat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FormatVariadic.h"
#include <cerrno>
#include <cstdlib>

namespace json = llvm::json;

namespace initscan::cli {
namespace {

constexpr unsigned MaxDepth = 512;

class Reader {
public:
  explicit Reader(llvm::StringRef Text)
      : Start(Text.begin()), P(Text.begin()), End(Text.end()) {}

  llvm::Expected<json::Value> document() {
    json::Value Result = nullptr;
    if (value(Result, 0)) {
      skipSpace();
      if (P == End)
        return Result;
      fail("Text after end of document");
    }
    return llvm::make_error<llvm::StringError>(
        llvm::formatv("{0} at offset {1}", Error, P - Start).str(),
        llvm::inconvertibleErrorCode());
  }

private:
  bool fail(const char *Message) {
    Error = Message;
    return false;
  }
  void skipSpace() {
    while (P != End && (*P == ' ' || *P == '\t' || *P == '\n' || *P == '\r'))
      ++P;
  }
  bool consume(char C) {
    skipSpace();
    if (P == End || *P != C)
      return false;
    ++P;
    return true;
  }
  bool literal(llvm::StringRef Word) {
    if (compat::startsWith(llvm::StringRef(P, End - P), Word)) {
      P += Word.size();
      return true;
    }
    return fail("Invalid JSON value");
  }

  bool value(json::Value &Out, unsigned Depth) {
    if (Depth > MaxDepth)
      return fail("Nesting too deep");
    skipSpace();
    if (P == End)
      return fail("Unexpected EOF");
    switch (*P) {
    case 'n':
      Out = nullptr;
      return literal("null");
    case 't':
      Out = true;
      return literal("true");
    case 'f':
      Out = false;
      return literal("false");
    case '"': {
      std::string S;
      if (!string(S))
        return false;
      Out = std::move(S);
      return true;
    }
    case '[':
      return array(Out, Depth);
    case '{':
      return object(Out, Depth);
    default:
      return number(Out);
    }
  }

  bool array(json::Value &Out, unsigned Depth) {
    ++P; // '['
    // SmallVector grows by moving; the json::Array is then reserved once.
    llvm::SmallVector<json::Value, 0> Elements;
    if (!consume(']')) {
      do {
        Elements.emplace_back(nullptr);
        if (!value(Elements.back(), Depth + 1))
          return false;
      } while (consume(','));
      if (!consume(']'))
        return fail("Expected , or ] after array element");
    }
    json::Array A;
    A.reserve(Elements.size());
    for (json::Value &E : Elements)
      A.push_back(std::move(E));
    Out = std::move(A);
    return true;
  }

  bool object(json::Value &Out, unsigned Depth) {
    ++P;            // '{'
    json::Object O; // A DenseMap: it grows by moving.
    if (!consume('}')) {
      do {
        skipSpace();
        if (P == End || *P != '"')
          return fail("Expected object key");
        std::string Key;
        if (!string(Key))
          return false;
        if (!consume(':'))
          return fail("Expected : after object key");
        // A repeated key: the last value wins, as in llvm::json::parse.
        if (!value(O[json::ObjectKey(std::move(Key))], Depth + 1))
          return false;
      } while (consume(','));
      if (!consume('}'))
        return fail("Expected , or } after object property");
    }
    Out = std::move(O);
    return true;
  }

  /// Like llvm::json::parse: the longest run of number characters, an
  /// int64 if it is one, else a uint64, else a double.
  bool number(json::Value &Out) {
    llvm::SmallString<24> Text;
    while (P != End && llvm::StringRef("0123456789+-.eE").contains(*P))
      Text.push_back(*P++);
    if (Text.empty())
      return fail("Invalid JSON value");
    const char *Begin = Text.c_str(), *Stop = Begin + Text.size();
    char *Parsed;
    errno = 0;
    long long Signed = std::strtoll(Begin, &Parsed, 10);
    if (Parsed == Stop && errno != ERANGE) {
      Out = int64_t(Signed);
      return true;
    }
    if (Text.front() != '-') {
      errno = 0;
      unsigned long long Unsigned = std::strtoull(Begin, &Parsed, 10);
      if (Parsed == Stop && errno != ERANGE) {
        Out = uint64_t(Unsigned);
        return true;
      }
    }
    Out = std::strtod(Begin, &Parsed);
    return Parsed == Stop || fail("Invalid JSON value (number?)");
  }

  bool hex4(uint32_t &Out) {
    if (End - P < 4)
      return fail("Invalid \\u escape sequence");
    Out = 0;
    for (int I = 0; I < 4; ++I, ++P) {
      char C = *P;
      uint32_t Digit;
      if (C >= '0' && C <= '9')
        Digit = C - '0';
      else if (C >= 'a' && C <= 'f')
        Digit = C - 'a' + 10;
      else if (C >= 'A' && C <= 'F')
        Digit = C - 'A' + 10;
      else
        return fail("Invalid \\u escape sequence");
      Out = Out * 16 + Digit;
    }
    return true;
  }

  /// After "\u": one code point, a surrogate pair joined; an unpaired
  /// surrogate becomes U+FFFD.
  bool unicodeEscape(std::string &Out) {
    uint32_t Code;
    if (!hex4(Code))
      return false;
    if (Code >= 0xD800 && Code <= 0xDBFF && End - P >= 6 && P[0] == '\\' &&
        P[1] == 'u') {
      const char *Back = P;
      P += 2;
      uint32_t Low;
      if (!hex4(Low))
        return false;
      if (Low >= 0xDC00 && Low <= 0xDFFF)
        Code = 0x10000 + ((Code - 0xD800) << 10) + (Low - 0xDC00);
      else
        P = Back; // Not a pair: the second escape stands alone.
    }
    if (Code >= 0xD800 && Code <= 0xDFFF)
      Code = 0xFFFD;
    char Buffer[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
    char *Cursor = Buffer;
    llvm::ConvertCodePointToUTF8(Code, Cursor);
    Out.append(Buffer, Cursor);
    return true;
  }

  bool string(std::string &Out) {
    ++P; // '"'
    for (;;) {
      const char *Run = P;
      while (P != End && *P != '"' && *P != '\\' &&
             static_cast<unsigned char>(*P) >= 0x20)
        ++P;
      Out.append(Run, P);
      if (P == End)
        return fail("Unterminated string");
      char C = *P++;
      if (C == '"')
        return true;
      if (C != '\\')
        return fail("Control character in string");
      if (P == End)
        return fail("Unterminated string");
      switch (char E = *P++) {
      case '"':
      case '\\':
      case '/':
        Out.push_back(E);
        break;
      case 'b':
        Out.push_back('\b');
        break;
      case 'f':
        Out.push_back('\f');
        break;
      case 'n':
        Out.push_back('\n');
        break;
      case 'r':
        Out.push_back('\r');
        break;
      case 't':
        Out.push_back('\t');
        break;
      case 'u':
        if (!unicodeEscape(Out))
          return false;
        break;
      default:
        return fail("Invalid escape sequence");
      }
    }
  }

  const char *Start, *P, *End;
  const char *Error = "";
};

} // namespace

llvm::Expected<json::Value> readJSON(llvm::StringRef Text) {
  size_t BadOffset;
  if (!json::isUTF8(Text, &BadOffset))
    return llvm::make_error<llvm::StringError>(
        llvm::formatv("Invalid UTF-8 at offset {0}", BadOffset).str(),
        llvm::inconvertibleErrorCode());
  return Reader(Text).document();
}

} // namespace initscan::cli
