#include "vigil/base/status.h"

namespace vigil {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kUnknown: return "unknown";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kNotFound: return "not found";
    case StatusCode::kCancelled: return "cancelled";
    case StatusCode::kTimeout: return "timeout";
    case StatusCode::kTooLarge: return "too large";
    case StatusCode::kRedirect: return "redirect";
    case StatusCode::kHttpStatus: return "HTTP status";
    case StatusCode::kNetwork: return "network";
    case StatusCode::kStorageFull: return "storage full";
    case StatusCode::kReadOnly: return "read-only";
    case StatusCode::kBusy: return "busy";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kIoError: return "I/O error";
  }
  return "unknown";
}

}  // namespace vigil
