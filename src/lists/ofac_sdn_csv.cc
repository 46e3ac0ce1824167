// OFAC's legacy CSV files (https://ofac.treasury.gov/sdn-list-data-formats):
//   sdn.csv  ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,
//            Tonnage,GRT,Vess_flag,Vess_owner,Remarks
//   alt.csv  ent_num,alt_num,alt_type,alt_name,alt_remarks
//   add.csv  ent_num,add_num,Address,City/State/Province/Postal Code,Country,add_remarks
// No header; "-0-" (often "-0- ") is null.
#include <algorithm>
#include <cctype>

#include "list_builder.h"
#include "csv_reader.h"
#include "vigil/lists/list_formats.h"

namespace vigil {

namespace {

constexpr size_t kSdnFields = 12;
constexpr size_t kAltFields = 5;
constexpr size_t kAddFields = 6;

// The cell without padding, or empty for OFAC's null "-0-".
std::string Cell(std::string_view value) {
  std::string cell = CleanName(value);
  return cell == "-0-" ? std::string() : cell;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsEntNum(std::string_view text) {
  return !text.empty() && text.size() <= 12 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "IRAN] [SDGT] [IRGC" -> IRAN, SDGT, IRGC (the file joins several programs so).
std::vector<std::string> Programs(std::string_view cell) {
  std::vector<std::string> programs;
  for (std::string& part : SplitValues(cell, ']')) {
    size_t start = part.find_first_not_of("[ ");
    if (start == std::string::npos) continue;
    programs.push_back(part.substr(start));
  }
  return programs;
}

// The legacy files carry OFAC's weak AKAs only in the Remarks, as
// "a.k.a. 'NAME'" (also f.k.a./n.k.a.). NAME may hold apostrophes
// ("'Abd al-'Aziz"), so the closing quote is one not followed by a letter
// or digit.
void AddRemarkAliases(std::string_view remarks, Entity& entity) {
  for (std::string_view marker : {"a.k.a. '", "f.k.a. '", "n.k.a. '"}) {
    size_t at = 0;
    while ((at = remarks.find(marker, at)) != std::string_view::npos) {
      size_t start = at + marker.size();
      size_t end = start;
      while (true) {
        end = remarks.find('\'', end);
        if (end == std::string_view::npos) break;
        if (end + 1 >= remarks.size() || !std::isalnum(static_cast<unsigned char>(remarks[end + 1]))) {
          break;
        }
        ++end;
      }
      if (end == std::string_view::npos) break;
      AddWeakAlias(entity, remarks.substr(start, end - start));
      at = end;
    }
  }
}

// The Remarks give dates of birth as "DOB 07 Oct 1952;", "DOB 1955 to
// 1957;", "DOB circa 1960;" (and "alt. DOB ..."), each up to the next ';'.
void AddRemarkBirthYears(std::string_view remarks, Entity& entity) {
  for (size_t at = remarks.find("DOB "); at != std::string_view::npos; at = remarks.find("DOB ", at + 4)) {
    size_t end = remarks.find(';', at);
    AddBirthYears(entity, remarks.substr(at + 4, end == std::string_view::npos ? end : end - at - 4));
  }
}

EntityType SdnType(std::string_view type) {
  std::string lower = Lower(type);
  if (lower == "individual") return EntityType::kPerson;
  if (lower == "vessel") return EntityType::kVessel;
  if (lower == "aircraft") return EntityType::kAircraft;
  if (lower.empty() || lower == "entity") return EntityType::kOrganization;
  return EntityType::kOther;
}

void ReadSdn(const ListText& sdn, ListBuilder& builder) {
  CsvReader reader(sdn.bytes);
  CsvRecord record;
  while (reader.Next(record)) {
    builder.CountRecord();
    if (!record.error.empty()) {
      builder.Skip(sdn.file, record.error_line, record.error_column, record.error);
      continue;
    }
    if (record.fields.size() != kSdnFields) {
      builder.Skip(sdn.file, record.line, 0,
                   "expected 12 fields, found " + std::to_string(record.fields.size()));
      continue;
    }
    Entity entity;
    entity.id = Cell(record.fields[0]);
    if (!IsEntNum(entity.id)) {
      builder.Skip(sdn.file, record.line, 1, "ent_num '" + entity.id + "' is not a number");
      continue;
    }
    entity.name = Cell(record.fields[1]);
    std::string type = Cell(record.fields[2]);
    entity.type = SdnType(type);
    if (entity.type == EntityType::kOther) {
      builder.Warn(sdn.file, record.line, 0, "unknown SDN_Type '" + type + "', kept as other");
    }
    entity.programs = Programs(Cell(record.fields[3]));
    std::string remarks = Cell(record.fields[11]);
    AddRemarkAliases(remarks, entity);
    AddRemarkBirthYears(remarks, entity);
    builder.Add(std::move(entity), sdn.file, record.line);
  }
}

void ReadAlt(const ListText& alt, ListBuilder& builder) {
  CsvReader reader(alt.bytes);
  CsvRecord record;
  while (reader.Next(record)) {
    if (!record.error.empty()) {
      builder.Warn(alt.file, record.error_line, record.error_column, record.error + "; row skipped");
      continue;
    }
    if (record.fields.size() != kAltFields) {
      builder.Warn(alt.file, record.line, 0,
                   "expected 5 fields, found " + std::to_string(record.fields.size()) +
                       "; row skipped");
      continue;
    }
    Entity* entity = builder.Find(Cell(record.fields[0]));
    if (!entity) {
      // Normal when alt.csv is newer or older than sdn.csv: count, don't warn.
      ++builder.report().orphan_aliases;
      continue;
    }
    std::string type = Lower(Cell(record.fields[2]));
    std::string remarks = Lower(Cell(record.fields[4]));
    std::string name = Cell(record.fields[3]);
    if (type.find("weak") != std::string::npos || remarks.find("weak") != std::string::npos) {
      AddWeakAlias(*entity, name);
    } else {
      AddAlias(*entity, name);
    }
  }
}

void ReadAdd(const ListText& add, ListBuilder& builder) {
  CsvReader reader(add.bytes);
  CsvRecord record;
  while (reader.Next(record)) {
    if (!record.error.empty()) {
      builder.Warn(add.file, record.error_line, record.error_column, record.error + "; row skipped");
      continue;
    }
    if (record.fields.size() != kAddFields) {
      builder.Warn(add.file, record.line, 0,
                   "expected 6 fields, found " + std::to_string(record.fields.size()) +
                       "; row skipped");
      continue;
    }
    if (builder.Find(Cell(record.fields[0]))) {
      ++builder.report().addresses;
    } else {
      ++builder.report().orphan_addresses;
    }
  }
}

}  // namespace

Result<ListReport> ParseOfacSdnCsv(const ListText& sdn, const ListText& alt,
                                   const ListText& add) {
  ListBuilder builder;
  ReadSdn(sdn, builder);
  if (!alt.file.empty()) ReadAlt(alt, builder);
  if (!add.file.empty()) ReadAdd(add, builder);
  return builder.Finish(sdn.file);
}

}  // namespace vigil
