#include "eval_data.h"

#include <fstream>
#include <sstream>

namespace vigil::eval {
namespace {

std::string Slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  size_t from = 0;
  while (true) {
    size_t at = text.find(sep, from);
    parts.push_back(text.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) return parts;
    from = at + 1;
  }
}

}  // namespace

CsvRows ReadCsv(const std::filesystem::path& file) {
  std::string text = Slurp(file);
  while (!text.empty() && (text.back() == '\x1a' || text.back() == '\n' || text.back() == '\r')) {
    text.pop_back();
  }
  CsvRows rows;
  if (text.empty()) return rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  row.push_back(std::move(field));
  rows.push_back(std::move(row));
  return rows;
}

std::vector<std::map<std::string, std::string>> ReadCsvWithHeader(
    const std::filesystem::path& file) {
  CsvRows rows = ReadCsv(file);
  std::vector<std::map<std::string, std::string>> records;
  const std::vector<std::string>* header = nullptr;
  for (const auto& row : rows) {
    if (row.empty() || (row.size() == 1 && row[0].empty())) continue;
    if (!row[0].empty() && row[0][0] == '#') continue;
    if (header == nullptr) {
      header = &row;
      continue;
    }
    std::map<std::string, std::string> record;
    for (size_t i = 0; i < header->size() && i < row.size(); ++i) record[(*header)[i]] = row[i];
    records.push_back(std::move(record));
  }
  return records;
}

std::vector<std::string> ReadLines(const std::filesystem::path& file) {
  std::vector<std::string> lines;
  for (std::string& line : Split(Slurp(file), '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

std::optional<std::filesystem::path> SharedFile(const std::string& relative) {
  std::filesystem::path path = std::filesystem::path(VIGIL_SHARED_DATA) / relative;
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) return path;
  return std::nullopt;
}

std::vector<NewsSentence> ReadNewsSentences(const std::filesystem::path& file) {
  std::vector<NewsSentence> sentences;
  int number = 0;
  for (const std::string& line : Split(Slurp(file), '\n')) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> columns = Split(line, '\t');
    NewsSentence sentence;
    sentence.line = number;
    for (size_t i = 0; i < columns[0].size(); ++i) {
      if (columns[0][i] == '\\' && i + 1 < columns[0].size() && columns[0][i + 1] == 'n') {
        sentence.text += '\n';
        ++i;
      } else {
        sentence.text += columns[0][i];
      }
    }
    if (columns.size() > 1) {
      for (const std::string& party : Split(columns[1], ',')) {
        if (!party.empty()) sentence.expected.push_back(Split(party, '|'));
      }
    }
    if (columns.size() > 2) sentence.note = columns[2];
    sentences.push_back(std::move(sentence));
  }
  return sentences;
}

}  // namespace vigil::eval
