#include "watchlist_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

namespace vigil {

namespace {

std::string Errno(const std::string& what, const std::filesystem::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

// The file name extension for a format, so an operator can open the copy.
std::string Extension(ListFormat format) {
  switch (format) {
    case ListFormat::kVigilYaml: return "yaml";
    case ListFormat::kUnXml: return "xml";
    case ListFormat::kOpenSanctionsFtm: return "json";
    case ListFormat::kOfacSdnCsv:
    case ListFormat::kOpenSanctionsCsv:
    case ListFormat::kUkCsv:
    case ListFormat::kEuCsv: return "csv";
  }
  return "dat";
}

// A file name stem for a list id. Ids may hold '/' or start with '.', so
// anything but [A-Za-z0-9_-] is replaced and the id's hash appended to keep
// distinct ids distinct.
std::string FileStem(const std::string& id) {
  std::string stem;
  bool changed = false;
  for (unsigned char c : id) {
    bool safe = std::isalnum(c) || c == '_' || c == '-';
    stem += safe ? static_cast<char>(c) : '_';
    changed |= !safe;
  }
  if (changed) stem += "-" + Sha256Hex(id).substr(0, 12);
  return stem;
}

Status WriteAll(int fd, std::string_view data, const std::filesystem::path& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Error(Errno("cannot write", path));
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

// Writes a new file at a unique temporary name in `dir` (mkstemps pattern
// `pattern`) and fsyncs it; the caller renames it into place.
Result<std::filesystem::path> WriteSyncedTemp(const std::filesystem::path& dir,
                                              const std::string& prefix, std::string_view data) {
  std::string name = (dir / (prefix + ".XXXXXX.tmp")).string();
  std::vector<char> buffer(name.begin(), name.end());
  buffer.push_back('\0');
  int fd = ::mkstemps(buffer.data(), 4);
  std::filesystem::path path(buffer.data());
  if (fd < 0) return Status::Error(Errno("cannot create", path));
  Status written = WriteAll(fd, data, path);
  if (written.ok() && ::fsync(fd) != 0) written = Status::Error(Errno("cannot fsync", path));
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 && written.ok()) written = Status::Error(Errno("cannot close", path));
  if (!written.ok()) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return written;
  }
  return path;
}

Status SyncDir(const std::filesystem::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::Error(Errno("cannot open folder", dir));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::Error(Errno("cannot fsync folder", dir));
  return Status::Ok();
}

Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    return Status::Error(Errno("cannot rename " + from.string() + " to", to));
  }
  return Status::Ok();
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(Errno("cannot open", path));
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::Error(Errno("cannot read", path));
  return data;
}

std::string MetaJson(const CachedListMeta& meta) {
  nlohmann::ordered_json json = {{"url", meta.url},
                                 {"etag", meta.etag},
                                 {"last_modified", meta.last_modified},
                                 {"fetched_at_ms", meta.fetched_at_ms},
                                 {"checked_at_ms", meta.checked_at_ms},
                                 {"size", meta.size},
                                 {"sha256", meta.sha256}};
  return json.dump(2) + "\n";
}

Result<CachedListMeta> ParseMeta(const std::string& text, const std::filesystem::path& path) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return Status::Error(path.string() + ": not valid JSON (partial write?)");
  }
  CachedListMeta meta;
  try {
    meta.url = json.at("url").get<std::string>();
    meta.etag = json.value("etag", "");
    meta.last_modified = json.value("last_modified", "");
    meta.fetched_at_ms = json.value("fetched_at_ms", int64_t{0});
    meta.checked_at_ms = json.value("checked_at_ms", meta.fetched_at_ms);
    meta.size = json.at("size").get<uint64_t>();
    meta.sha256 = json.at("sha256").get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    return Status::Error(path.string() + ": missing or bad field (" + e.what() + ")");
  }
  return meta;
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

std::filesystem::path WatchlistCacheDir(const Config& config) {
  return config.storage.path.parent_path() / "lists";
}

std::filesystem::path WatchlistCache::DataPath(const WatchlistConfig& list) const {
  return dir_ / (FileStem(list.id) + "." + Extension(list.format));
}

std::filesystem::path WatchlistCache::MetaPath(const WatchlistConfig& list) const {
  return dir_ / (FileStem(list.id) + ".meta.json");
}

Status WatchlistCache::EnsureDir() const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return Status::Error("cannot create " + dir_.string() + ": " + ec.message());
  return Status::Ok();
}

Result<CachedList> WatchlistCache::Read(const WatchlistConfig& list) const {
  std::filesystem::path meta_path = MetaPath(list);
  std::filesystem::path data_path = DataPath(list);
  std::error_code ec;
  if (!std::filesystem::exists(meta_path, ec) && !std::filesystem::exists(data_path, ec)) {
    return Status::Error("no cached copy in " + dir_.string());
  }
  Result<std::string> meta_text = ReadFile(meta_path);
  if (!meta_text.ok()) return Status::Error("cached copy unusable: " + meta_text.status().message());
  Result<CachedListMeta> meta = ParseMeta(*meta_text, meta_path);
  if (!meta.ok()) return Status::Error("cached copy unusable: " + meta.status().message());
  Result<std::string> data = ReadFile(data_path);
  if (!data.ok()) return Status::Error("cached copy unusable: " + data.status().message());
  if (data->size() != meta->size) {
    return Status::Error("cached copy unusable: " + data_path.string() + " has " +
                         std::to_string(data->size()) + " bytes, its metadata says " +
                         std::to_string(meta->size) + " (partial or interrupted write?)");
  }
  if (Sha256Hex(*data) != meta->sha256) {
    return Status::Error("cached copy unusable: " + data_path.string() +
                         " does not match the SHA-256 in " + meta_path.string() +
                         " (corrupted or edited?)");
  }
  return CachedList{data_path, std::move(meta).value()};
}

Result<std::filesystem::path> WatchlistCache::WriteTemp(const WatchlistConfig& list,
                                                        std::string_view body) const {
  if (Status dir = EnsureDir(); !dir.ok()) return dir;
  return WriteSyncedTemp(dir_, FileStem(list.id), body);
}

Status WatchlistCache::Commit(const WatchlistConfig& list, const std::filesystem::path& temp,
                              CachedListMeta meta) const {
  Result<std::string> data = ReadFile(temp);
  if (!data.ok()) return data.status();
  meta.size = data->size();
  meta.sha256 = Sha256Hex(*data);
  // Data first, then metadata: a crash in between leaves a copy that does
  // not match its metadata, which Read() rejects rather than trusting.
  if (Status renamed = Rename(temp, DataPath(list)); !renamed.ok()) return renamed;
  return WriteMeta(list, meta);
}

void WatchlistCache::Discard(const std::filesystem::path& temp) const {
  std::error_code ignored;
  std::filesystem::remove(temp, ignored);
}

Status WatchlistCache::WriteMeta(const WatchlistConfig& list, const CachedListMeta& meta) const {
  if (Status dir = EnsureDir(); !dir.ok()) return dir;
  Result<std::filesystem::path> temp = WriteSyncedTemp(dir_, FileStem(list.id), MetaJson(meta));
  if (!temp.ok()) return temp.status();
  if (Status renamed = Rename(*temp, MetaPath(list)); !renamed.ok()) {
    Discard(*temp);
    return renamed;
  }
  return SyncDir(dir_);
}

}  // namespace vigil
