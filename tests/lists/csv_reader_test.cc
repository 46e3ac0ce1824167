#include "src/lists/csv_reader.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> ReadAll(std::string_view text) {
  CsvReader reader(text);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.Next(record)) records.push_back(record);
  return records;
}

TEST(CsvReaderTest, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  std::vector<CsvRecord> records =
      ReadAll("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x,\r\nlast,row,here");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ(records[1].fields, (Fields{"two\r\nlines", "x", ""}));
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].fields, (Fields{"last", "row", "here"}));
  EXPECT_EQ(records[2].line, 4);  // the embedded newline counts
  for (const CsvRecord& record : records) EXPECT_TRUE(record.error.empty()) << record.error;
}

TEST(CsvReaderTest, SkipsBomBlankLinesAndTrailingDosEof) {
  std::vector<CsvRecord> records = ReadAll("\xEF\xBB\xBFid,name\n\n1,a\r\n\r\n2,b\r\n\x1A");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"id", "name"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "a"}));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[2].fields, (Fields{"2", "b"}));
  EXPECT_EQ(records[2].line, 5);
}

TEST(CsvReaderTest, EofByteWithoutFinalNewlineIsDropped) {
  std::vector<CsvRecord> records = ReadAll("1,a\x1A");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"1", "a"}));
}

TEST(CsvReaderTest, KeepsQuoteInsideUnquotedFieldLiterally) {
  std::vector<CsvRecord> records = ReadAll("O\"Neil,x\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].error.empty());
  EXPECT_EQ(records[0].fields, (Fields{"O\"Neil", "x"}));
}

TEST(CsvReaderTest, ReportsTextAfterClosingQuoteAndResumesOnNextLine) {
  std::vector<CsvRecord> records = ReadAll("ok,1\n\"bad\"x,2\nnext,3\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].error, "unexpected character after a closing quote");
  EXPECT_EQ(records[1].error_line, 2);
  EXPECT_EQ(records[1].error_column, 6);
  EXPECT_TRUE(records[2].error.empty());
  EXPECT_EQ(records[2].fields, (Fields{"next", "3"}));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReaderTest, ReportsUnterminatedQuoteAtItsOpeningPositionAndResumesAfterIt) {
  std::vector<CsvRecord> records = ReadAll("a,b\nc,\"never\nclosed,d\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].error, "unterminated quoted field");
  EXPECT_EQ(records[1].error_line, 2);
  EXPECT_EQ(records[1].error_column, 3);
  // Only the row with the stray quote is lost.
  EXPECT_TRUE(records[2].error.empty()) << records[2].error;
  EXPECT_EQ(records[2].fields, (Fields{"closed", "d"}));
  EXPECT_EQ(records[2].line, 3);
}

// A stray quote reads on to the next quote in the file, which usually opens a
// field further down and so is followed by text. That fails at the opening
// line, and reading restarts on the line after it.
TEST(CsvReaderTest, StrayQuoteClosedByALaterFieldLosesOnlyItsRow) {
  std::vector<CsvRecord> records =
      ReadAll("h,i\nbad,\"Broken,\nok,1\r\nok,2\nq,\"x, y\"\nlast,3\n");
  ASSERT_EQ(records.size(), 6u);
  EXPECT_EQ(records[1].error, "unterminated quoted field (the next quote, on line 5, is followed by text)");
  EXPECT_EQ(records[1].error_line, 2);
  EXPECT_EQ(records[1].error_column, 5);
  EXPECT_EQ(records[2].fields, (Fields{"ok", "1"}));
  EXPECT_EQ(records[2].line, 3);
  EXPECT_EQ(records[3].fields, (Fields{"ok", "2"}));
  EXPECT_EQ(records[4].fields, (Fields{"q", "x, y"}));
  EXPECT_EQ(records[4].line, 5);
  EXPECT_EQ(records[5].fields, (Fields{"last", "3"}));
  EXPECT_EQ(records[5].line, 6);
  for (size_t i = 2; i < records.size(); ++i) EXPECT_TRUE(records[i].error.empty()) << i;
}

TEST(CsvReaderTest, LoneCarriageReturnEndsARecord) {
  std::vector<CsvRecord> records = ReadAll("a,b\rc,d");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(records[1].line, 2);
}

TEST(CsvReaderTest, OtherSeparator) {
  CsvReader reader("a\tb,c\t\"d\te\"\n", '\t');
  CsvRecord record;
  ASSERT_TRUE(reader.Next(record));
  EXPECT_EQ(record.fields, (Fields{"a", "b,c", "d\te"}));
  EXPECT_FALSE(reader.Next(record));
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) {
  EXPECT_TRUE(ReadAll("").empty());
  EXPECT_TRUE(ReadAll("\xEF\xBB\xBF\r\n\n\x1A").empty());
}

TEST(CsvReaderTest, InvalidUtf8BecomesReplacementCharacter) {
  std::vector<CsvRecord> records = ReadAll("J\xFCrgen,\"M\xC3\xBCller\xC3\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"J\xEF\xBF\xBDrgen", "M\xC3\xBCller\xEF\xBF\xBD"}));
}

struct Utf8Case {
  std::string in;
  std::string out;
};

TEST(SanitizeUtf8Test, ReplacesEachInvalidByte) {
  const std::string r = "\xEF\xBF\xBD";
  const Utf8Case cases[] = {
      {"plain ascii", "plain ascii"},
      {"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD", "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD"},
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},        // 4-byte emoji kept
      {"a\x80z", "a" + r + "z"},                       // stray continuation byte
      {"\xC0\xAF", r + r},                             // overlong '/'
      {"\xE0\x80\xAF", r + r + r},                     // overlong 3-byte
      {"\xED\xA0\x80", r + r + r},                     // UTF-16 surrogate
      {"\xF4\x90\x80\x80", r + r + r + r},             // above U+10FFFF
      {"\xE2\x82", r + r},                             // truncated at the end
      {"\xFF", r},
  };
  for (const Utf8Case& test : cases) {
    EXPECT_EQ(SanitizeUtf8(test.in), test.out) << test.in;
  }
}

}  // namespace
}  // namespace vigil
