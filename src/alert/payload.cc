#include "vigil/alert/payload.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <nlohmann/json.hpp>
#include <random>

#include "vigil/base/time.h"

namespace vigil {
namespace {

// Keys keep insertion order so the payload reads as documented.
using Json = nlohmann::ordered_json;

std::string Hex(const unsigned char* bytes, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 0x0f]);
  }
  return out;
}

}  // namespace

Json MatchToJson(const Match& match) {
  Json json;
  if (match.kind == MatchKind::kEntity) {
    json["kind"] = "entity";
    json["list"] = match.list_id;
    json["entity_id"] = match.entity_id;
    json["name"] = match.entity_name;
  } else {
    json["kind"] = "keyword";
    json["keyword_id"] = match.keyword_id;
  }
  json["matched"] = match.matched;
  json["start"] = match.start;
  json["end"] = match.end;
  json["snippet"] = match.snippet;
  if (match.kind == MatchKind::kEntity) {
    json["score"] = match.score;
    json["matched_name"] = match.matched_name;
    json["rule"] = match.rule;
  }
  return json;
}

std::string NewAlertId() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    // OpenSSL's CSPRNG only fails when it cannot be seeded; fall back to the
    // kernel's generator (getrandom on Linux) rather than throw.
    std::random_device device;
    for (unsigned char& byte : bytes) byte = static_cast<unsigned char>(device());
  }
  return "alrt_" + Hex(bytes, sizeof bytes);
}

std::string WebhookMessageId(const std::string& alert_id, const std::string& webhook_id) {
  std::string input = alert_id + "\n" + webhook_id;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  EVP_Digest(input.data(), input.size(), digest, &digest_len, EVP_sha256(), nullptr);
  return "msg_" + Hex(digest, digest_len).substr(0, 32);
}

std::string BuildAlertPayload(const std::string& alert_id, const std::string& source_id,
                              const AlertDocument& document,
                              const std::vector<Match>& matches) {
  Json doc;
  doc["url"] = document.url;
  doc["title"] = document.title;
  doc["published"] = document.published_unix_ms
                         ? Json(FormatRfc3339(*document.published_unix_ms))
                         : Json(nullptr);
  doc["fetched_at"] = FormatRfc3339(document.fetched_unix_ms);

  Json match_list = Json::array();
  for (const Match& match : matches) match_list.push_back(MatchToJson(match));

  Json payload;
  payload["type"] = "vigil.hit";
  payload["alert_id"] = alert_id;
  payload["source"] = source_id;
  payload["document"] = std::move(doc);
  payload["matches"] = std::move(match_list);
  // Invalid UTF-8 from a feed becomes U+FFFD instead of throwing; valid
  // UTF-8 is kept as is (not \u-escaped).
  return payload.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace vigil
