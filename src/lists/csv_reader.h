// An RFC 4180 CSV reader over bytes in memory, shared by every CSV list
// format. Quoted fields may hold separators, doubled quotes and newlines;
// records end with CRLF, LF or CR; a leading UTF-8 BOM and trailing DOS EOF
// bytes (0x1A) are ignored; blank lines are skipped. A quote inside an
// unquoted field is kept as a literal character (real lists have them).
// Field values are valid UTF-8: invalid bytes become U+FFFD.
// A quoted field that runs past its line and then fails (no closing quote
// before the end, or text after the closing quote: a stray quote has met a
// field rows further down) is blamed on its opening quote, and reading
// restarts on the line after it, so a stray quote costs only its own row.
#ifndef VIGIL_SRC_LISTS_CSV_READER_H_
#define VIGIL_SRC_LISTS_CSV_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// One record. When `error` is set the record is malformed: `fields` holds
// what was read, `error_line`/`error_column` (1-based, byte columns) point
// at the problem, and the reader has moved on to the next line.
struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;  // 1-based line where the record starts
  std::string error;
  int error_line = 0;
  int error_column = 0;
};

// Reads `text` (not owned; must outlive the reader). Not thread-safe.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text, char separator = ',');

  // Fills `record` with the next record; false at the end of the text.
  bool Next(CsvRecord& record);

 private:
  void Fail(CsvRecord& record, std::string message, size_t at);
  void SkipLine();
  int Column(size_t at) const { return static_cast<int>(at - line_start_) + 1; }

  std::string_view text_;
  char separator_;
  size_t pos_ = 0;
  size_t line_start_ = 0;  // offset of the current line's first byte
  int line_ = 1;
};

// `bytes` with every invalid UTF-8 sequence (bad lead or continuation byte,
// overlong form, surrogate, > U+10FFFF, truncated) replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view bytes);
// Appends SanitizeUtf8(bytes) to `out`.
void AppendSanitizedUtf8(std::string& out, std::string_view bytes);

}  // namespace vigil

#endif  // VIGIL_SRC_LISTS_CSV_READER_H_
