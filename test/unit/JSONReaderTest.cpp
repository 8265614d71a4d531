//===- JSONReaderTest.cpp - readJSON agrees with llvm::json::parse --------===//
//
// The cache reads its entries with readJSON (tools/initscan/JSONReader.h)
// instead of llvm::json::parse, for speed; a cached summary must read back
// exactly as llvm::json::parse would read it, and bad input must be rejected
// by both.

#include "JSONReader.h"
#include "llvm/Support/FormatVariadic.h"
#include "gtest/gtest.h"
#include <string>
#include <utility>

namespace json = llvm::json;
using initscan::cli::readJSON;

namespace {

/// The value as text: exact for integers (int64 and uint64) and doubles.
std::string printed(const json::Value &V) {
  return llvm::formatv("{0}", V).str();
}

void expectSameAsLLVM(llvm::StringRef Text) {
  SCOPED_TRACE(Text.str());
  llvm::Expected<json::Value> Expected = json::parse(Text);
  llvm::Expected<json::Value> Ours = readJSON(Text);
  ASSERT_TRUE(bool(Expected)) << llvm::toString(Expected.takeError());
  ASSERT_TRUE(bool(Ours)) << llvm::toString(Ours.takeError());
  EXPECT_EQ(*Expected, *Ours);
  EXPECT_EQ(printed(*Expected), printed(*Ours));
}

void expectRejectedByBoth(llvm::StringRef Text) {
  SCOPED_TRACE(Text.str());
  llvm::Expected<json::Value> Expected = json::parse(Text);
  llvm::Expected<json::Value> Ours = readJSON(Text);
  EXPECT_FALSE(bool(Expected));
  EXPECT_FALSE(bool(Ours));
  if (!Expected)
    llvm::consumeError(Expected.takeError());
  if (!Ours)
    llvm::consumeError(Ours.takeError());
}

TEST(JSONReaderTest, ScalarsAsLLVM) {
  for (const char *Text :
       {"null", "true", "false", " \t\r\n 0 \n", "-0", "42", "-42",
        "9223372036854775807", "-9223372036854775808",
        "1.5", "-2.5e-3", "1E10", "1e400", "0.1", "\"\"", "\"plain\""})
    expectSameAsLLVM(Text);
}

TEST(JSONReaderTest, IntegersBeyondInt64KeepTheirValue) {
  // Compared with the values themselves, not with llvm::json::parse: LLVM 14's
  // parser saturates integers outside int64 to INT64_MAX/INT64_MIN (15 reads
  // them as below).
  const std::pair<const char *, json::Value> Cases[] = {
      {"9223372036854775808", uint64_t(9223372036854775808ULL)},
      {"18446744073709551615", uint64_t(18446744073709551615ULL)},
      {"18446744073709551616", 18446744073709551616.0},
      {"-9223372036854775809", -9223372036854775809.0},
  };
  for (const auto &[Text, Value] : Cases) {
    SCOPED_TRACE(Text);
    llvm::Expected<json::Value> Ours = readJSON(Text);
    ASSERT_TRUE(bool(Ours)) << llvm::toString(Ours.takeError());
    EXPECT_EQ(Value, *Ours);
    EXPECT_EQ(printed(Value), printed(*Ours));
  }
}

TEST(JSONReaderTest, StringEscapesAsLLVM) {
  for (const char *Text :
       {R"("a\"b\\c\/d\be\ff\ng\rh\ti")", R"("\u0000\u001f\u0041\u00e9")",
        R"("\u20AC\uffff")", R"("\ud83d\ude00")", // A surrogate pair.
        R"("\ud83d")", R"("\ude00x")",            // Unpaired: U+FFFD.
        R"("\ud83d\u0041")", R"("\ud83d\ud83d\ude00")",
        "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\""})
    expectSameAsLLVM(Text);
}

TEST(JSONReaderTest, ContainersAsLLVM) {
  for (const char *Text :
       {"[]", "[ ]", "{}", "{ }", "[1,[2,[3,[]]],{}]",
        R"({"a": 1, "b": [true, null, {"c": "d"}], "e": {}})",
        R"({"k": 1, "k": 2})", // The last of a repeated key wins.
        R"( [ { "x" : [ 1 , 2 ] } , { } ] )"})
    expectSameAsLLVM(Text);
}

TEST(JSONReaderTest, LargeNestedArraysAsLLVM) {
  // Arrays that grow many times, of objects holding arrays: the shape of a
  // summary's findings, where llvm::json::parse copies and readJSON moves.
  std::string Text = "{\"findings\": [";
  for (int I = 0; I < 2000; ++I) {
    if (I)
      Text += ",";
    Text += llvm::formatv(R"({{"line": {0}, "notes": [{{"n": [{0}, "x{0}"]}], )"
                          R"("cost": {1}, "name": "v{0}"})",
                          I, I * 0.25)
                .str();
  }
  Text += "]}";
  expectSameAsLLVM(Text);
}

TEST(JSONReaderTest, RejectsWhatLLVMRejects) {
  for (const char *Text :
       {"", " ", "[", "]", "{", "[1,]", "[1 2]", "{\"a\"}", "{\"a\":}",
        "{\"a\":1,}", "{a:1}", "\"unterminated", "\"bad\\q\"",
        "\"bad \\u12\"", "\"raw\ncontrol\"", "nul", "tru", "falsey", "1 2",
        "[1]x", "01x", "--1", "+", ".", "\"\xff\"", "\"\xc3\""})
    expectRejectedByBoth(Text);
}

TEST(JSONReaderTest, DeepNestingIsAnErrorNotACrash) {
  std::string Deep(100000, '[');
  Deep += std::string(100000, ']');
  llvm::Expected<json::Value> Result = readJSON(Deep);
  ASSERT_FALSE(bool(Result));
  EXPECT_NE(llvm::toString(Result.takeError()).find("Nesting too deep"),
            std::string::npos);
}

} // namespace
