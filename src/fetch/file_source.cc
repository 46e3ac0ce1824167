#include "src/fetch/file_source.h"

#include <time.h>

#include <cctype>
#include <cstdio>
#include <string_view>
#include <system_error>

namespace vigil::fetch_internal {
namespace {

constexpr std::string_view kFileScheme = "file://";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 &&
        HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

bool IsFileUrl(const std::string& url) { return StartsWithNoCase(url, kFileScheme); }

Result<std::filesystem::path> FileUrlPath(const std::string& url) {
  std::string_view rest = std::string_view(url).substr(kFileScheme.size());
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) {
    return Status::Error(StatusCode::kInvalidArgument, "file URL has no path: " + url);
  }
  std::string_view host = rest.substr(0, slash);
  if (!host.empty() && !StartsWithNoCase(host, "localhost")) {
    return Status::Error(StatusCode::kInvalidArgument, "file URL must be local: " + url);
  }
  std::string_view path = rest.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  return std::filesystem::path(PercentDecode(path));
}

std::string HttpDate(std::chrono::system_clock::time_point time) {
  time_t seconds = std::chrono::system_clock::to_time_t(time);
  struct tm utc;
  gmtime_r(&seconds, &utc);
  // Spelled out rather than strftime("%a"), which follows the locale.
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed",
                                          "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[40];
  snprintf(buffer, sizeof(buffer), "%s, %02d %s %04d %02d:%02d:%02d GMT",
           kDays[utc.tm_wday], utc.tm_mday, kMonths[utc.tm_mon], utc.tm_year + 1900,
           utc.tm_hour, utc.tm_min, utc.tm_sec);
  return buffer;
}

Result<FileInfo> StatFile(const std::filesystem::path& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    return Status::Error(StatusCode::kNotFound, "file not found: " + path.string());
  }
  if (ec) return Status::Error(StatusCode::kIoError, path.string() + ": " + ec.message());
  if (status.type() != std::filesystem::file_type::regular) {
    return Status::Error(StatusCode::kInvalidArgument, "not a regular file: " + path.string());
  }
  FileInfo info;
  info.path = path;
  info.size = std::filesystem::file_size(path, ec);
  if (ec) return Status::Error(StatusCode::kIoError, path.string() + ": " + ec.message());
  auto mtime = std::filesystem::last_write_time(path, ec);
  if (ec) return Status::Error(StatusCode::kIoError, path.string() + ": " + ec.message());
  info.last_modified = HttpDate(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(
          std::chrono::file_clock::to_sys(mtime)));
  info.etag = "\"file-" + std::to_string(mtime.time_since_epoch().count()) + "-" +
              std::to_string(info.size) + "\"";
  return info;
}

}  // namespace vigil::fetch_internal
