// The store's source_state table: what the daemon keeps per source across
// restarts (validators, next poll, failure counts).
#ifndef VIGIL_STORE_SOURCE_STATE_STORE_H_
#define VIGIL_STORE_SOURCE_STATE_STORE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/model/poll_failure.h"

namespace vigil {

// Per-source polling state; survives restarts.
struct SourceState {
  std::string source_id;
  // The URL the validators below belong to; state saved for another URL
  // (the source's url was edited) must not be sent to the new one.
  std::string url;
  std::string etag;
  std::string last_modified;
  int64_t next_poll_unix_ms = 0;  // 0: poll at once
  int error_count = 0;            // consecutive failures
  std::string last_error;
  int64_t last_success_unix_ms = 0;
  // Lifetime counters, for `vigil sources` and the logs (schema version 2).
  int64_t polls_total = 0;
  int64_t failures_total = 0;
  std::optional<PollFailure> last_error_kind;  // of the last failure; none before one
  int64_t last_failure_unix_ms = 0;
  // Failures by kind since the source was first polled, e.g. {kHttp: 3}.
  std::map<PollFailure, int64_t> failures_by_kind;
};

// The part of the store the source scheduler and `vigil sources` use.
class SourceStateStore {
 public:
  virtual ~SourceStateStore() = default;

  // nullopt when never stored.
  virtual Result<std::optional<SourceState>> GetSourceState(const std::string& source_id) = 0;
  virtual Status PutSourceState(const SourceState& state) = 0;
  // Every stored source state, by source id.
  virtual Result<std::vector<SourceState>> ListSourceStates() = 0;
};

}  // namespace vigil

#endif  // VIGIL_STORE_SOURCE_STATE_STORE_H_
