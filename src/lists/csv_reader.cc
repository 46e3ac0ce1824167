#include "csv_reader.h"

#include <cstring>
#include <string>

namespace vigil {

CsvReader::CsvReader(std::string_view text, char separator)
    : text_(text), separator_(separator) {
  if (text_.starts_with("\xEF\xBB\xBF")) {
    text_.remove_prefix(3);
  }
  // OFAC's files end with a DOS end-of-file byte after the last CRLF.
  while (!text_.empty() && text_.back() == '\x1A') text_.remove_suffix(1);
}

void CsvReader::Fail(CsvRecord& record, std::string message, size_t at) {
  if (!record.error.empty()) return;  // the first problem is the one to fix
  record.error = std::move(message);
  record.error_line = line_;
  record.error_column = Column(at);
}

// Moves past the end of the current line (for resynchronising after an error).
void CsvReader::SkipLine() {
  while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
  if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
  if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  ++line_;
  line_start_ = pos_;
}

bool CsvReader::Next(CsvRecord& record) {
  record.fields.clear();
  record.error.clear();
  record.error_line = record.error_column = 0;
  // Blank lines separate nothing; skip them.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }
  if (pos_ >= text_.size()) return false;
  record.line = line_;
  std::string raw;  // the current field's bytes before UTF-8 repair
  while (true) {
    raw.clear();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      size_t open = pos_++;
      int open_line = line_;
      size_t open_line_start = line_start_;
      bool closed = false;
      while (pos_ < text_.size()) {
        const char* start = text_.data() + pos_;
        const void* quote = std::memchr(start, '"', text_.size() - pos_);
        size_t end = quote ? static_cast<const char*>(quote) - text_.data() : text_.size();
        // Count the newlines inside the quotes so later positions stay right.
        for (size_t k = pos_; k < end; ++k) {
          if (text_[k] == '\n' ||
              (text_[k] == '\r' && (k + 1 >= end || text_[k + 1] != '\n'))) {
            ++line_;
            line_start_ = k + 1;
          }
        }
        raw.append(text_.substr(pos_, end - pos_));
        pos_ = end;
        if (!quote) break;
        ++pos_;  // past the quote
        if (pos_ < text_.size() && text_[pos_] == '"') {
          raw.push_back('"');
          ++pos_;
          continue;
        }
        closed = true;
        break;
      }
      bool junk_after = closed && pos_ < text_.size() && text_[pos_] != separator_ &&
                        text_[pos_] != '\n' && text_[pos_] != '\r';
      if (!closed || (junk_after && line_ != open_line)) {
        // A stray quote reads on to the next quote anywhere in the file, which
        // usually opens a field rows further down and so is followed by text.
        // Blame the opening quote and restart on the line after it, so that
        // only its own row is lost (a legitimate multi-line field closes
        // cleanly and never gets here).
        record.error = closed ? "unterminated quoted field (the next quote, on line " +
                                    std::to_string(line_) + ", is followed by text)"
                              : "unterminated quoted field";
        record.error_line = open_line;
        record.error_column = static_cast<int>(open - open_line_start) + 1;
        AppendSanitizedUtf8(record.fields.emplace_back(), raw);
        pos_ = open;
        line_ = open_line;
        SkipLine();
        return true;
      }
      if (junk_after) {
        Fail(record, "unexpected character after a closing quote", pos_);
        AppendSanitizedUtf8(record.fields.emplace_back(), raw);
        SkipLine();
        return true;
      }
    } else {
      size_t start = pos_;
      while (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n' &&
             text_[pos_] != '\r') {
        ++pos_;
      }
      raw.append(text_.substr(start, pos_ - start));
    }
    AppendSanitizedUtf8(record.fields.emplace_back(), raw);
    if (pos_ < text_.size() && text_[pos_] == separator_) {
      ++pos_;
      continue;
    }
    if (pos_ < text_.size()) SkipLine();  // at '\r' or '\n': the record ends
    return true;
  }
}

}  // namespace vigil
