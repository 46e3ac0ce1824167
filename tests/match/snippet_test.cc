#include "src/match/snippet.h"

#include <unicode/utf8.h>

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace vigil {
namespace {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    if (c < 0) return false;
  }
  return true;
}

TEST(MakeSnippetTest, ShortTextIsWholeWithWhitespaceCollapsed) {
  std::string text = "  Kim\n\n Jong\tUn   visited ";
  EXPECT_EQ(MakeSnippet(text, 2, 5), "Kim Jong Un visited");
}

TEST(MakeSnippetTest, CutsLongTextAtWordsWithEllipses) {
  std::string left(100, 'a');
  for (size_t i = 0; i < left.size(); i += 10) left[i] = ' ';
  std::string text = left + "Putin" + left;
  size_t start = left.size();
  std::string snippet = MakeSnippet(text, start, start + 5, 40);
  EXPECT_EQ(snippet.substr(0, 3), "…");
  EXPECT_EQ(snippet.substr(snippet.size() - 3), "…");
  EXPECT_NE(snippet.find("Putin"), std::string::npos);
  // Cut at a space, so every word shown is whole (nine 'a's).
  EXPECT_EQ(snippet.substr(3, 10), "aaaaaaaaa ");
  EXPECT_LE(snippet.size(), 5 + 2 * 40 + 6);
}

TEST(MakeSnippetTest, NoSpaceAfterTheOpeningEllipsis) {
  // The left cut lands on a run of spaces, which the snippet drops.
  std::string text = std::string(40, 'a') + std::string(20, ' ') + std::string(40, 'b') + "Putin";
  std::string snippet = MakeSnippet(text, 100, 105, 70);
  EXPECT_EQ(snippet, "…" + std::string(40, 'b') + "Putin");
}

TEST(MakeSnippetTest, NeverSplitsCharacters) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "Ж";  // no whitespace to cut at
  size_t start = text.size();
  text += "Путин";
  size_t end = text.size();
  for (int i = 0; i < 60; ++i) text += "ж";
  for (size_t context : {7u, 40u, 79u, 80u, 81u}) {
    std::string snippet = MakeSnippet(text, start, end, context);
    EXPECT_TRUE(IsValidUtf8(snippet)) << context;
    EXPECT_NE(snippet.find("Путин"), std::string::npos) << context;
  }
}

TEST(MakeSnippetTest, ReplacesInvalidBytes) {
  std::string text = "bad \xFF\xC3 Kim";
  std::string snippet = MakeSnippet(text, 7, 10);
  EXPECT_TRUE(IsValidUtf8(snippet));
  EXPECT_EQ(snippet, "bad \xEF\xBF\xBD\xEF\xBF\xBD Kim");
}

// The cleaning rule, one character at a time: what MakeSnippet() gives for
// a text short enough to show whole.
std::string CleanOneByOne(std::string_view text) {
  std::string out;
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c < 0) c = 0xFFFD;
    if (c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xA0 || c == 0x2028 ||
        c == 0x2029) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    char buf[U8_MAX_LENGTH];
    size_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, len);
  }
  return out;
}

TEST(MakeSnippetTest, CleansAsOneCharacterAtATimeWould) {
  // Random texts of spaces, controls, letters, multi-byte characters,
  // Unicode spaces and invalid bytes (which grow to three bytes each), with
  // runs of plain text that MakeSnippet() copies sixteen bytes at a time.
  const std::vector<std::string> pieces = {
      " ",  "  ", "\t", "\n", "\x7F", "\x01", "a", "Kim", "Jong-un's", "Ж", "é", "\xC2\xA0",
      "\xE2\x80\xA8", "\xC2\x85", "\xFF", "\xC3", "\xE2\x80", "\xF0\x9F\x98\x80", "…",
      "President Vladimir Putin said", "the sanctions on Rosneft,"};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    size_t n = rng() % 60;
    for (size_t k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    std::string snippet = MakeSnippet(text, 0, 0, text.size() + 1);
    ASSERT_EQ(snippet, CleanOneByOne(text)) << round;
    ASSERT_TRUE(IsValidUtf8(snippet)) << round;
  }
}

}  // namespace
}  // namespace vigil
