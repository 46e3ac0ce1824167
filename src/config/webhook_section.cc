// webhooks:.
#include <array>

#include "config_sections.h"
#include "secret_value.h"
#include "secrets.h"
#include "vigil/alert/signer.h"

namespace vigil {

namespace {

constexpr std::array<std::string_view, 6> kWebhookKeys = {"id",      "url",     "secret",
                                                          "secrets", "timeout", "backoff"};
// More retries than this is a misconfiguration (the default has 7).
constexpr size_t kMaxBackoffSteps = 100;

// One signing secret. Never quotes the value, not even a malformed one: it
// may be a real key pasted without its prefix.
std::optional<std::string> ReadSecretValue(const YamlField& field, const ConfigContext& context) {
  YamlDiagnostics& diag = context.diag;
  // A string, {env: NAME}, {credential: NAME} or {file: path}.
  std::optional<std::string> secret = ReadSecret(field, context);
  if (!secret) return std::nullopt;
  if (!secret->starts_with("whsec_")) {
    diag.Error(field.mark(), field.path + " must start with 'whsec_' (Standard Webhooks)");
    return std::nullopt;
  }
  if (!WebhookSecretKey(*secret)) {
    diag.Error(field.mark(), field.path + " must be 'whsec_' followed by a non-empty base64 key");
    return std::nullopt;
  }
  return secret;
}

// `secret:` and, during key rotation, `secrets: [...]`: every one signs each
// attempt, so a receiver can switch keys without a gap. `secret` is required
// (one value, not a list); the others become `extra_secrets`.
void ReadSecrets(const YamlFields& fields, const YamlField& item, const ConfigContext& context,
                 WebhookEndpoint& webhook) {
  if (Require(fields, item, "secret", context.diag)) {
    if (auto secret = ReadSecretValue(fields.at("secret"), context)) webhook.secret = *secret;
  }
  auto it = fields.find("secrets");
  if (it == fields.end()) return;
  for (const YamlField& entry : ReadList(it->second, context.diag)) {
    if (auto secret = ReadSecretValue(entry, context)) webhook.extra_secrets.push_back(*secret);
  }
}

void ReadBackoff(const YamlField& field, YamlDiagnostics& diag, WebhookEndpoint& webhook) {
  std::vector<YamlField> steps = ReadList(field, diag);
  if (steps.size() > kMaxBackoffSteps) {
    diag.Error(field.mark(), field.path + " must have at most " +
                                 std::to_string(kMaxBackoffSteps) + " delays, not " +
                                 std::to_string(steps.size()));
    return;
  }
  // An explicit empty list is allowed: one attempt, then the dead letters.
  std::vector<std::chrono::milliseconds> backoff;
  for (const YamlField& step : steps) {
    auto delay = ReadDuration(step, std::chrono::milliseconds(1), diag);
    if (!delay) return;
    backoff.push_back(*delay);
  }
  webhook.backoff = std::move(backoff);
}

void ReadWebhook(const YamlField& item, const ConfigContext& context, IdSet& ids,
                 WebhookEndpoint& webhook) {
  YamlDiagnostics& diag = context.diag;
  YamlFields fields = ReadMap(item, kWebhookKeys, diag);
  if (!item.value.IsMap()) return;
  ReadItemId(fields, item, ids, diag, webhook.id);
  if (Require(fields, item, "url", diag)) {
    const YamlField& field = fields.at("url");
    if (auto url = ReadString(field, diag)) {
      // Never quoted: a rejected URL may hold a password.
      if (!IsHttpUrl(*url)) {
        diag.Error(field.mark(),
                   field.path + " must be an http:// or https:// URL with a host and no spaces");
      } else if (UrlHasUserinfo(*url)) {
        diag.Error(field.mark(), field.path + " must not contain user:password@ (the secret "
                                              "authenticates Vigil to the receiver)");
      } else if (url->find('#') != std::string::npos) {
        diag.Error(field.mark(), field.path + " must not contain a #fragment");
      } else {
        webhook.url = *url;
      }
    }
  }
  ReadSecrets(fields, item, context, webhook);
  if (auto it = fields.find("timeout"); it != fields.end()) {
    if (auto timeout = ReadDuration(it->second, std::chrono::milliseconds(1), diag)) {
      webhook.timeout = *timeout;
    }
  }
  if (auto it = fields.find("backoff"); it != fields.end()) ReadBackoff(it->second, diag, webhook);
}

}  // namespace

void ReadWebhooks(const YamlField& field, const ConfigContext& context,
                  std::vector<WebhookEndpoint>& out) {
  ReadItems(field, context, "webhook", out, ReadWebhook);
}

}  // namespace vigil
