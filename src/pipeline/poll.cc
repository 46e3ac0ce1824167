#include "vigil/pipeline/poll.h"

#include <exception>

#include "vigil/base/time.h"

namespace vigil {

PollResult PollSource(const FetchRequest& request, const std::string& type) {
  PollResult result;
  try {
    result.fetch = Fetch(request);
    result.fetched_unix_ms = NowUnixMs();
    const Result<FetchResponse>& fetched = result.fetch;
    if (fetched.ok() && !fetched->not_modified) {
      ParseInput input;
      input.body = fetched->body;
      input.content_type = fetched->content_type;
      input.url = fetched->effective_url.empty() ? request.url : fetched->effective_url;
      input.type = type;
      result.parsed.emplace(Parse(input));
    }
  } catch (const std::exception& e) {  // last resort: both return errors as values
    result.fetch = Status::Error(std::string("internal error: ") + e.what());
    result.parsed.reset();
  }
  return result;
}

PollFailure FetchFailure(const Status& fetch_error) {
  switch (fetch_error.code()) {
    case StatusCode::kTimeout: return PollFailure::kTimeout;
    case StatusCode::kTooLarge: return PollFailure::kTooLarge;
    case StatusCode::kRedirect: return PollFailure::kRedirects;
    case StatusCode::kHttpStatus: return PollFailure::kHttp;
    default: return PollFailure::kNetwork;
  }
}

}  // namespace vigil
