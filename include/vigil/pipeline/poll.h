// One poll of a source: a conditional GET, then, unless the source was not
// modified, the parse. The first half of a document's path; Ingest is the
// second.
#ifndef VIGIL_PIPELINE_POLL_H_
#define VIGIL_PIPELINE_POLL_H_

#include <cstdint>
#include <optional>
#include <string>

#include "vigil/base/status.h"
#include "vigil/fetch/http_client.h"
#include "vigil/model/poll_failure.h"
#include "vigil/parse/parser.h"

namespace vigil {

struct PollResult {
  Result<FetchResponse> fetch = Status::Error("not polled");
  // The parsed body; unset when the fetch failed or answered not modified.
  std::optional<Result<ParsedDocument>> parsed;
  int64_t fetched_unix_ms = 0;  // when the fetch ended
};

// Fetches `request` and parses the body as `type` ("auto", "feed", "html"
// or "text"), relative links against the URL it came from after redirects.
// Blocking: the daemon runs it on its worker pool. Never throws: an
// exception (which neither half should raise) becomes a failed fetch.
PollResult PollSource(const FetchRequest& request, const std::string& type);

// The kind of a failed fetch, from its Status code, for the per-source
// failure counts: timeout, too large, redirects, HTTP status, and network for
// the rest. (Polls also fail as kParse and kStorage, which the fetch never
// says.)
PollFailure FetchFailure(const Status& fetch_error);

}  // namespace vigil

#endif  // VIGIL_PIPELINE_POLL_H_
