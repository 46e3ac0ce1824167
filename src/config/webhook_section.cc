// webhooks:.
#include <array>

#include "config_sections.h"
#include "secret_value.h"
#include "vigil/config/secrets.h"

namespace vigil {

namespace {

constexpr std::array<std::string_view, 4> kWebhookKeys = {"id", "url", "secret", "timeout"};

void ReadWebhook(const YamlField& item, const ConfigContext& context, IdSet& ids,
                 WebhookConfig& webhook) {
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
  if (Require(fields, item, "secret", diag)) {
    // Never quote the secret, not even a malformed one: it may be a real key
    // pasted without its prefix.
    const YamlField& field = fields.at("secret");
    if (auto secret = ReadSecret(field, context)) {  // also {env:}, {credential:}, {file:}
      if (!secret->starts_with("whsec_")) {
        diag.Error(field.mark(), field.path + " must start with 'whsec_' (Standard Webhooks)");
      } else if (!WebhookSecretKey(*secret)) {
        diag.Error(field.mark(),
                   field.path + " must be 'whsec_' followed by a non-empty base64 key");
      } else {
        webhook.secret = *secret;
      }
    }
  }
  if (auto it = fields.find("timeout"); it != fields.end()) {
    if (auto timeout = ReadDuration(it->second, std::chrono::milliseconds(1), diag)) {
      webhook.timeout = *timeout;
    }
  }
}

}  // namespace

void ReadWebhooks(const YamlField& field, const ConfigContext& context,
                  std::vector<WebhookConfig>& out) {
  ReadItems(field, context, "webhook", out, ReadWebhook);
}

}  // namespace vigil
