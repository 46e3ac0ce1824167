#include "csv_table.h"

#include <algorithm>

namespace vigil {

Result<CsvTable> CsvTable::Open(const ListText& text,
                                std::initializer_list<std::string_view> required) {
  CsvTable table(text.file, text.bytes);
  CsvRecord header;
  if (!table.reader_.Next(header)) return Status::Error(text.file + ": empty file (expected a CSV header)");
  if (!header.error.empty()) {
    return Status::Error(text.file + ":" + std::to_string(header.error_line) + ":" +
                         std::to_string(header.error_column) + ": " + header.error);
  }
  for (const std::string& name : header.fields) table.header_.push_back(CleanName(name));
  std::string missing;
  for (std::string_view name : required) {
    if (table.Column(name) < 0) missing += (missing.empty() ? "'" : ", '") + std::string(name) + "'";
  }
  if (!missing.empty()) {
    return Status::Error(text.file + ":" + std::to_string(header.line) +
                         ": header lacks column(s) " + missing + " (wrong format?)");
  }
  return table;
}

bool CsvTable::Next(CsvRecord& record, ListBuilder& builder) {
  while (reader_.Next(record)) {
    builder.CountRecord();
    if (!record.error.empty()) {
      builder.Skip(file_, record.error_line, record.error_column, record.error);
      continue;
    }
    if (record.fields.size() != header_.size()) {
      builder.Skip(file_, record.line, 0,
                   "expected " + std::to_string(header_.size()) + " fields, found " +
                       std::to_string(record.fields.size()));
      continue;
    }
    return true;
  }
  return false;
}

int CsvTable::Column(std::string_view name) const {
  auto it = std::find(header_.begin(), header_.end(), name);
  return it == header_.end() ? -1 : static_cast<int>(it - header_.begin());
}

}  // namespace vigil
