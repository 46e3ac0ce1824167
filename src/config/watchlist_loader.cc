// LoadWatchlist: the "vigil-yaml" format (see config/watchlist.example.yaml)
// here, the real sanctions-list formats in the lists module.
#include <algorithm>
#include <array>

#include "vigil/model/watchlist.h"
#include "vigil/config/config.h"
#include "vigil/lists/list_formats.h"
#include "yaml_reader.h"

namespace vigil {

namespace {

constexpr std::array<std::string_view, 1> kTopKeys = {"entities"};
constexpr std::array<std::string_view, 6> kEntityKeys = {"id",       "name",    "type",
                                                        "aliases",  "programs", "birth_years"};
constexpr std::array<std::string_view, 5> kEntityTypes = {"person", "organization", "vessel",
                                                          "aircraft", "other"};

// Trimmed strings of a list field, without empty ones, repeats or copies of
// `skip` (aliases: the entity's name).
void ReadStrings(const YamlField& field, YamlDiagnostics& diag, std::string_view skip,
                 std::vector<std::string>& out) {
  if (!field.value.IsNull() && !field.value.IsSequence()) {
    diag.Error(field.mark(), field.path + " must be a list of strings");
    return;
  }
  for (const YamlField& item : ReadList(field, diag)) {
    if (item.value.IsNull()) continue;  // "- " alone: an empty alias, dropped
    if (!item.value.IsScalar()) {
      diag.Error(item.mark(), field.path + " must be a list of strings; " + item.path +
                                  " is not a string");
      continue;
    }
    std::string value = Trim(item.value.Scalar());
    if (value.empty() || value == skip) continue;
    if (std::find(out.begin(), out.end(), value) != out.end()) continue;
    out.push_back(std::move(value));
  }
}

void ReadEntity(const YamlField& item, IdSet& ids, YamlDiagnostics& diag, Entity& entity) {
  YamlFields fields = ReadMap(item, kEntityKeys, diag);
  if (!item.value.IsMap()) return;
  if (Require(fields, item, "id", diag)) {
    const YamlField& field = fields.at("id");
    if (auto id = ReadId(field, diag)) {
      ids.Insert(*id, field, diag);
      entity.id = *id;
    }
  }
  if (Require(fields, item, "name", diag)) {
    const YamlField& field = fields.at("name");
    if (auto name = ReadString(field, diag)) {
      entity.name = Trim(*name);
      if (entity.name.empty()) diag.Error(field.mark(), field.path + " must not be empty");
    }
  }
  if (auto it = fields.find("type"); it != fields.end()) {
    if (auto type = ReadEnum(it->second, kEntityTypes, diag)) {
      entity.type = ParseEntityType(*type).value_or(EntityType::kOther);
    }
  }
  if (auto it = fields.find("aliases"); it != fields.end()) {
    ReadStrings(it->second, diag, entity.name, entity.aliases);
  }
  // Sanctions programmes ("RUSSIA-EO14024", "SDGT"): hits on entities that
  // share one corroborate each other, and a programme's country in the
  // document supports a company's bare name (docs/matching.md).
  if (auto it = fields.find("programs"); it != fields.end()) {
    ReadStrings(it->second, diag, "", entity.programs);
  }
  // Years of birth ([1952], or [1955, 1956, 1957] when the list is not
  // sure): an age or birth year the text states beside the name is
  // weighed against them.
  if (auto it = fields.find("birth_years"); it != fields.end()) {
    std::vector<std::string> years;
    ReadStrings(it->second, diag, "", years);
    for (const std::string& text : years) {
      int year = 0;
      bool digits = text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits) year = std::stoi(text);
      if (!digits || year < 1850 || year > 2030) {
        diag.Error(it->second.mark(), it->second.path + " must be a list of years (1850-2030); '" + text + "' is not one");
        continue;
      }
      entity.birth_years.push_back(year);
    }
    std::sort(entity.birth_years.begin(), entity.birth_years.end());
  }
}

void ReadEntities(const YAML::Node& root, YamlDiagnostics& diag, Watchlist& list) {
  YamlField top{YAML::Node(), root, ""};
  if (root.IsNull()) {
    diag.Error(root.Mark(), "watchlist is empty (expected an 'entities:' list)");
    return;
  }
  YamlFields fields = ReadMap(top, kTopKeys, diag);
  if (!root.IsMap()) return;
  if (!Require(fields, YamlField{YAML::Node(), root, "the watchlist"}, "entities", diag)) return;
  IdSet ids("entity");
  for (const YamlField& item : ReadList(fields.at("entities"), diag)) {
    Entity entity;
    ReadEntity(item, ids, diag, entity);
    list.entities.push_back(std::move(entity));
  }
}

}  // namespace

Result<Watchlist> LoadWatchlist(const WatchlistConfig& config,
                                std::vector<std::string>* warnings) {
  if (config.path.empty()) {
    return Status::Error("watchlist '" + config.id + "' has no file to read" +
                         (config.url.empty() ? "" : " (its url has not been downloaded yet)"));
  }
  if (config.format != ListFormat::kVigilYaml) {
    // Every other format is a real sanctions list, read by the lists module.
    Result<ListReport> report = LoadListFileReport(config);
    if (!report.ok()) return report.status();
    if (warnings) {
      warnings->insert(warnings->end(), report->warnings.begin(), report->warnings.end());
    }
    return std::move(report->list);
  }
  YamlDiagnostics diag(config.path.string());
  std::optional<YAML::Node> root = ParseYamlFile(config.path, "watchlist", diag);
  if (!root) return diag.ToStatus();
  Watchlist list;
  list.id = config.id;
  list.min_score = config.min_score;
  list.exclude = config.exclude;
  try {
    ReadEntities(*root, diag, list);
  } catch (const YAML::Exception& e) {
    diag.Error(e.mark, std::string("unexpected YAML error: ") + e.what());
  }
  if (diag.has_errors()) return diag.ToStatus();
  return list;
}

Result<std::vector<Watchlist>> LoadWatchlists(const Config& config) {
  std::vector<Watchlist> lists;
  std::string errors;
  for (const WatchlistConfig& entry : config.watchlists) {
    Result<Watchlist> list = LoadWatchlist(entry);
    if (list.ok()) {
      lists.push_back(std::move(list).value());
    } else {
      if (!errors.empty()) errors += '\n';
      errors += list.status().message();
    }
  }
  if (!errors.empty()) return Status::Error(std::move(errors));
  return lists;
}

}  // namespace vigil
