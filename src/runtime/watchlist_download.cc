#include "watchlist_download.h"

#include <algorithm>

#include "vigil/base/time.h"
#include "vigil/fetch/http_client.h"
#include "vigil/match/matcher.h"

namespace vigil {

namespace {

ListDownload Failed(std::string error) {
  ListDownload result;
  result.kind = ListDownload::Kind::kFailed;
  result.error = std::move(error);
  return result;
}

// Loader errors name the temp file; name the URL instead, which is what the
// operator can act on.
std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

FetchLimits ListFetchLimits(const FetchLimits& global) {
  FetchLimits limits = global;
  limits.max_body = std::max<uint64_t>(global.max_body, kListMaxBody);
  limits.timeout = std::max<std::chrono::milliseconds>(global.timeout, kListTimeout);
  return limits;
}

ListDownload DownloadWatchlist(const WatchlistConfig& list, const FetchLimits& limits,
                               const WatchlistCache& cache, const std::atomic<bool>* cancel) {
  Result<CachedList> cached = cache.Read(list);
  bool have_copy = cached.ok() && cached->meta.url == list.url;

  FetchRequest request;
  request.url = list.url;
  request.limits = limits;
  request.cancel = cancel;
  if (have_copy) {
    request.etag = cached->meta.etag;
    request.last_modified = cached->meta.last_modified;
  }
  Result<FetchResponse> response = Fetch(request);
  if (!response.ok()) return Failed(response.status().message());

  int64_t now = NowUnixMs();
  // A server without validators sends the same bytes again: no rebuild.
  bool same_bytes = have_copy && !response->not_modified &&
                    response->body.size() == cached->meta.size &&
                    Sha256Hex(response->body) == cached->meta.sha256;
  if (response->not_modified || same_bytes) {
    // A 304 means our copy is current, not an error.
    if (!have_copy) return Failed("GET " + RedactUrl(list.url) + ": 304 without a cached copy");
    CachedListMeta meta = cached->meta;
    meta.checked_at_ms = now;
    if (!response->etag.empty()) meta.etag = response->etag;
    if (!response->last_modified.empty()) meta.last_modified = response->last_modified;
    Status written = cache.WriteMeta(list, meta);
    if (!written.ok()) return Failed("not modified, but " + written.message());
    ListDownload result;
    result.kind = ListDownload::Kind::kNotModified;
    return result;
  }

  Result<std::filesystem::path> temp = cache.WriteTemp(list, response->body);
  if (!temp.ok()) return Failed("cannot keep the downloaded copy: " + temp.status().message());
  WatchlistConfig parse_config = list;
  parse_config.path = *temp;
  Result<Watchlist> loaded = LoadWatchlist(parse_config);
  std::string source = RedactUrl(list.url);
  if (!loaded.ok()) {
    cache.Discard(*temp);
    return Failed("downloaded copy is not a valid " + std::string(ListFormatName(list.format)) + " list: " +
                  ReplaceAll(loaded.status().message(), temp->string(), source));
  }
  // Compiled alone before it is kept, so that neither this daemon nor the
  // next start-up ever adopts a copy the matcher rejects.
  Result<std::shared_ptr<const Matcher>> compiled = Matcher::Build({*loaded}, {});
  if (!compiled.ok()) {
    cache.Discard(*temp);
    return Failed("downloaded copy cannot be compiled: " + compiled.status().message());
  }
  CachedListMeta meta;
  meta.url = list.url;
  meta.etag = response->etag;
  meta.last_modified = response->last_modified;
  meta.fetched_at_ms = now;
  meta.checked_at_ms = now;
  Status committed = cache.Commit(list, *temp, meta);
  if (!committed.ok()) {
    cache.Discard(*temp);
    return Failed("cannot keep the downloaded copy: " + committed.message());
  }
  ListDownload result;
  result.kind = ListDownload::Kind::kUpdated;
  result.bytes = response->body.size();
  result.list = std::move(loaded).value();
  return result;
}

}  // namespace vigil
