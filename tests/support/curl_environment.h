// Including this header in any one .cc of a test binary registers a gtest
// global environment that owns the process's CurlGlobal for the whole run,
// as main() does in the daemon. The binary must link vigil_fetch.
#ifndef VIGIL_TESTS_SUPPORT_CURL_ENVIRONMENT_H_
#define VIGIL_TESTS_SUPPORT_CURL_ENVIRONMENT_H_

#include <gtest/gtest.h>

#include <memory>

#include "vigil/fetch/http_client.h"

namespace vigil::testing {

class CurlEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { curl_ = std::make_unique<CurlGlobal>(); }
  void TearDown() override { curl_.reset(); }
  // True between SetUp and TearDown, i.e. while tests run.
  bool active() const { return curl_ != nullptr; }

 private:
  std::unique_ptr<CurlGlobal> curl_;
};

// An inline variable: registered once per binary however many files include
// this header. gtest owns and deletes the environment.
inline CurlEnvironment* const kCurlEnvironment = static_cast<CurlEnvironment*>(
    ::testing::AddGlobalTestEnvironment(new CurlEnvironment));

}  // namespace vigil::testing

#endif  // VIGIL_TESTS_SUPPORT_CURL_ENVIRONMENT_H_
