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
                  std::vector<WebhookConfig>& out);

}  // namespace vigil

#endif  // VIGIL_SRC_CONFIG_CONFIG_SECTIONS_H_
