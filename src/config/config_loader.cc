// LoadConfig: the top level of the config file.
#include <array>

#include "config_sections.h"
#include "vigil/config/config.h"

namespace vigil {

namespace {

constexpr std::array<std::string_view, 8> kTopKeys = {
    "storage", "fetch", "daemon", "log", "sources", "watchlists", "keywords", "webhooks"};
constexpr const char* kDefaultStoragePath = "vigil.db";

void ReadTopLevel(const YAML::Node& root, const ConfigContext& context, Config& config) {
  YamlFields fields = ReadMap(YamlField{YAML::Node(), root, ""}, kTopKeys, context.diag);
  auto section = [&](std::string_view key) -> const YamlField* {
    auto it = fields.find(key);
    return it == fields.end() ? nullptr : &it->second;
  };
  if (const YamlField* f = section("storage")) ReadStorage(*f, context, config.storage);
  // Before sources: a source's fetch: overrides start from the global one.
  if (const YamlField* f = section("fetch")) ReadFetchLimits(*f, context, config.fetch);
  if (const YamlField* f = section("daemon")) ReadDaemon(*f, context, config.daemon);
  if (const YamlField* f = section("log")) ReadLog(*f, context, config.log);
  if (const YamlField* f = section("sources")) {
    ReadSources(*f, context, config.fetch, config.sources);
  }
  if (const YamlField* f = section("watchlists")) {
    ReadWatchlistConfigs(*f, context, config.watchlists);
  }
  if (const YamlField* f = section("keywords")) ReadKeywords(*f, context, config.keywords);
  if (const YamlField* f = section("webhooks")) ReadWebhooks(*f, context, config.webhooks);
}

}  // namespace

Result<Config> LoadConfig(const std::filesystem::path& file) {
  YamlDiagnostics diag(file.string());
  std::optional<YAML::Node> root = ParseYamlFile(file, "config", diag);
  if (!root) return diag.ToStatus();

  Config config;
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(file, ec);
  if (ec) return Status::Error("cannot read config: " + file.string() + ": " + ec.message());
  config.file = absolute.lexically_normal();
  ConfigContext context{config.file.parent_path(), diag};
  config.storage.path = ResolvePath(context, kDefaultStoragePath);
  try {
    ReadTopLevel(*root, context, config);
  } catch (const YAML::Exception& e) {
    // Reading a parsed tree should not throw; if it does, say where.
    diag.Error(e.mark, std::string("unexpected YAML error: ") + e.what());
  }
  if (diag.has_errors()) return diag.ToStatus();
  return config;
}

}  // namespace vigil
