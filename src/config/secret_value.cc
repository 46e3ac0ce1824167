#include "secret_value.h"

#include <array>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace vigil {

namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 3> kSourceKeys = {"env", "credential", "file"};
// Keys, tokens and certificates are far smaller; a bigger file is a mistake
// (a wrong path), not a secret.
constexpr uintmax_t kMaxSecretFileBytes = 64 * 1024;

bool IsEnvName(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  for (unsigned char c : name) {
    if (!std::isalnum(c) && c != '_') return false;
  }
  return true;
}

// systemd's rule for credential names: a file name, no path.
bool IsCredentialName(std::string_view name) {
  return !name.empty() && name != "." && name != ".." &&
         name.find('/') == std::string_view::npos && name.find('\0') == std::string_view::npos;
}

// systemd writes credentials as given; editors and `echo` add a line break.
std::string TrimTrailingLineBreaks(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// The contents of `path`, or an error text naming `what` (never the contents).
std::optional<std::string> ReadSecretFile(const fs::path& path, const std::string& what,
                                          std::string& error) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec) {
    error = "cannot read " + what + " (" + path.string() + "): " + ec.message();
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    error = what + " (" + path.string() + ") is not a regular file";
    return std::nullopt;
  }
  uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxSecretFileBytes) {
    error = what + " (" + path.string() + ") is larger than 64 KiB";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + what + " (" + path.string() + "): " + std::strerror(errno);
    return std::nullopt;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = "cannot read " + what + " (" + path.string() + ")";
    return std::nullopt;
  }
  text = TrimTrailingLineBreaks(std::move(text));
  if (text.empty()) {
    error = what + " (" + path.string() + ") is empty";
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> FromEnv(const std::string& name, std::string& error) {
  if (!IsEnvName(name)) {
    error = "env must name an environment variable (letters, digits and _)";
    return std::nullopt;
  }
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) {
    error = "environment variable " + name + " is not set";
    return std::nullopt;
  }
  if (*value == '\0') {
    error = "environment variable " + name + " is empty";
    return std::nullopt;
  }
  return std::string(value);
}

std::optional<std::string> FromCredential(const std::string& name, std::string& error) {
  if (!IsCredentialName(name)) {
    error = "credential must be a credential name (a file name, no '/')";
    return std::nullopt;
  }
  const char* directory = std::getenv("CREDENTIALS_DIRECTORY");
  if (directory == nullptr || *directory == '\0') {
    error = "credential '" + name +
            "' needs $CREDENTIALS_DIRECTORY, which systemd sets for a unit with "
            "LoadCredential=" + name + ":<path>; it is not set";
    return std::nullopt;
  }
  return ReadSecretFile(fs::path(directory) / name, "credential '" + name + "'", error);
}

}  // namespace

std::optional<std::string> ReadSecret(const YamlField& field, const ConfigContext& context) {
  YamlDiagnostics& diag = context.diag;
  if (!field.value.IsMap()) return ReadString(field, diag);
  YamlFields fields = ReadMap(field, kSourceKeys, diag);
  if (fields.size() != 1) {
    // ReadMap has already reported unknown keys; an empty map is ours.
    if (fields.empty() && field.value.size() == 0) {
      diag.Error(field.mark(), field.path + " must be a string or a map with one of env, "
                                            "credential or file");
    } else if (fields.size() > 1) {
      diag.Error(field.mark(), field.path + " must have only one of env, credential or file");
    }
    return std::nullopt;
  }
  const auto& [kind, source] = *fields.begin();
  std::optional<std::string> name = ReadString(source, diag);
  if (!name) return std::nullopt;
  std::string error;
  std::optional<std::string> secret;
  if (kind == "env") {
    secret = FromEnv(*name, error);
  } else if (kind == "credential") {
    secret = FromCredential(*name, error);
  } else if (name->empty()) {
    error = "file must name a file";
  } else {
    secret = ReadSecretFile(ResolvePath(context, *name), "secret file", error);
  }
  if (!secret) diag.Error(source.mark(), field.path + ": " + error);
  return secret;
}

}  // namespace vigil
