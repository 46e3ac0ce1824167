// FollowTheMoney entities as JSON lines (OpenSanctions entities.ftm.json):
// {"id": ..., "schema": "Person", "caption": ..., "properties": {"name": [...],
// "alias": [...], "weakAlias": [...], "previousName": [...], ...}, "target": true, ...}.
// Only records with "target": true (or without the flag) are listed parties.
#include <nlohmann/json.hpp>

#include <istream>

#include "list_builder.h"
#include "schema_type.h"
#include "streamed_formats.h"
#include "csv_reader.h"
#include "vigil/lists/list_formats.h"

namespace vigil {

namespace {

// The string values of properties[key]; non-strings are ignored.
std::vector<std::string> Values(const nlohmann::json& properties, const char* key) {
  std::vector<std::string> values;
  auto it = properties.find(key);
  if (it == properties.end() || !it->is_array()) return values;
  for (const nlohmann::json& value : *it) {
    if (value.is_string()) values.push_back(CleanName(value.get<std::string>()));
  }
  return values;
}

std::string StringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? CleanName(it->get<std::string>()) : "";
}

void ReadEntity(const nlohmann::json& object, std::string_view file, int line,
                ListBuilder& builder) {
  std::optional<EntityType> type = FtmSchemaType(StringField(object, "schema"));
  if (!type) {
    builder.CountIgnored();  // Address, Sanction, Ownership, ...: not a listed party
    return;
  }
  // OpenSanctions exports carry the parties around a target too (owners,
  // directors, company-registry records) with "target": false. They are not
  // sanctioned, and alerting on them would be false positives. A record
  // without the flag (hand-made FtM) is kept: nothing says it is not a target.
  auto target = object.find("target");
  if (target != object.end() && !(target->is_boolean() && target->get<bool>())) {
    ++builder.report().non_targets;
    return;
  }
  static const nlohmann::json kNoProperties = nlohmann::json::object();
  auto found = object.find("properties");
  const nlohmann::json& properties =
      found != object.end() && found->is_object() ? *found : kNoProperties;
  Entity entity;
  entity.id = StringField(object, "id");
  entity.type = *type;
  std::vector<std::string> names = Values(properties, "name");
  // The caption is OpenSanctions' pick of the display name; prefer it when it
  // is one of the names.
  std::string caption = StringField(object, "caption");
  if (!caption.empty() && std::find(names.begin(), names.end(), caption) != names.end()) {
    entity.name = caption;
  } else if (!names.empty()) {
    entity.name = names[0];
  }
  for (const std::string& name : names) AddAlias(entity, name);
  for (const std::string& alias : Values(properties, "alias")) AddAlias(entity, alias);
  for (const std::string& name : Values(properties, "previousName")) AddAlias(entity, name);
  for (const std::string& alias : Values(properties, "weakAlias")) AddWeakAlias(entity, alias);
  entity.programs = Values(properties, "programId");
  builder.Add(std::move(entity), file, line);
}

// Reads one line (without its '\n') into `builder`.
void ReadLine(std::string_view text, std::string_view file, int line, ListBuilder& builder) {
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (text.find_first_not_of(" \t") == std::string_view::npos) return;
  builder.CountRecord();
  // nlohmann rejects invalid UTF-8; repair it first as for every format.
  std::string clean = SanitizeUtf8(text);
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(clean);
  } catch (const nlohmann::json::exception& e) {
    int column = 0;
    if (const auto* parse_error = dynamic_cast<const nlohmann::json::parse_error*>(&e)) {
      column = static_cast<int>(parse_error->byte);
    }
    builder.Skip(file, line, column, "invalid JSON");
    return;
  }
  if (!object.is_object()) {
    builder.Skip(file, line, 0, "not a JSON object");
    return;
  }
  ReadEntity(object, file, line, builder);
}

}  // namespace

Result<ListReport> ParseOpenSanctionsFtm(const ListText& json_lines) {
  ListBuilder builder;
  std::string_view rest = json_lines.bytes;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  int line = 0;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    ReadLine(rest.substr(0, end), json_lines.file, ++line, builder);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  }
  return builder.Finish(json_lines.file);
}

Result<ListReport> ParseOpenSanctionsFtmStream(std::istream& in, const std::string& file) {
  ListBuilder builder;
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    std::string_view view = text;
    if (line == 0 && view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
    ReadLine(view, file, ++line, builder);
  }
  if (in.bad()) return Status::Error(file + ": cannot read watchlist file");
  return builder.Finish(file);
}

}  // namespace vigil
