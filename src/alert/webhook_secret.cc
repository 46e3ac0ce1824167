// The key inside a Standard Webhooks secret ("whsec_<base64>"). The config
// checks secrets with it when it loads them; the signer uses the key.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vigil/alert/signer.h"

namespace vigil {

namespace {

constexpr std::string_view kWebhookSecretPrefix = "whsec_";

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  // Padding is optional, but when present it must complete the last quad.
  size_t padding = 0;
  while (!text.empty() && text.back() == '=' && padding < 2) {
    text.remove_suffix(1);
    ++padding;
  }
  if (padding > 0 && (text.size() + padding) % 4 != 0) return std::nullopt;
  if (text.size() % 4 == 1) return std::nullopt;  // not a whole number of bytes
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value = Base64Value(c);
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> WebhookSecretKey(std::string_view secret) {
  if (!secret.starts_with(kWebhookSecretPrefix)) return std::nullopt;
  std::optional<std::string> key = DecodeBase64(secret.substr(kWebhookSecretPrefix.size()));
  if (!key || key->empty()) return std::nullopt;
  return key;
}

}  // namespace vigil
