#include "vigil/model/poll_failure.h"

namespace vigil {

std::string_view PollFailureName(PollFailure failure) {
  switch (failure) {
    case PollFailure::kHttp: return "http";
    case PollFailure::kNetwork: return "network";
    case PollFailure::kParse: return "parse";
    case PollFailure::kRedirects: return "redirects";
    case PollFailure::kStorage: return "storage";
    case PollFailure::kTimeout: return "timeout";
    case PollFailure::kTooLarge: return "too_large";
  }
  return "network";
}

std::optional<PollFailure> ParsePollFailure(std::string_view name) {
  for (PollFailure failure : {PollFailure::kHttp, PollFailure::kNetwork, PollFailure::kParse,
                              PollFailure::kRedirects, PollFailure::kStorage,
                              PollFailure::kTimeout, PollFailure::kTooLarge}) {
    if (PollFailureName(failure) == name) return failure;
  }
  return std::nullopt;
}

}  // namespace vigil
