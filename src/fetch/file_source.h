// file:// support for Fetch: where the URL points and the validator made
// from the file's mtime, so file sources get conditional fetches like HTTP.
#ifndef VIGIL_SRC_FETCH_FILE_SOURCE_H_
#define VIGIL_SRC_FETCH_FILE_SOURCE_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "vigil/base/status.h"

namespace vigil::fetch_internal {

bool IsFileUrl(const std::string& url);

// "file:///a/b%20c" -> "/a/b c". Accepts an empty or "localhost" host only.
Result<std::filesystem::path> FileUrlPath(const std::string& url);

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate), C locale.
std::string HttpDate(std::chrono::system_clock::time_point time);

struct FileInfo {
  std::filesystem::path path;
  uint64_t size = 0;
  std::string last_modified;  // HttpDate of the mtime
  // mtime to the nanosecond plus size: catches a rewrite within the second
  // that last_modified (whole seconds) cannot see.
  std::string etag;
};

// Errors: "file not found: /p", "not a regular file: /p", or the OS error.
Result<FileInfo> StatFile(const std::filesystem::path& path);

}  // namespace vigil::fetch_internal

#endif  // VIGIL_SRC_FETCH_FILE_SOURCE_H_
