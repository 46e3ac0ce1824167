// watchlists: and keywords:.
#include <algorithm>
#include <array>

#include "config_sections.h"

namespace vigil {

namespace {

constexpr std::array<std::string_view, 3> kWatchlistKeys = {"id", "format", "path"};
constexpr std::array<std::string_view, 1> kWatchlistFormats = {"vigil-yaml"};
constexpr std::array<std::string_view, 2> kKeywordKeys = {"id", "terms"};

void ReadWatchlistConfig(const YamlField& item, const ConfigContext& context, IdSet& ids,
                         WatchlistConfig& list) {
  YamlDiagnostics& diag = context.diag;
  YamlFields fields = ReadMap(item, kWatchlistKeys, diag);
  if (!item.value.IsMap()) return;
  ReadItemId(fields, item, ids, diag, list.id);
  list.format = "vigil-yaml";
  if (auto it = fields.find("format"); it != fields.end()) {
    if (auto format = ReadEnum(it->second, kWatchlistFormats, diag)) list.format = *format;
  }
  if (!Require(fields, item, "path", diag)) return;
  const YamlField& field = fields.at("path");
  std::optional<std::string> path = ReadString(field, diag);
  if (!path) return;
  if (path->empty()) {
    diag.Error(field.mark(), field.path + " must not be empty");
    return;
  }
  list.path = ResolvePath(context, *path);
  // Checked now so that check-config catches it, not the first reload.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(list.path, ec)) {
    diag.Error(field.mark(), "watchlist file not found: " + list.path.string());
  }
}

void ReadKeywordList(const YamlField& item, const ConfigContext& context, IdSet& ids,
                     KeywordList& keywords) {
  YamlDiagnostics& diag = context.diag;
  YamlFields fields = ReadMap(item, kKeywordKeys, diag);
  if (!item.value.IsMap()) return;
  ReadItemId(fields, item, ids, diag, keywords.id);
  if (!Require(fields, item, "terms", diag)) return;
  const YamlField& terms = fields.at("terms");
  std::vector<YamlField> items = ReadList(terms, diag);
  if (items.empty() && (terms.value.IsNull() || terms.value.IsSequence())) {
    diag.Error(terms.mark(), terms.path + " must list at least one term");
    return;
  }
  for (const YamlField& term_field : items) {
    std::optional<std::string> term = ReadString(term_field, diag);
    if (!term) continue;
    std::string trimmed = Trim(*term);
    if (trimmed.empty()) {
      diag.Error(term_field.mark(), term_field.path + " is an empty term");
      continue;
    }
    // A repeated term would only produce the same hit twice.
    if (std::find(keywords.terms.begin(), keywords.terms.end(), trimmed) ==
        keywords.terms.end()) {
      keywords.terms.push_back(std::move(trimmed));
    }
  }
}

}  // namespace

void ReadWatchlistConfigs(const YamlField& field, const ConfigContext& context,
                          std::vector<WatchlistConfig>& out) {
  ReadItems(field, context, "watchlist", out, ReadWatchlistConfig);
}

void ReadKeywords(const YamlField& field, const ConfigContext& context,
                  std::vector<KeywordList>& out) {
  ReadItems(field, context, "keyword list", out, ReadKeywordList);
}

}  // namespace vigil
