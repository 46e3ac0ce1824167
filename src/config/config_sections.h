// Readers for the sections of the config file; each reports its problems to
// the diagnostics and fills what it could read. Private to the config module.
#ifndef VIGIL_SRC_CONFIG_CONFIG_SECTIONS_H_
#define VIGIL_SRC_CONFIG_CONFIG_SECTIONS_H_

#include <filesystem>
#include <string_view>
#include <vector>

#include "vigil/config/config.h"
#include "yaml_reader.h"

namespace vigil {

// What every section reader needs.
struct ConfigContext {
  std::filesystem::path base_dir;  // absolute folder of the config file
  YamlDiagnostics& diag;
};

// `path` as written, made absolute against the config file's folder.
std::filesystem::path ResolvePath(const ConfigContext& context, const std::string& path);

// Checks an http:// or https:// URL: scheme, a host, no spaces or controls.
bool IsHttpUrl(std::string_view url);

// Reads the required, unique id of a list item into `out`.
inline void ReadItemId(const YamlFields& fields, const YamlField& item, IdSet& ids,
                       YamlDiagnostics& diag, std::string& out) {
  if (!Require(fields, item, "id", diag)) return;
  const YamlField& field = fields.at("id");
  if (auto id = ReadId(field, diag)) {
    ids.Insert(*id, field, diag);
    out = *id;
  }
}

// Reads each item of the list in `field` with `read`.
template <typename T, typename Read>
void ReadItems(const YamlField& field, const ConfigContext& context, std::string kind,
               std::vector<T>& out, Read read) {
  IdSet ids(std::move(kind));
  for (const YamlField& item : ReadList(field, context.diag)) {
    T value;
    read(item, context, ids, value);
    out.push_back(std::move(value));
  }
}


void ReadStorage(const YamlField& field, const ConfigContext& context, StorageConfig& out);
// Overrides the fields of `out` present in `field`; the rest keep their value.
void ReadFetchLimits(const YamlField& field, const ConfigContext& context, FetchLimits& out);
void ReadDaemon(const YamlField& field, const ConfigContext& context, DaemonConfig& out);
void ReadLog(const YamlField& field, const ConfigContext& context, LogConfig& out);

void ReadSources(const YamlField& field, const ConfigContext& context,
                 const FetchLimits& defaults, std::vector<SourceConfig>& out);
void ReadWatchlistConfigs(const YamlField& field, const ConfigContext& context,
                          std::vector<WatchlistConfig>& out);
void ReadKeywords(const YamlField& field, const ConfigContext& context,
                  std::vector<KeywordList>& out);
void ReadWebhooks(const YamlField& field, const ConfigContext& context,
                  std::vector<WebhookEndpoint>& out);

}  // namespace vigil

#endif  // VIGIL_SRC_CONFIG_CONFIG_SECTIONS_H_
