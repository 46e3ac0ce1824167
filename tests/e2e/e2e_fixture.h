// Shared set-up for end-to-end tests: a temp folder with config and
// watchlist, a loopback feed server and a signature-checking webhook
// receiver, and the real vigil binary.
#ifndef VIGIL_TESTS_E2E_E2E_FIXTURE_H_
#define VIGIL_TESTS_E2E_E2E_FIXTURE_H_

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/http_server.h"
#include "tests/support/temp_dir.h"
#include "vigil_process.h"

namespace vigil::testing {

inline constexpr char kTestSecret[] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

// What the feed server serves at a path.
struct Served {
  std::string body;
  std::string content_type = "application/rss+xml";
  std::string etag;  // when set, If-None-Match is honoured with 304
  int status = 200;
};

struct ReceivedAlert {
  std::string webhook_id;
  std::string timestamp;
  std::string signature;
  std::string body;
  bool verified = false;
  nlohmann::json json;
};

class FeedServer {
 public:
  FeedServer();
  void Serve(const std::string& path, Served served);
  std::string url(const std::string& path) const { return server_->url(path); }
  int CountRequests(const std::string& path) const;
  int CountNotModified() const { return not_modified_; }
  std::vector<HttpRequest> requests() const { return server_->requests(); }

 private:
  mutable std::mutex mu_;
  std::map<std::string, Served> served_;  // protected by mu_
  std::atomic<int> not_modified_{0};
  std::unique_ptr<HttpServer> server_;
};

// Verifies every request's Standard Webhooks signature and records it.
class WebhookReceiver {
 public:
  explicit WebhookReceiver(uint16_t port = 0);
  std::string url() const { return server_->url("/hook"); }
  uint16_t port() const { return server_->port(); }
  // Answers with `status` (e.g. 503) instead of 204 while set.
  void set_status(int status) { status_ = status; }
  std::vector<ReceivedAlert> alerts() const;      // every request, in order
  std::vector<ReceivedAlert> delivered() const;   // those answered with 2xx

 private:
  mutable std::mutex mu_;
  std::vector<ReceivedAlert> alerts_;     // protected by mu_
  std::vector<ReceivedAlert> delivered_;  // protected by mu_
  std::atomic<int> status_{204};
  std::unique_ptr<HttpServer> server_;
};

// A port nothing listens on (bound, then released).
uint16_t UnusedPort();

// Test data.
std::string SeedArticle();  // the seed article (tests/testdata copy)
std::string XmlEscape(const std::string& text);
struct FeedItem {
  std::string guid, title, text, link;
};
std::string Rss(const std::vector<FeedItem>& items);

// Command output with one JSON object per line (`scan`, `alerts list --json`);
// a line that is not JSON becomes a discarded value.
std::vector<nlohmann::json> JsonLines(const std::string& out);

class E2eTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Writes config.yaml: the given `sources:` / `webhooks:` blocks (YAML,
  // already indented as list items) plus storage, watchlist, keywords.
  void WriteConfig(const std::string& sources, const std::string& webhooks,
                   const std::string& extra = "");
  std::filesystem::path config() const { return dir_ / "config.yaml"; }
  std::unique_ptr<VigilProcess> StartVigil();
  // SIGTERM, and expects a clean exit within 5 s.
  void StopVigil(std::unique_ptr<VigilProcess>& vigil);
  std::string SourceYaml(const std::string& id, const std::string& url,
                         const std::string& interval = "1s") const;
  std::string WebhookYaml(const std::string& id, const std::string& url) const;

  TempDir dir_{"e2e"};  // kept when the test fails, for inspection
  FeedServer feeds_;
  int log_index_ = 0;
};

}  // namespace vigil::testing

#endif  // VIGIL_TESTS_E2E_E2E_FIXTURE_H_
