// Readers for the evaluation sets: CSV (RFC 4180), the news-sentence TSV and
// the location of the shared data folder.
#ifndef VIGIL_TESTS_EVAL_EVAL_DATA_H_
#define VIGIL_TESTS_EVAL_EVAL_DATA_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigil::eval {

// A CSV file as rows of fields: quoted fields may hold commas, doubled quotes
// and line breaks; CRLF or LF line ends; a trailing 0x1A (DOS EOF) is ignored.
using CsvRows = std::vector<std::vector<std::string>>;
CsvRows ReadCsv(const std::filesystem::path& file);

// A CSV file with a header row, as maps from column name to value. Rows
// starting with '#' (comment lines in some sets) and blank rows are skipped.
std::vector<std::map<std::string, std::string>> ReadCsvWithHeader(
    const std::filesystem::path& file);

// The file's lines, without line ends, blank lines dropped.
std::vector<std::string> ReadLines(const std::filesystem::path& file);

// `relative` under VIGIL_SHARED_DATA (../shared/data), if that file exists.
std::optional<std::filesystem::path> SharedFile(const std::string& relative);

// One row of tests/testdata/eval/news_sentences.tsv.
struct NewsSentence {
  int line = 0;
  std::string text;                   // "\n" in the file is a line break here
  // The parties the sentence names, each as the OFAC ent_nums that list it:
  // usually one; "23627|9639" in the file when OFAC lists the same person
  // twice (either entry found counts, neither is a false alarm).
  std::vector<std::vector<std::string>> expected;
  std::string note;                   // "category:detail"
};
std::vector<NewsSentence> ReadNewsSentences(const std::filesystem::path& file);

}  // namespace vigil::eval

#endif  // VIGIL_TESTS_EVAL_EVAL_DATA_H_
