#include "vigil/alert/signer.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {
namespace {

constexpr std::string_view kSecretPrefix = "whsec_";
constexpr std::string_view kVersionPrefix = "v1,";

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

std::string Base64Encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(n < 0 ? 0 : static_cast<size_t>(n));
  return out;
}

// The base64 signature alone, without the "v1," prefix.
Result<std::string> ComputeSignature(std::string_view secret, std::string_view msg_id,
                                     int64_t timestamp_s, std::string_view body) {
  Result<std::string> key = DecodeWebhookSecret(secret);
  if (!key.ok()) return key.status();
  std::string content;
  content.reserve(msg_id.size() + body.size() + 24);
  content.append(msg_id).append(".").append(std::to_string(timestamp_s)).append(".");
  content.append(body);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (HMAC(EVP_sha256(), key->data(), static_cast<int>(key->size()),
           reinterpret_cast<const unsigned char*>(content.data()), content.size(), mac,
           &mac_len) == nullptr) {
    return Status::Error("webhook signing: HMAC-SHA256 failed");
  }
  return Base64Encode(std::string_view(reinterpret_cast<const char*>(mac), mac_len));
}

}  // namespace

std::optional<std::string> WebhookSecretKey(std::string_view secret) {
  if (!secret.starts_with(kSecretPrefix)) return std::nullopt;
  std::optional<std::string> key = DecodeBase64(secret.substr(kSecretPrefix.size()));
  if (!key || key->empty()) return std::nullopt;
  return key;
}

Result<std::string> DecodeWebhookSecret(std::string_view secret) {
  // Messages never include the secret: they end up in logs.
  if (secret.substr(0, kSecretPrefix.size()) != kSecretPrefix) {
    return Status::Error("webhook secret must start with \"whsec_\"");
  }
  // One decoder for config validation and signing, so a secret the config
  // accepts always signs.
  std::optional<std::string> key = WebhookSecretKey(secret);
  if (!key) return Status::Error("webhook secret is not a non-empty base64 key after \"whsec_\"");
  return *key;
}

Result<std::string> SignWebhook(std::string_view secret, std::string_view msg_id,
                                int64_t timestamp_s, std::string_view body) {
  Result<std::string> signature = ComputeSignature(secret, msg_id, timestamp_s, body);
  if (!signature.ok()) return signature.status();
  return std::string(kVersionPrefix) + *signature;
}

Result<std::string> SignWebhookWithEach(const std::vector<std::string>& secrets,
                                        std::string_view msg_id, int64_t timestamp_s,
                                        std::string_view body) {
  if (secrets.empty()) return Status::Error("webhook signing: no secret configured");
  std::string header;
  for (const std::string& secret : secrets) {
    Result<std::string> signature = SignWebhook(secret, msg_id, timestamp_s, body);
    if (!signature.ok()) return signature.status();
    if (!header.empty()) header.push_back(' ');
    header.append(*signature);
  }
  return header;
}

bool VerifyWebhook(std::string_view secret, std::string_view msg_id, int64_t timestamp_s,
                   std::string_view body, std::string_view signature_header) {
  Result<std::string> expected = ComputeSignature(secret, msg_id, timestamp_s, body);
  if (!expected.ok()) return false;
  bool valid = false;
  size_t pos = 0;
  while (pos <= signature_header.size()) {
    size_t space = signature_header.find(' ', pos);
    if (space == std::string_view::npos) space = signature_header.size();
    std::string_view entry = signature_header.substr(pos, space - pos);
    pos = space + 1;
    if (entry.substr(0, kVersionPrefix.size()) != kVersionPrefix) continue;
    std::string_view candidate = entry.substr(kVersionPrefix.size());
    // Length is not secret (always 44 for SHA-256); the bytes are.
    if (candidate.size() == expected->size() &&
        CRYPTO_memcmp(candidate.data(), expected->data(), candidate.size()) == 0) {
      valid = true;
    }
  }
  return valid;
}

}  // namespace vigil
