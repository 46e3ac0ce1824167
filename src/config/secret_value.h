// Secret-bearing config values (webhooks[].secret, webhooks[].secrets[],
// sources[].headers values) may be written in the file or kept out of it:
//
//   secret: whsec_...                  # plain string
//   secret: {env: VIGIL_HOOK_SECRET}   # environment variable
//   secret: {credential: hook_secret}  # $CREDENTIALS_DIRECTORY/hook_secret,
//                                      # as systemd's LoadCredential= provides
//   secret: {file: secrets/hook.key}   # any file, relative to the config folder
//
// Files lose their trailing line breaks. Private to the config module.
#ifndef VIGIL_SRC_CONFIG_SECRET_VALUE_H_
#define VIGIL_SRC_CONFIG_SECRET_VALUE_H_

#include <optional>
#include <string>

#include "config_sections.h"

namespace vigil {

// The secret `field` holds or points to. On failure reports one error at the
// field ("file:line:col: <path>: environment variable X is not set", ...)
// and returns nullopt. Messages name the key, the variable, the credential
// or the file, never the value.
std::optional<std::string> ReadSecret(const YamlField& field, const ConfigContext& context);

}  // namespace vigil

#endif  // VIGIL_SRC_CONFIG_SECRET_VALUE_H_
