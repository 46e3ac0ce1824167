// Private helpers shared by Fetch and Post: RAII for curl handles, the
// options every transfer sets, and error text.
#ifndef VIGIL_SRC_FETCH_CURL_EASY_H_
#define VIGIL_SRC_FETCH_CURL_EASY_H_

#include <curl/curl.h>

#include "vigil/base/status.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

namespace vigil::fetch_internal {

struct CurlEasyDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

struct CurlSlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// A header list that owns its nodes.
class CurlHeaderList {
 public:
  void Add(const std::string& line);
  curl_slist* get() const { return list_.get(); }

 private:
  std::unique_ptr<curl_slist, CurlSlistDeleter> list_;
};

// State every transfer shares with its callbacks. Lives on the caller's
// stack for the duration of curl_easy_perform.
struct TransferBase {
  const std::atomic<bool>* cancel = nullptr;
  bool cancelled = false;
  char error[CURL_ERROR_SIZE] = {};

  bool CheckCancel() {
    if (cancel != nullptr && cancel->load()) cancelled = true;
    return cancelled;
  }
};

// Sets user agent, timeouts, no signals, the error buffer and the cancel
// check, pointing the progress callback at `base`.
void SetCommonOptions(CURL* curl, TransferBase& base,
                      std::chrono::milliseconds timeout,
                      std::chrono::milliseconds connect_timeout);

// The kind of a failed transfer, from curl's result code: timeouts, size
// limits and redirects apart, the rest a network failure.
StatusCode CurlStatusCode(CURLcode code);
// curl's detailed message when it left one, else the generic text for `code`.
std::string CurlErrorText(CURLcode code, const TransferBase& base);

// "Name: value" header lines only; a status line yields false.
bool SplitHeaderLine(const char* data, size_t size, std::string& name,
                     std::string& value);
bool IsStatusLine(const char* data, size_t size);

}  // namespace vigil::fetch_internal

#endif  // VIGIL_SRC_FETCH_CURL_EASY_H_
