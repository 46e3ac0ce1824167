// The UK FCDO sanctions list as CSV: Unique ID, OFSI Group ID, Name,
// Regime Name, Type (Individual, Entity, Ship), ... One name per row, no
// aliases; persons are written "SURNAME Given Names".
#include <algorithm>
#include <cctype>

#include "csv_table.h"
#include "vigil/lists/list_formats.h"

namespace vigil {

namespace {

bool HasLower(std::string_view token) {
  return std::any_of(token.begin(), token.end(), [](unsigned char c) { return std::islower(c); });
}

bool HasUpper(std::string_view token) {
  return std::any_of(token.begin(), token.end(), [](unsigned char c) { return std::isupper(c); });
}

EntityType UkType(std::string_view type) {
  if (type == "Individual") return EntityType::kPerson;
  if (type == "Entity") return EntityType::kOrganization;
  if (type == "Ship") return EntityType::kVessel;
  if (type == "Aircraft") return EntityType::kAircraft;
  return EntityType::kOther;
}

}  // namespace

// The surname is the run of leading tokens in capitals (an ASCII capital and
// no ASCII lower-case letter: "PUTIN", "AL-ASSAD", "DE LA CRUZ"), and only
// when the next token is a capitalised word with lower-case letters
// ("Vladimir"). Names all in capitals ("MUTEBUTSI JULES") or in mixed case
// ("Lavrov Sergei Viktorovich") do not say where the surname ends and stay
// as written; the matcher still finds them word for word.
std::string CommaSurname(std::string_view name) {
  std::string clean = CleanName(name);
  if (clean.find(',') != std::string::npos) return clean;  // already "SURNAME, Given"
  std::vector<std::string> tokens = SplitValues(clean, ' ');
  size_t surname = 0;
  while (surname < tokens.size() && HasUpper(tokens[surname]) && !HasLower(tokens[surname])) {
    ++surname;
  }
  if (surname == 0 || surname == tokens.size()) return clean;
  const std::string& next = tokens[surname];
  if (!std::isupper(static_cast<unsigned char>(next[0])) || !HasLower(next)) return clean;
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) out += i == surname ? ", " : " ";
    out += tokens[i];
  }
  return out;
}

Result<ListReport> ParseUkCsv(const ListText& csv) {
  Result<CsvTable> table = CsvTable::Open(csv, {"Unique ID", "Name", "Type"});
  if (!table.ok()) return table.status();
  int id = table->Column("Unique ID");
  int name = table->Column("Name");
  int type = table->Column("Type");
  int regime = table->Column("Regime Name");
  ListBuilder builder;
  CsvRecord record;
  while (table->Next(record, builder)) {
    Entity entity;
    entity.id = CleanName(CsvTable::Get(record, id));
    std::string type_name = CleanName(CsvTable::Get(record, type));
    entity.type = UkType(type_name);
    entity.name = entity.type == EntityType::kPerson ? CommaSurname(CsvTable::Get(record, name))
                                                     : CleanName(CsvTable::Get(record, name));
    if (entity.type == EntityType::kOther) {
      builder.Warn(csv.file, record.line, 0, "unknown Type '" + type_name + "', kept as other");
    }
    std::string program = CleanName(CsvTable::Get(record, regime));
    if (!program.empty()) entity.programs.push_back(std::move(program));
    builder.Add(std::move(entity), csv.file, record.line);
  }
  return builder.Finish(csv.file);
}

}  // namespace vigil
