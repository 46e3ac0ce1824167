// A CSV file with a header row: columns looked up by name. Private to the
// lists module.
#ifndef VIGIL_SRC_LISTS_CSV_TABLE_H_
#define VIGIL_SRC_LISTS_CSV_TABLE_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "list_builder.h"
#include "csv_reader.h"

namespace vigil {

// Reads the rows after the header; rows with a parse error or a field count
// other than the header's are skipped (as ListBuilder::Skip) by Next.
class CsvTable {
 public:
  // Fails, naming the missing columns, when the header lacks any of `required`.
  static Result<CsvTable> Open(const ListText& text, std::initializer_list<std::string_view> required);

  // The next well-formed row into `record`; counts every row as a record of
  // `builder`. False at the end.
  bool Next(CsvRecord& record, ListBuilder& builder);

  // Column index of `name`, or -1.
  int Column(std::string_view name) const;
  // The value of column `column` (-1: empty) in a row Next returned.
  static std::string_view Get(const CsvRecord& record, int column) {
    return column < 0 ? std::string_view() : std::string_view(record.fields[column]);
  }
  const std::string& file() const { return file_; }

 private:
  CsvTable(std::string file, std::string_view bytes) : file_(std::move(file)), reader_(bytes) {}

  std::string file_;
  CsvReader reader_;
  std::vector<std::string> header_;
};

}  // namespace vigil

#endif  // VIGIL_SRC_LISTS_CSV_TABLE_H_
