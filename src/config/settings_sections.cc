// storage:, fetch:, daemon: and log: — the single-valued sections.
#include <array>
#include <cctype>

#include "config_sections.h"

namespace vigil {

namespace {

using std::chrono::milliseconds;

constexpr std::array<std::string_view, 1> kStorageKeys = {"path"};
constexpr std::array<std::string_view, 6> kFetchKeys = {
    "timeout", "connect_timeout", "max_body", "max_redirects", "block_private_addresses",
    "ca_file"};
// The alert_* keys were replaced by webhooks[].backoff; they stay known only
// to be refused with a pointer to their replacement.
constexpr std::array<std::string_view, 3> kRemovedDaemonKeys = {
    "alert_max_attempts", "alert_backoff_base", "alert_backoff_max"};
constexpr std::array<std::string_view, 6> kDaemonKeys = {
    "max_concurrent_fetches", "jitter", "max_backoff", "alert_max_attempts",
    "alert_backoff_base", "alert_backoff_max"};
constexpr std::array<std::string_view, 1> kLogKeys = {"level"};
constexpr std::array<std::string_view, 7> kLogLevels = {"trace", "debug", "info", "warn",
                                                        "error", "critical", "off"};

// Fills `out` from `fields[key]` with `read` when the key is present.
template <typename T, typename Read>
void ReadIfPresent(const YamlFields& fields, std::string_view key, T& out, Read read) {
  auto it = fields.find(key);
  if (it == fields.end()) return;
  if (auto value = read(it->second)) out = static_cast<T>(*value);
}

std::optional<bool> ReadBool(const YamlField& field, YamlDiagnostics& diag) {
  bool value = false;
  if (field.value.IsScalar() && YAML::convert<bool>::decode(field.value, value)) return value;
  diag.Error(field.mark(), field.path + " must be true or false");
  return std::nullopt;
}

// fetch.ca_file: a PEM file, checked here so a typo fails at load and not at
// every poll.
std::optional<std::filesystem::path> ReadCaFile(const YamlField& field,
                                                const ConfigContext& context) {
  std::optional<std::string> text = ReadString(field, context.diag);
  if (!text) return std::nullopt;
  if (text->empty()) return std::filesystem::path();  // explicit "": the system store only
  std::filesystem::path path = ResolvePath(context, *text);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    context.diag.Error(field.mark(), field.path + ": " + path.string() +
                                         (ec ? ": " + ec.message() : " is not a file"));
    return std::nullopt;
  }
  return path;
}

}  // namespace

std::filesystem::path ResolvePath(const ConfigContext& context, const std::string& path) {
  std::filesystem::path resolved = (context.base_dir / path).lexically_normal();
  // "dir/." normalizes to "dir/"; drop the slash so messages read naturally.
  if (!resolved.has_filename() && resolved.has_relative_path()) resolved = resolved.parent_path();
  return resolved;
}

bool IsHttpUrl(std::string_view url) {
  auto starts_with_no_case = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  size_t host_start;
  if (starts_with_no_case("http://")) {
    host_start = 7;
  } else if (starts_with_no_case("https://")) {
    host_start = 8;
  } else {
    return false;
  }
  for (unsigned char c : url) {
    if (c <= ' ' || c == 0x7F) return false;
  }
  size_t host_end = url.find_first_of("/?#", host_start);
  if (host_end == std::string_view::npos) host_end = url.size();
  return host_end > host_start;
}

void ReadStorage(const YamlField& field, const ConfigContext& context, StorageConfig& out) {
  YamlFields fields = ReadMap(field, kStorageKeys, context.diag);
  auto it = fields.find("path");
  if (it == fields.end()) return;
  std::optional<std::string> path = ReadString(it->second, context.diag);
  if (!path) return;
  if (path->empty()) {
    context.diag.Error(it->second.mark(), "storage.path must not be empty");
    return;
  }
  out.path = ResolvePath(context, *path);
}

void ReadFetchLimits(const YamlField& field, const ConfigContext& context, FetchLimits& out) {
  YamlDiagnostics& diag = context.diag;
  YamlFields fields = ReadMap(field, kFetchKeys, diag);
  ReadIfPresent(fields, "timeout", out.timeout,
                [&](const YamlField& f) { return ReadDuration(f, milliseconds(1), diag); });
  ReadIfPresent(fields, "connect_timeout", out.connect_timeout,
                [&](const YamlField& f) { return ReadDuration(f, milliseconds(1), diag); });
  ReadIfPresent(fields, "max_body", out.max_body,
                [&](const YamlField& f) { return ReadSize(f, diag); });
  ReadIfPresent(fields, "max_redirects", out.max_redirects,
                [&](const YamlField& f) { return ReadInt(f, 0, 100, diag); });
  ReadIfPresent(fields, "block_private_addresses", out.block_private_addresses,
                [&](const YamlField& f) { return ReadBool(f, diag); });
  ReadIfPresent(fields, "ca_file", out.ca_file,
                [&](const YamlField& f) { return ReadCaFile(f, context); });
}

void ReadDaemon(const YamlField& field, const ConfigContext& context, DaemonConfig& out) {
  YamlDiagnostics& diag = context.diag;
  YamlFields fields = ReadMap(field, kDaemonKeys, diag);
  ReadIfPresent(fields, "max_concurrent_fetches", out.max_concurrent_fetches,
                [&](const YamlField& f) { return ReadInt(f, 1, 1000, diag); });
  ReadIfPresent(fields, "jitter", out.jitter,
                [&](const YamlField& f) { return ReadDouble(f, 0.0, 1.0, diag); });
  ReadIfPresent(fields, "max_backoff", out.max_backoff,
                [&](const YamlField& f) { return ReadDuration(f, milliseconds(1000), diag); });
  for (std::string_view key : kRemovedDaemonKeys) {
    if (auto it = fields.find(key); it != fields.end()) {
      diag.Error(it->second.mark(),
                 "daemon." + std::string(key) +
                     " was removed: set the retry schedule per webhook with "
                     "webhooks[].backoff, e.g. backoff: [5s, 5m, 30m, 2h, 5h, 10h, 10h]");
    }
  }
}

void ReadLog(const YamlField& field, const ConfigContext& context, LogConfig& out) {
  YamlFields fields = ReadMap(field, kLogKeys, context.diag);
  ReadIfPresent(fields, "level", out.level,
                [&](const YamlField& f) { return ReadEnum(f, kLogLevels, context.diag); });
}

}  // namespace vigil
