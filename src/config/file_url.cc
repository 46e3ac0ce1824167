#include "file_url.h"

#include <cctype>

namespace vigil {

namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = HexValue(text[i + 1]);
    int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  // A NUL byte cannot be part of a path.
  if (out.find('\0') != std::string::npos) return std::nullopt;
  return out;
}

// RFC 3986 pchar minus '%', plus '/': what may stay literal in a path.
bool IsPathSafe(unsigned char c) {
  if (std::isalnum(c)) return true;
  static constexpr std::string_view kSafe = "-._~!$&'()*+,;=:@/";
  return kSafe.find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

bool IsFileUrl(std::string_view url) { return StartsWithNoCase(url, "file:"); }

std::string PathToFileUrl(const std::filesystem::path& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path.generic_string()) {
    if (IsPathSafe(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

std::optional<std::string> ResolveFileUrl(std::string_view url,
                                          const std::filesystem::path& base_dir) {
  if (!IsFileUrl(url)) return std::nullopt;
  std::string_view rest = url.substr(5);
  if (rest.find_first_of("?#") != std::string_view::npos) return std::nullopt;
  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
    size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    std::string_view host = rest.substr(0, slash);
    if (!host.empty() && !StartsWithNoCase(host, "localhost")) return std::nullopt;
    if (!host.empty() && host.size() != 9) return std::nullopt;
    rest.remove_prefix(slash);
  }
  std::optional<std::string> decoded = PercentDecode(rest);
  if (!decoded || decoded->empty()) return std::nullopt;
  std::filesystem::path path(*decoded);
  if (path.is_relative()) path = base_dir / path;
  path = path.lexically_normal();
  if (!path.has_filename()) return std::nullopt;  // a folder, not a file
  return PathToFileUrl(path);
}

std::optional<std::filesystem::path> FileUrlToPath(std::string_view url) {
  if (!StartsWithNoCase(url, "file:///")) return std::nullopt;
  std::optional<std::string> decoded = PercentDecode(url.substr(7));
  if (!decoded) return std::nullopt;
  return std::filesystem::path(*decoded);
}

}  // namespace vigil
