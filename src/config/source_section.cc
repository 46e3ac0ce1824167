// sources: the feeds and pages Vigil polls.
#include <array>

#include "config_sections.h"
#include "secret_value.h"
#include "file_url.h"

namespace vigil {

namespace {

constexpr std::array<std::string_view, 6> kSourceKeys = {"id",   "url",     "interval",
                                                         "type", "headers", "fetch"};
constexpr std::array<std::string_view, 4> kSourceTypes = {"auto", "feed", "html", "text"};
constexpr std::chrono::milliseconds kMinInterval{1000};

// RFC 9110 token characters.
bool IsHeaderName(std::string_view name) {
  if (name.empty()) return false;
  static constexpr std::string_view kExtra = "!#$%&'*+-.^_`|~";
  for (unsigned char c : name) {
    if (!std::isalnum(c) && kExtra.find(static_cast<char>(c)) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// Header values are never echoed: they may be credentials, which is also
// why each may come from the environment, a systemd credential or a file.
void ReadHeaders(const YamlField& field, const ConfigContext& context,
                 std::map<std::string, std::string>& out) {
  YamlDiagnostics& diag = context.diag;
  if (field.value.IsNull()) return;
  if (!field.value.IsMap()) {
    diag.Error(field.mark(), field.path + " must be a map of header name to value");
    return;
  }
  for (const auto& entry : field.value) {
    const YAML::Node key = entry.first;
    if (!key.IsScalar() || !IsHeaderName(key.Scalar())) {
      diag.Error(key.Mark(), "bad header name in " + field.path);
      continue;
    }
    YamlField value{key, entry.second, field.path + "." + key.Scalar()};
    if (!value.value.IsScalar() && !value.value.IsMap()) {
      diag.Error(value.mark(), "the value of header '" + key.Scalar() + "' in " + field.path +
                                   " must be a string or a map with one of env, credential "
                                   "or file");
      continue;
    }
    std::optional<std::string> secret = ReadSecret(value, context);
    if (!secret) continue;
    const std::string& text = *secret;
    if (text.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
      diag.Error(value.mark(), "the value of header '" + key.Scalar() + "' in " + field.path +
                                   " must not contain line breaks or NUL");
      continue;
    }
    if (!out.try_emplace(key.Scalar(), text).second) {
      diag.Error(key.Mark(), "duplicate header '" + key.Scalar() + "' in " + field.path);
    }
  }
}

// http(s) URLs are kept as written; file: URLs are made absolute.
std::optional<std::string> ReadSourceUrl(const YamlField& field, const ConfigContext& context) {
  std::optional<std::string> url = ReadString(field, context.diag);
  if (!url) return std::nullopt;
  if (IsFileUrl(*url)) {
    std::optional<std::string> resolved = ResolveFileUrl(*url, context.base_dir);
    if (!resolved) {
      context.diag.Error(field.mark(),
                         field.path + " is not a usable file: URL (write file:///abs/path, or "
                                      "file:rel/path for a path relative to the config file)");
    }
    return resolved;
  }
  if (!IsHttpUrl(*url)) {
    // The URL itself is not quoted: it may carry credentials.
    context.diag.Error(field.mark(), field.path +
                                         " must be an http://, https:// or file: URL with a "
                                         "host and no spaces");
    return std::nullopt;
  }
  return url;
}

void ReadSource(const YamlField& item, const ConfigContext& context, const FetchLimits& defaults,
                IdSet& ids, SourceConfig& source) {
  YamlDiagnostics& diag = context.diag;
  YamlFields fields = ReadMap(item, kSourceKeys, diag);
  if (!item.value.IsMap()) return;
  source.limits = defaults;
  if (Require(fields, item, "id", diag)) {
    const YamlField& field = fields.at("id");
    if (auto id = ReadId(field, diag)) {
      ids.Insert(*id, field, diag);
      source.id = *id;
    }
  }
  if (Require(fields, item, "url", diag)) {
    if (auto url = ReadSourceUrl(fields.at("url"), context)) source.url = *url;
  }
  if (auto it = fields.find("interval"); it != fields.end()) {
    if (auto interval = ReadDuration(it->second, kMinInterval, diag)) source.interval = *interval;
  }
  if (auto it = fields.find("type"); it != fields.end()) {
    if (auto type = ReadEnum(it->second, kSourceTypes, diag)) source.type = *type;
  }
  if (auto it = fields.find("headers"); it != fields.end()) {
    ReadHeaders(it->second, context, source.headers);
  }
  if (auto it = fields.find("fetch"); it != fields.end()) {
    ReadFetchLimits(it->second, context, source.limits);
  }
}

}  // namespace

void ReadSources(const YamlField& field, const ConfigContext& context,
                 const FetchLimits& defaults, std::vector<SourceConfig>& out) {
  IdSet ids("source");
  for (const YamlField& item : ReadList(field, context.diag)) {
    SourceConfig source;
    ReadSource(item, context, defaults, ids, source);
    out.push_back(std::move(source));
  }
}

}  // namespace vigil
