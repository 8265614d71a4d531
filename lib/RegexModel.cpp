//===- RegexModel.cpp - What compiling a std::regex pattern does ----------===//
//
// A recursive-descent reader of the ECMAScript grammar that counts what each
// library's regex compiler allocates, instead of parsing to match anything.
//
// libstdc++ (bits/regex_compiler.tcc) builds an NFA in a std::vector of
// states (grown by doubling), one std::function matcher per state, and for
// every bracket expression or class escape a 256-entry cache: each entry not
// decided by the bracket's characters, ranges or classes goes through
// regex_traits::transform_primary (a std::vector and collate::transform, two
// allocations). {n,m} copies the quantified states once per repetition
// through a std::map and a std::stack.
//
// libc++ (<regex>) links one heap node per atom, three per quantifier loop
// and per alternation, and stores a bracket's characters and ranges in
// vectors; it builds no cache.
//
//===----------------------------------------------------------------------===//

#include "RegexModel.h"
#include "initscan/Compat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace initscan {
namespace {

/// Allocations a std::vector makes while growing to \p N elements by
/// push_back (capacities 1, 2, 4, ...).
uint64_t vectorGrowth(uint64_t N) {
  uint64_t Allocations = 0;
  for (uint64_t Capacity = 1; N > 0; Capacity *= 2) {
    ++Allocations;
    if (Capacity >= N)
      break;
  }
  return Allocations;
}

/// A piece of the automaton: states it inserted in all, states reachable
/// from its start (what a copy for {n,m} duplicates), and the brackets among
/// those with their non-empty vectors (each copied with the matcher).
struct Piece {
  uint64_t Total = 0;
  uint64_t Reachable = 0;
  uint64_t Brackets = 0;
  uint64_t BracketVectors = 0;

  static Piece states(uint64_t N) { return {N, N, 0, 0}; }
  void append(const Piece &P) {
    Total += P.Total;
    Reachable += P.Reachable;
    Brackets += P.Brackets;
    BracketVectors += P.BracketVectors;
  }
};

/// Character classes of the "C" locale, the global locale while static
/// initializers run.
enum class CharClass { Digit, Space, Word, Alpha, Alnum, Upper, Lower, Punct,
                       XDigit, Cntrl, Print, Graph, Blank };

bool inClass(int C, CharClass K) {
  bool Digit = C >= '0' && C <= '9';
  bool Upper = C >= 'A' && C <= 'Z', Lower = C >= 'a' && C <= 'z';
  bool Alpha = Upper || Lower;
  bool Graph = C >= 33 && C <= 126;
  switch (K) {
  case CharClass::Digit: return Digit;
  case CharClass::Space: return C == ' ' || (C >= '\t' && C <= '\r');
  case CharClass::Word: return Alpha || Digit || C == '_';
  case CharClass::Alpha: return Alpha;
  case CharClass::Alnum: return Alpha || Digit;
  case CharClass::Upper: return Upper;
  case CharClass::Lower: return Lower;
  case CharClass::Punct: return Graph && !Alpha && !Digit;
  case CharClass::XDigit:
    return Digit || (C >= 'a' && C <= 'f') || (C >= 'A' && C <= 'F');
  case CharClass::Cntrl: return (C >= 0 && C < 32) || C == 127;
  case CharClass::Print: return C >= 32 && C <= 126;
  case CharClass::Graph: return Graph;
  case CharClass::Blank: return C == ' ' || C == '\t';
  }
  return false;
}

std::optional<CharClass> namedClass(llvm::StringRef Name) {
  static constexpr std::pair<llvm::StringLiteral, CharClass> Names[] = {
      {"digit", CharClass::Digit}, {"d", CharClass::Digit},
      {"space", CharClass::Space}, {"s", CharClass::Space},
      {"w", CharClass::Word},      {"alpha", CharClass::Alpha},
      {"alnum", CharClass::Alnum}, {"upper", CharClass::Upper},
      {"lower", CharClass::Lower}, {"punct", CharClass::Punct},
      {"xdigit", CharClass::XDigit}, {"cntrl", CharClass::Cntrl},
      {"print", CharClass::Print}, {"graph", CharClass::Graph},
      {"blank", CharClass::Blank}};
  for (const auto &[Key, Class] : Names)
    if (Key == Name)
      return Class;
  return std::nullopt;
}

int toLower(int C) { return C >= 'A' && C <= 'Z' ? C - 'A' + 'a' : C; }
int toUpper(int C) { return C >= 'a' && C <= 'z' ? C - 'a' + 'A' : C; }

/// The character an identity or control escape (\n, \., \\) stands for.
int escapedChar(char E) {
  switch (E) {
  case 'n': return '\n';
  case 't': return '\t';
  case 'r': return '\r';
  case 'f': return '\f';
  case 'v': return '\v';
  case '0': return 0;
  default: return static_cast<signed char>(E);
  }
}

class Reader {
public:
  Reader(llvm::StringRef Pattern, StdLibKind Lib, const RegexFlags &Flags)
      : Text(Pattern), LibCxx(Lib == StdLibKind::LibCxx), Flags(Flags) {}

  RegexShape read() {
    RegexShape Shape;
    Piece Whole = disjunction();
    if (Failed || Pos != Text.size())
      return Shape;
    Shape.Understood = true;
    Shape.Brackets = Brackets;
    Shape.CacheTransforms = CacheTransforms;
    Shape.States = LibCxx ? Whole.Total : Whole.Total + 3;
    Shape.Allocations = Allocations;
    if (!LibCxx)
      Shape.Allocations +=
          vectorGrowth(Shape.States) + vectorGrowth(MaxGroupDepth);
    return Shape;
  }

private:
  bool atEnd() const { return Pos >= Text.size(); }
  char peek(size_t Ahead = 0) const {
    return Pos + Ahead < Text.size() ? Text[Pos + Ahead] : '\0';
  }
  bool consume(llvm::StringRef S) {
    if (!compat::startsWith(Text.substr(Pos), S))
      return false;
    Pos += S.size();
    return true;
  }

  Piece disjunction() {
    Piece P = alternative();
    while (!Failed && consume("|")) {
      P.append(alternative());
      // libstdc++: an alternation state and a dummy end; libc++: three nodes.
      P.append(Piece::states(LibCxx ? 3 : 2));
    }
    return P;
  }

  Piece alternative() {
    Piece P;
    while (!Failed && !atEnd() && peek() != '|' && peek() != ')')
      P.append(term());
    // libstdc++ ends every alternative with a dummy state.
    if (!LibCxx)
      P.append(Piece::states(1));
    return P;
  }

  Piece term() {
    if (consume("^") || consume("$") || consume("\\b") || consume("\\B"))
      return Piece::states(1);
    Piece Atom = atom();
    if (Failed)
      return Atom;
    return quantified(Atom);
  }

  Piece atom() {
    char C = peek();
    if (C == '(') {
      ++Pos;
      bool Capture = !consume("?:");
      if (peek() == '?') { // lookahead: not modelled
        Failed = true;
        return {};
      }
      Capture &= !Flags.NoSubs;
      if (Capture)
        MaxGroupDepth = std::max(MaxGroupDepth, ++GroupDepth);
      Piece Inner = disjunction();
      if (!consume(")")) {
        Failed = true;
        return {};
      }
      if (Capture) {
        --GroupDepth;
        Inner.append(Piece::states(2));
      } else if (!LibCxx) {
        Inner.append(Piece::states(1)); // libstdc++ starts it with a dummy
      }
      return Inner;
    }
    if (C == '[') {
      ++Pos;
      return bracket();
    }
    if (C == '\\') {
      char E = peek(1);
      Pos += 2;
      if (E == '\0') {
        Failed = true;
        return {};
      }
      if (std::optional<CharClass> K = namedClass(llvm::StringRef(&E, 1)))
        return classEscape(*K, E == 'w');
      if (E == 'D' || E == 'S' || E == 'W')
        return classEscape(*namedClass(llvm::StringRef(E == 'D' ? "d"
                                                       : E == 'S' ? "s"
                                                                  : "w")),
                           E == 'W');
      if (E == 'x' || E == 'u' || E == 'c') { // \xhh, \uhhhh, \cX: one char
        Pos += E == 'x' ? 2 : E == 'u' ? 4 : 1;
        if (Pos > Text.size())
          Failed = true;
      }
      return Piece::states(1);
    }
    if (C == '*' || C == '+' || C == '?' || C == '{' || C == ')' ||
        C == ']' || C == '}') {
      Failed = true; // a quantifier with nothing to repeat
      return {};
    }
    ++Pos; // '.', or a literal character
    return Piece::states(1);
  }

  /// \d, \w, \s (and their negations) outside brackets: a bracket matcher
  /// holding the class. libc++ also adds '_' for \w.
  Piece classEscape(CharClass K, bool Word) {
    Bracket B;
    B.Classes.push_back(K);
    if (LibCxx && Word)
      B.CharPushes = 1;
    return finishBracket(B);
  }

  struct Bracket {
    llvm::SmallVector<int, 16> Chars;
    llvm::SmallVector<std::pair<int, int>, 4> Ranges;
    llvm::SmallVector<CharClass, 2> Classes;
    uint64_t CharPushes = 0, NegatedClasses = 0;
  };

  /// One bracket item: a character (returned), or a class added to \p B.
  std::optional<int> bracketItem(Bracket &B) {
    if (consume("[:")) {
      size_t End = Text.find(":]", Pos);
      std::optional<CharClass> K =
          End == llvm::StringRef::npos
              ? std::nullopt
              : namedClass(Text.slice(Pos, End));
      if (!K) {
        Failed = true;
        return std::nullopt;
      }
      B.Classes.push_back(*K);
      Pos = End + 2;
      return std::nullopt;
    }
    if (peek() == '[' && (peek(1) == '=' || peek(1) == '.')) {
      Failed = true; // equivalence classes, collating elements
      return std::nullopt;
    }
    if (peek() == '\\') {
      char E = peek(1);
      Pos += 2;
      if (E == 'd' || E == 's' || E == 'w') {
        B.Classes.push_back(*namedClass(llvm::StringRef(&E, 1)));
        if (LibCxx && E == 'w')
          ++B.CharPushes;
        return std::nullopt;
      }
      if (E == 'D' || E == 'S' || E == 'W') {
        ++B.NegatedClasses;
        return std::nullopt;
      }
      if (E == 'b')
        return '\b';
      if (E == '\0' || E == 'x' || E == 'u' || E == 'c') {
        Failed = true;
        return std::nullopt;
      }
      return escapedChar(E);
    }
    return static_cast<signed char>(Text[Pos++]);
  }

  Piece bracket() {
    Bracket B;
    consume("^"); // negation is applied after the cache lookup: same cost
    while (!Failed) {
      if (atEnd()) {
        Failed = true;
        break;
      }
      if (consume("]"))
        break;
      std::optional<int> Low = bracketItem(B);
      if (Failed || !Low)
        continue;
      if (peek() == '-' && peek(1) != ']' && peek(1) != '\0') {
        ++Pos;
        std::optional<int> High = bracketItem(B);
        if (!High || *High < *Low) {
          Failed = true;
          break;
        }
        B.Ranges.push_back({*Low, *High});
        continue;
      }
      B.Chars.push_back(Flags.ICase ? toLower(*Low) : *Low);
      ++B.CharPushes;
    }
    return finishBracket(B);
  }

  Piece finishBracket(const Bracket &B) {
    ++Brackets;
    uint64_t Vectors = (B.CharPushes > 0) + !B.Ranges.empty() +
                       (!LibCxx && B.NegatedClasses > 0);
    Allocations += vectorGrowth(B.CharPushes) + vectorGrowth(B.Ranges.size());
    if (!LibCxx) {
      Allocations += vectorGrowth(B.NegatedClasses);
      // The cache: every char, as the library's signed char, decided early
      // by the characters, ranges or classes, or else transformed.
      for (int I = 0; I < 256; ++I) {
        int C = static_cast<signed char>(I);
        int Key = Flags.ICase ? toLower(C) : C;
        bool Decided = llvm::is_contained(B.Chars, Key);
        for (auto [Low, High] : B.Ranges)
          Decided |= (C >= Low && C <= High) ||
                     (Flags.ICase && ((toLower(C) >= Low && toLower(C) <= High) ||
                                      (toUpper(C) >= Low && toUpper(C) <= High)));
        for (CharClass K : B.Classes)
          Decided |= inClass(C, K);
        if (!Decided)
          ++CacheTransforms;
      }
    }
    return {1, 1, 1, Vectors};
  }

  Piece quantified(Piece Atom) {
    uint64_t Min = 0, Extra = 0;
    bool Unbounded = false;
    if (consume("*") || consume("+")) {
      Atom.append(Piece::states(LibCxx ? 3 : 1));
    } else if (consume("?")) {
      Atom.append(Piece::states(LibCxx ? 3 : 2));
    } else if (peek() == '{') {
      if (!interval(Min, Extra, Unbounded))
        return Atom;
      if (LibCxx) {
        Atom.append(Piece::states(3));
      } else {
        Atom = repeat(Atom, Min, Extra, Unbounded);
      }
    } else {
      return Atom;
    }
    consume("?"); // non-greedy: the same states
    return Atom;
  }

  bool interval(uint64_t &Min, uint64_t &Extra, bool &Unbounded) {
    size_t Close = Text.find('}', Pos);
    if (Close == llvm::StringRef::npos) {
      Failed = true;
      return false;
    }
    auto [MinText, MaxText] = Text.slice(Pos + 1, Close).split(',');
    bool HasComma = Text.slice(Pos + 1, Close).contains(',');
    uint64_t Max = 0;
    if (MinText.getAsInteger(10, Min) || Min > 1000 ||
        (HasComma && !MaxText.empty() &&
         (MaxText.getAsInteger(10, Max) || Max < Min || Max > 1000))) {
      Failed = true;
      return false;
    }
    Unbounded = HasComma && MaxText.empty();
    Extra = HasComma && !Unbounded ? Max - Min : 0;
    Pos = Close + 1;
    return true;
  }

  /// libstdc++'s {n,m}: a dummy start, n copies, then either a copy looping
  /// on a repeat state or m-n optional copies and a dummy end (with a
  /// std::stack to fix their branches).
  Piece repeat(const Piece &Atom, uint64_t Min, uint64_t Extra,
               bool Unbounded) {
    auto Copy = [&](Piece &Into) {
      // Each copy: its states, a std::map node per state and a std::stack
      // (deque: two blocks); every bracket matcher and its vectors copied.
      Allocations += Atom.Reachable + 2 + Atom.Brackets + Atom.BracketVectors;
      Into.append({Atom.Reachable, Atom.Reachable, Atom.Brackets,
                   Atom.BracketVectors});
    };
    Piece Result = Piece::states(1);
    for (uint64_t I = 0; I < Min; ++I)
      Copy(Result);
    if (Unbounded) {
      Copy(Result);
      Result.append(Piece::states(1));
    } else {
      for (uint64_t I = 0; I < Extra; ++I) {
        Copy(Result);
        Result.append(Piece::states(1));
      }
      Result.append(Piece::states(1));
      Allocations += 2;
    }
    // The original states stay in the NFA, unreachable.
    Result.Total += Atom.Total;
    return Result;
  }

  llvm::StringRef Text;
  size_t Pos = 0;
  bool LibCxx;
  RegexFlags Flags;
  bool Failed = false;
  uint64_t GroupDepth = 0, MaxGroupDepth = 0;
  uint64_t Brackets = 0, CacheTransforms = 0, Allocations = 0;
};

} // namespace

RegexShape shapeOfRegex(llvm::StringRef Pattern, StdLibKind Lib,
                        const RegexFlags &Flags) {
  if (Flags.Supported)
    if (RegexShape Shape = Reader(Pattern, Lib, Flags).read(); Shape.Understood)
      return Shape;
  // Syntax the model does not follow: a pattern of the same length made of
  // literal characters and one bracket expression, the common case.
  std::string Typical = "[a-z0-9_]+";
  Typical.append(Pattern.size() > Typical.size() ? Pattern.size() - Typical.size() : 0, 'a');
  RegexShape Shape = Reader(Typical, Lib, RegexFlags()).read();
  Shape.Understood = false;
  return Shape;
}

} // namespace initscan
