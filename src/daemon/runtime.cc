#include "vigil/daemon/runtime.h"

namespace vigil {

Result<Runtime> LoadRuntime(const std::filesystem::path& config_file) {
  Result<Config> config = LoadConfig(config_file);
  if (!config.ok()) return config.status();
  Result<std::vector<Watchlist>> lists = LoadWatchlists(*config);
  if (!lists.ok()) return lists.status();
  Result<std::shared_ptr<const Matcher>> matcher = Matcher::Build(*lists, config->keywords);
  if (!matcher.ok()) return matcher.status();

  Runtime runtime;
  runtime.config = std::move(config).value();
  runtime.watchlists = std::move(lists).value();
  runtime.matcher = std::move(matcher).value();
  for (const Watchlist& list : runtime.watchlists) runtime.entity_count += list.entities.size();
  return runtime;
}

std::string DocumentText(const Item& item, DocumentKind kind) {
  if (kind == DocumentKind::kText) return item.text;
  if (item.title.empty()) return item.text;
  if (item.text.empty()) return item.title;
  return item.title + "\n\n" + item.text;
}

}  // namespace vigil
