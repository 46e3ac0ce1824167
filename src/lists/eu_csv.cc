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

// Has a letter beyond Latin (from U+0370 Greek on): the Journal puts a
// person's own-script name in parentheses; a Latin-script parenthesis is a
// note, often a place ("Chinaoil (Hong Kong) Corporation Limited").
bool HasNonLatinLetter(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    auto lead = static_cast<unsigned char>(text[i]);
    // UTF-8 lead bytes of U+0370 and above: 0xCD 0xB0.. , 0xCE.. and longer forms.
    if (lead >= 0xCE || (lead == 0xCD && static_cast<unsigned char>(text[i + 1]) >= 0xB0)) return true;
  }
  return false;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// `text` without anything in parentheses ("Bes (devil)" -> "Bes").
std::string WithoutParentheses(std::string_view text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return CleanName(out);
}

struct Name {
  std::string text;
  bool weak = false;
};

// Adds the names of a parenthesised (or leftover) part: "a.k.a. A, B or C" and
// "formerly A" give A, B, C (one-word nicknames weak); "born X" is a note;
// anything else counts only when it looks like a full name (another script's
// spelling, say), since one-word variants such as "(Mykolayovich)" are notes.
void AddPart(std::string_view raw, bool grouped, std::vector<Name>& names) {
  std::string part = CleanName(raw);
  if (part.empty() || StartsWith(part, "born ") || StartsWith(part, "née ")) return;
  // The Official Journal's layout leaks into alias cells as labels ("Chinese:"
  // before a name in Han script) and "Text of image" for names printed as
  // pictures: neither is a name, and "Chinese" would alert on every mention.
  if (part.back() == ':' || part == "Text of image" || part == "text of image") return;
  for (std::string_view prefix : {"a.k.a.", "aka ", "formerly.", "formerly"}) {
    if (!StartsWith(part, prefix)) continue;
    std::string list = std::string(part.substr(prefix.size()));
    for (size_t at; (at = list.find(" or ")) != std::string::npos;) list.replace(at, 4, ", ");
    for (const std::string& value : SplitValues(list, ',')) {
      std::string name = WithoutParentheses(value);
      if (!name.empty()) names.push_back({name, name.find(' ') == std::string::npos});
    }
    return;
  }
  if (!grouped || (LooksLikeFullName(part) && HasNonLatinLetter(part))) {
    names.push_back({part, false});
  }
}

// The names in one value: the text outside parentheses first, then the
// parenthesised parts. "Sergei AKSENOV (Сергей АКСЁНОВ)" -> both names;
// "Valentina MATVIENKO (born TYUTINA)" -> the name before the note;
// "Igor Nikolaevich (Mykolayovich) TURCHENYUK" -> "Igor Nikolaevich
// TURCHENYUK". OpenSanctions' split of some cells loses the outer
// parentheses ("ГИРКИН) (a.k.a. Igor STRELKOV"): an unmatched ')' closes a
// part that started at the beginning, an unclosed '(' runs to the end.
std::vector<Name> SplitValue(std::string_view value) {
  std::vector<std::pair<std::string, bool>> parts;  // text, grouped
  std::string outside;
  std::string group;
  int depth = 0;
  for (char c : value) {
    if (c == '(') {
      if (depth++ > 0) group.push_back(c);
    } else if (c == ')') {
      if (depth == 0) {
        parts.emplace_back(std::move(outside), true);
        outside.clear();
      } else if (--depth == 0) {
        parts.emplace_back(std::move(group), true);
        group.clear();
      } else {
        group.push_back(c);
      }
    } else {
      (depth > 0 ? group : outside).push_back(c);
    }
  }
  if (depth > 0) parts.emplace_back(std::move(group), true);
  std::vector<Name> names;
  AddPart(outside, false, names);
  for (const auto& [text, grouped] : parts) AddPart(text, grouped, names);
  return names;
}

// Every name in a ';'-separated cell, in order.
std::vector<Name> CellNames(std::string_view cell) {
  std::vector<Name> names;
  for (const std::string& value : SplitValues(cell, ';')) {
    for (Name& name : SplitValue(value)) names.push_back(std::move(name));
  }
  return names;
}

void AddNames(Entity& entity, std::string_view cell, bool weak) {
  for (const Name& name : CellNames(cell)) {
    if (weak || name.weak) {
      AddWeakAlias(entity, name.text);
    } else {
      AddAlias(entity, name.text);
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
  int birth_date = table->Column("birthDate");  // "26.11.1972", "18.1.1970 or 29.3.1965"
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
    // The name cell has parentheses too ("Dmitry KOZAK (Дмитрий КОЗАК)"): the
    // first strong name is the primary one, the rest are aliases.
    std::vector<Name> names = CellNames(CsvTable::Get(record, name));
    auto primary = std::find_if(names.begin(), names.end(), [](const Name& n) { return !n.weak; });
    if (primary != names.end()) entity.name = primary->text;
    for (auto other_it = names.begin(); other_it != names.end(); ++other_it) {
      if (other_it == primary) continue;
      const Name& other = *other_it;
      if (other.weak) {
        AddWeakAlias(entity, other.text);
      } else {
        AddAlias(entity, other.text);
      }
    }
    AddNames(entity, CsvTable::Get(record, alias), false);
    AddNames(entity, CsvTable::Get(record, previous), false);
    AddNames(entity, CsvTable::Get(record, weak), true);
    std::string program_key = CleanName(CsvTable::Get(record, program));
    if (!program_key.empty()) entity.programs.push_back(std::move(program_key));
    if (entity.type == EntityType::kPerson) AddBirthYears(entity, CsvTable::Get(record, birth_date));
    builder.Add(std::move(entity), csv.file, record.line);
  }
  return builder.Finish(csv.file);
}

}  // namespace vigil
