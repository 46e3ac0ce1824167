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
constexpr std::array<std::string_view, 4> kEntityKeys = {"id", "name", "type", "aliases"};
constexpr std::array<std::string_view, 5> kEntityTypes = {"person", "organization", "vessel",
                                                          "aircraft", "other"};

// Trimmed aliases, without empty ones, repeats or copies of the name.
void ReadAliases(const YamlField& field, YamlDiagnostics& diag, Entity& entity) {
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
    std::string alias = Trim(item.value.Scalar());
    if (alias.empty() || alias == entity.name) continue;
    if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) != entity.aliases.end()) {
      continue;
    }
    entity.aliases.push_back(std::move(alias));
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
    ReadAliases(it->second, diag, entity);
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
