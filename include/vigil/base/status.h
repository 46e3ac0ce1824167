// Status and Result<T>: errors as values at module edges.
#ifndef VIGIL_BASE_STATUS_H_
#define VIGIL_BASE_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace vigil {

// What kind of error a Status is, set by the code that knows (as leveldb's
// Status does), so that callers branch on the kind and never on the text.
enum class StatusCode {
  kOk = 0,
  kUnknown,          // an error of no kind a caller tells apart
  kInvalidArgument,  // unusable input: a config, a list, a document
  kNotFound,         // a file or record that is not there
  kCancelled,        // stopped on request (the daemon is stopping)
  // Transfers (fetch):
  kTimeout,     // the transfer's deadline passed
  kTooLarge,    // a body or file over its size limit
  kRedirect,    // a redirect not followed: too many, or to a refused location
  kHttpStatus,  // the server answered with an HTTP error status (>= 400)
  kNetwork,     // DNS, connect, TLS, a refused address, a broken transfer
  // Storage (store), from SQLite's result codes:
  kStorageFull,  // disk or database size limit full
  kReadOnly,     // file, folder or file system not writable
  kBusy,         // another process holds the write lock
  kCorruption,   // damaged file, or not a database
  kIoError,      // other I/O errors
};

// Ok, or an error with a kind and a human-readable message. Cheap to copy.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  // An error of no particular kind (StatusCode::kUnknown).
  static Status Error(std::string message) {
    return Status(StatusCode::kUnknown, std::move(message));
  }
  // An error of kind `code`; kOk is taken as kUnknown (an error is never ok).
  static Status Error(StatusCode code, std::string message) {
    return Status(code == StatusCode::kOk ? StatusCode::kUnknown : code, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The same kind, with `context` put before the message: "context: message".
  Status Prefixed(std::string_view context) const {
    if (ok()) return *this;
    return Status(code_, std::string(context) + ": " + message_);
  }

 private:
  Status(StatusCode code, std::string message) : message_(std::move(message)), code_(code) {}
  std::string message_;
  StatusCode code_ = StatusCode::kOk;
};

// Holds either a T or a failed Status (never an ok Status: a Result built
// from one holds a kUnknown error instead, and debug builds assert).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(Failed(std::move(status))) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }
  // Requires ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // Ok if a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

 private:
  static Status Failed(Status status) {
    assert(!status.ok() && "Result<T> built from an ok Status");
    if (status.ok()) return Status::Error("internal error: a result without a value");
    return status;
  }
  std::variant<T, Status> data_;
};

}  // namespace vigil

#endif  // VIGIL_BASE_STATUS_H_
