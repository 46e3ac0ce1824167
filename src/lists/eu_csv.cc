// OpenSanctions' CSV of an EU Official Journal annex (e.g. Council Regulation
// 269/2014 Annex I): celex, recordId, programKey, annex, ..., schema, name,
// alias, weakAlias, previousName, ... Multi-valued cells join values with
// "; ". recordId repeats across annexes (I.PERSONS 669 is Putin, I.ENTITIES
// 669 a company), so the entity id is "<annex kind>-<recordId>": "persons-669".
#include <algorithm>
#include <cctype>

#include "csv_table.h"
#include "schema_type.h"
#include "vigil/lists/list_formats.h"

namespace vigil {

namespace {

// "I.PERSONS" -> "persons"; "" when there is no annex.
std::string AnnexKind(std::string_view annex) {
  size_t dot = annex.rfind('.');
  std::string kind(dot == std::string_view::npos ? annex : annex.substr(dot + 1));
  std::transform(kind.begin(), kind.end(), kind.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return kind;
}

// Every word starts with a capital or a non-ASCII letter: a name, not a note
// such as "born ТЮТИНА" or "a.k.a. Igor STRELKOV".
bool LooksLikeFullName(std::string_view text) {
  std::vector<std::string> words = SplitValues(text, ' ');
  if (words.size() < 2) return false;
  return std::all_of(words.begin(), words.end(), [](const std::string& word) {
    unsigned char first = static_cast<unsigned char>(word[0]);
    return first >= 0x80 || std::isupper(first);
  });
}

// "Sergei AKSENOV (Сергей АКСЁНОВ)" -> both names; "Valentina MATVIENKO
// (born TYUTINA)" -> the name before the note. Anything else as written.
void AddNames(Entity& entity, std::string_view cell, bool weak) {
  for (const std::string& value : SplitValues(cell, ';')) {
    std::vector<std::string> names;
    size_t open = value.rfind('(');
    if (value.back() == ')' && open != std::string::npos && open > 0 &&
        value.find(')') == value.size() - 1) {
      names.push_back(CleanName(std::string_view(value).substr(0, open)));
      std::string_view inner = std::string_view(value).substr(open + 1, value.size() - open - 2);
      if (LooksLikeFullName(inner)) names.push_back(CleanName(inner));
    } else {
      names.push_back(value);
    }
    for (const std::string& name : names) {
      if (weak) {
        AddWeakAlias(entity, name);
      } else {
        AddAlias(entity, name);
      }
    }
  }
}

}  // namespace

Result<ListReport> ParseEuCsv(const ListText& csv) {
  Result<CsvTable> table = CsvTable::Open(csv, {"recordId", "schema", "name"});
  if (!table.ok()) return table.status();
  int record_id = table->Column("recordId");
  int annex = table->Column("annex");
  int program = table->Column("programKey");
  int schema = table->Column("schema");
  int name = table->Column("name");
  int alias = table->Column("alias");
  int previous = table->Column("previousName");
  int weak = table->Column("weakAlias");
  ListBuilder builder;
  CsvRecord record;
  while (table->Next(record, builder)) {
    std::string schema_name = CleanName(CsvTable::Get(record, schema));
    std::optional<EntityType> type = FtmSchemaType(schema_name);
    if (!type) {
      builder.CountIgnored();
      continue;
    }
    Entity entity;
    entity.type = *type;
    std::string id = CleanName(CsvTable::Get(record, record_id));
    std::string kind = AnnexKind(CleanName(CsvTable::Get(record, annex)));
    entity.id = kind.empty() || id.empty() ? id : kind + "-" + id;
    std::vector<std::string> names = SplitValues(CsvTable::Get(record, name), ';');
    if (!names.empty()) entity.name = names[0];
    for (size_t i = 1; i < names.size(); ++i) AddAlias(entity, names[i]);
    AddNames(entity, CsvTable::Get(record, alias), false);
    AddNames(entity, CsvTable::Get(record, previous), false);
    AddNames(entity, CsvTable::Get(record, weak), true);
    std::string program_key = CleanName(CsvTable::Get(record, program));
    if (!program_key.empty()) entity.programs.push_back(std::move(program_key));
    builder.Add(std::move(entity), csv.file, record.line);
  }
  return builder.Finish(csv.file);
}

}  // namespace vigil
