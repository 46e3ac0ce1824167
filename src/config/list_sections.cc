// watchlists: and keywords:.
#include <algorithm>
#include <array>

#include "config_sections.h"

namespace vigil {

namespace {

constexpr std::array<std::string_view, 9> kWatchlistKeys = {
    "id", "format", "path", "alt_path", "add_path", "url", "refresh", "min_score", "exclude"};
constexpr std::array<std::string_view, 2> kKeywordKeys = {"id", "terms"};
// A shorter refresh would hammer the list publishers.
constexpr std::chrono::milliseconds kMinRefresh = std::chrono::minutes(1);

// Reads the file path in `key`, resolved and checked to exist; empty if absent
// or bad (reported).
std::filesystem::path ReadListPath(const YamlFields& fields, std::string_view key,
                                   const ConfigContext& context) {
  auto it = fields.find(key);
  if (it == fields.end()) return {};
  const YamlField& field = it->second;
  std::optional<std::string> path = ReadString(field, context.diag);
  if (!path) return {};
  if (path->empty()) {
    context.diag.Error(field.mark(), field.path + " must not be empty");
    return {};
  }
  std::filesystem::path resolved = ResolvePath(context, *path);
  // Checked now so that check-config catches it, not the first reload.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(resolved, ec)) {
    context.diag.Error(field.mark(), "watchlist file not found: " + resolved.string());
  }
  return resolved;
}

void ReadExclude(const YamlField& field, YamlDiagnostics& diag, std::vector<std::string>& out) {
  if (!field.value.IsNull() && !field.value.IsSequence()) {
    diag.Error(field.mark(), field.path + " must be a list of entity ids");
    return;
  }
  for (const YamlField& item : ReadList(field, diag)) {
    std::optional<std::string> id = ReadId(item, diag);
    if (id && std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
  }
}

// url, or path, and the keys only some formats or url lists take.
void ReadWatchlistSource(const YamlFields& fields, const YamlField& item,
                         const ConfigContext& context, WatchlistConfig& list) {
  YamlDiagnostics& diag = context.diag;
  auto url_field = fields.find("url");
  if (url_field != fields.end()) {
    if (auto url = ReadString(url_field->second, diag)) {
      if (!IsHttpUrl(*url)) {
        diag.Error(url_field->second.mark(),
                   url_field->second.path +
                       " must be an http:// or https:// URL with a host and no spaces");
      } else {
        list.url = *url;
      }
    }
    if (auto path = fields.find("path"); path != fields.end()) {
      diag.Error(path->second.key.Mark(),
                 item.path + " has both url and path; give one (a downloaded list is cached "
                             "by Vigil itself)");
    }
  } else if (Require(fields, item, "path", diag)) {
    list.path = ReadListPath(fields, "path", context);
  }
  if (auto it = fields.find("refresh"); it != fields.end()) {
    if (url_field == fields.end()) {
      diag.Error(it->second.key.Mark(), it->second.path + " applies only to lists with a url");
    } else if (auto refresh = ReadDuration(it->second, kMinRefresh, diag)) {
      list.refresh = *refresh;
    }
  }
  for (std::string_view key : {"alt_path", "add_path"}) {
    auto it = fields.find(key);
    if (it == fields.end()) continue;
    if (list.format != ListFormat::kOfacSdnCsv) {
      diag.Error(it->second.key.Mark(), it->second.path +
                                            " applies only to format ofac-sdn-csv, not " +
                                            std::string(ListFormatName(list.format)));
      continue;
    }
    (key == "alt_path" ? list.alt_path : list.add_path) = ReadListPath(fields, key, context);
  }
}

void ReadWatchlistConfig(const YamlField& item, const ConfigContext& context, IdSet& ids,
                         WatchlistConfig& list) {
  YamlDiagnostics& diag = context.diag;
  YamlFields fields = ReadMap(item, kWatchlistKeys, diag);
  if (!item.value.IsMap()) return;
  ReadItemId(fields, item, ids, diag, list.id);
  list.format = ListFormat::kVigilYaml;
  if (auto it = fields.find("format"); it != fields.end()) {
    static const std::vector<std::string_view> kFormatNames = [] {
      std::vector<std::string_view> names;
      for (ListFormat format : kListFormats) names.push_back(ListFormatName(format));
      return names;
    }();
    if (auto format = ReadEnum(it->second, kFormatNames, diag)) {
      list.format = *ParseListFormat(*format);
    }
  }
  ReadWatchlistSource(fields, item, context, list);
  if (auto it = fields.find("min_score"); it != fields.end()) {
    if (auto score = ReadDouble(it->second, 0.0, 1.0, diag)) list.min_score = *score;
  }
  if (auto it = fields.find("exclude"); it != fields.end()) {
    ReadExclude(it->second, diag, list.exclude);
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
