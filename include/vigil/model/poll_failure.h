// Why a poll of a source failed, as counted per source (the store keeps the
// counts, the daemon records them, `vigil sources` shows them). Declared in
// the order of their names, so that a map keyed by them lists them as the
// names sort.
#ifndef VIGIL_MODEL_POLL_FAILURE_H_
#define VIGIL_MODEL_POLL_FAILURE_H_

#include <optional>
#include <string_view>

namespace vigil {

enum class PollFailure {
  kHttp,       // "http": the server answered with an error status
  kNetwork,    // "network": DNS, connect, TLS, a refused address, anything else
  kParse,      // "parse": not a feed or page Vigil can read
  kRedirects,  // "redirects": too many, or to a refused location
  kStorage,    // "storage": the database refused the write
  kTimeout,    // "timeout": the fetch's deadline passed
  kTooLarge,   // "too_large": the body is over fetch.max_body
};

// "http", "network", ...: the names stored and shown.
std::string_view PollFailureName(PollFailure failure);
// The inverse; nullopt for a name that is none of them.
std::optional<PollFailure> ParsePollFailure(std::string_view name);

}  // namespace vigil

#endif  // VIGIL_MODEL_POLL_FAILURE_H_
