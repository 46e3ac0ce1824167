// OpenSanctions targets.simple.csv (zavod's simplecsv exporter): id, schema,
// name, aliases, birth_date, countries, addresses, identifiers, sanctions,
// phones, emails, program_ids, dataset, ... Multi-valued cells are joined
// with ";". `sanctions` holds free-text reasons, so programmes come from
// program_ids.
#include "csv_table.h"
#include "schema_type.h"
#include "vigil/lists/list_formats.h"

namespace vigil {

Result<ListReport> ParseOpenSanctionsCsv(const ListText& csv) {
  Result<CsvTable> table = CsvTable::Open(csv, {"id", "schema", "name"});
  if (!table.ok()) return table.status();
  int id = table->Column("id");
  int schema = table->Column("schema");
  int name = table->Column("name");
  int aliases = table->Column("aliases");
  int programs = table->Column("program_ids");
  int birth_date = table->Column("birth_date");
  ListBuilder builder;
  CsvRecord record;
  while (table->Next(record, builder)) {
    std::optional<EntityType> type = FtmSchemaType(CleanName(CsvTable::Get(record, schema)));
    if (!type) {
      builder.CountIgnored();
      continue;
    }
    Entity entity;
    entity.id = CleanName(CsvTable::Get(record, id));
    entity.type = *type;
    entity.name = CleanName(CsvTable::Get(record, name));
    for (const std::string& alias : SplitValues(CsvTable::Get(record, aliases), ';')) {
      AddAlias(entity, alias);
    }
    entity.programs = SplitValues(CsvTable::Get(record, programs), ';');
    if (entity.type == EntityType::kPerson) AddBirthYears(entity, CsvTable::Get(record, birth_date));
    builder.Add(std::move(entity), csv.file, record.line);
  }
  return builder.Finish(csv.file);
}

}  // namespace vigil
