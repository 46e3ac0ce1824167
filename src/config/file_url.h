// file: URLs as sources use them. After LoadConfig every file source URL is
// in the canonical form "file:///absolute/path" with unsafe bytes (spaces,
// '%', '?', '#', non-ASCII, ...) percent-encoded.
#ifndef VIGIL_SRC_CONFIG_FILE_URL_H_
#define VIGIL_SRC_CONFIG_FILE_URL_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace vigil {

// True if `url` starts with "file:" (any case).
bool IsFileUrl(std::string_view url);

// Canonicalizes a file: URL. Accepted forms:
//   file:///abs/path, file://localhost/abs/path, file:/abs/path  -> absolute
//   file:rel/path  -> resolved against `base_dir` (which must be absolute)
// Percent-escapes in the input are decoded first, so "file:my%20feed.xml"
// and "file:my feed.xml" name the same file. Returns nullopt for another
// host, an empty path, a query or fragment, or a malformed escape.
std::optional<std::string> ResolveFileUrl(std::string_view url,
                                          const std::filesystem::path& base_dir);

// "file:///abs/path" with percent-encoding; `path` must be absolute.
std::string PathToFileUrl(const std::filesystem::path& path);

// The local path a canonical "file:///..." URL names (percent-decoded), or
// nullopt if `url` is not of that form. For the fetcher.
std::optional<std::filesystem::path> FileUrlToPath(std::string_view url);

}  // namespace vigil

#endif  // VIGIL_SRC_CONFIG_FILE_URL_H_
