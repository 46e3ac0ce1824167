// Standard Webhooks signing (https://www.standardwebhooks.com/).
#ifndef VIGIL_ALERT_SIGNER_H_
#define VIGIL_ALERT_SIGNER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"

namespace vigil {

// The raw key bytes of a Standard Webhooks secret "whsec_<base64>", or
// nullopt if the prefix is missing, the base64 is malformed (standard
// alphabet; '=' padding optional) or the key is empty.
std::optional<std::string> WebhookSecretKey(std::string_view secret);

// Decodes a "whsec_<base64>" secret into raw key bytes. Fails (without
// echoing the secret) when the prefix is missing or the base64 is bad.
Result<std::string> DecodeWebhookSecret(std::string_view secret);

// "v1,<base64 HMAC-SHA256(key, msg_id + "." + timestamp + "." + body)>".
Result<std::string> SignWebhook(std::string_view secret, std::string_view msg_id,
                                int64_t timestamp_s, std::string_view body);

// One "v1,<sig>" per secret, space-separated, in order: during key rotation
// the receiver accepts whichever of its keys matches. Fails when `secrets`
// is empty or any of them is malformed.
Result<std::string> SignWebhookWithEach(const std::vector<std::string>& secrets,
                                        std::string_view msg_id, int64_t timestamp_s,
                                        std::string_view body);

// True when any space-separated "v1,..." entry in `signature_header` is the
// valid signature (constant-time comparison). For receivers and tests.
bool VerifyWebhook(std::string_view secret, std::string_view msg_id,
                   int64_t timestamp_s, std::string_view body,
                   std::string_view signature_header);

}  // namespace vigil

#endif  // VIGIL_ALERT_SIGNER_H_
