#include "src/runtime/watchlist_download.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "tests/support/curl_environment.h"  // owns CurlGlobal for the run
#include "tests/support/http_server.h"
#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;

constexpr char kListV1[] = R"(entities:
  - id: alpha
    name: Alpha Trading Ltd
    type: organization
)";
constexpr char kListV2[] = R"(entities:
  - id: alpha
    name: Alpha Trading Ltd
    type: organization
  - id: bravo
    name: Bravo Shipping Co
    type: organization
)";

// Serves one list at /list.yaml with an ETag, answering If-None-Match.
class ListServer {
 public:
  ListServer()
      : server_([this](const HttpRequest& request) {
          std::lock_guard<std::mutex> lock(mu_);
          HttpResponse response;
          response.status = status_;
          if (status_ != 200) return response;
          if (!etag_.empty()) {
            response.headers.push_back({"ETag", etag_});
            auto inm = request.headers.find("if-none-match");
            if (inm != request.headers.end() && inm->second == etag_) {
              response.status = 304;
              return response;
            }
          }
          response.body = body_;
          return response;
        }) {}

  void Set(std::string body, std::string etag, int status = 200) {
    std::lock_guard<std::mutex> lock(mu_);
    body_ = std::move(body);
    etag_ = std::move(etag);
    status_ = status;
  }
  std::string url() const { return server_.url("/list.yaml"); }
  std::vector<HttpRequest> requests() const { return server_.requests(); }

 private:
  std::mutex mu_;
  std::string body_;  // protected by mu_
  std::string etag_;
  int status_ = 200;
  HttpServer server_;
};

class WatchlistDownloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    list_.id = "remote";
    list_.format = ListFormat::kVigilYaml;
    list_.url = server_.url();
  }

  ListDownload Download() {
    return DownloadWatchlist(list_, ListFetchLimits(FetchLimits{}), cache_, nullptr);
  }

  TempDir dir_{"download-test"};
  WatchlistCache cache_{dir_ / "unused"};
  ListServer server_;
  WatchlistConfig list_;
};

TEST_F(WatchlistDownloadTest, FirstDownloadParsesAndKeepsTheCopy) {
  cache_ = WatchlistCache(dir_ / "lists");
  server_.Set(kListV1, "\"v1\"");
  ListDownload result = Download();
  ASSERT_EQ(result.kind, ListDownload::Kind::kUpdated) << result.error;
  EXPECT_EQ(result.list.id, "remote");
  ASSERT_EQ(result.list.entities.size(), 1u);
  EXPECT_EQ(result.list.entities[0].name, "Alpha Trading Ltd");
  EXPECT_EQ(result.bytes, std::string(kListV1).size());
  Result<CachedList> cached = cache_.Read(list_);
  ASSERT_TRUE(cached.ok()) << cached.status().message();
  EXPECT_EQ(cached->meta.etag, "\"v1\"");
  EXPECT_EQ(cached->meta.url, server_.url());
  EXPECT_EQ(cached->meta.sha256, Sha256Hex(kListV1));
}

TEST_F(WatchlistDownloadTest, UnchangedListIsAConditionalGetAnswered304) {
  cache_ = WatchlistCache(dir_ / "lists");
  server_.Set(kListV1, "\"v1\"");
  ASSERT_EQ(Download().kind, ListDownload::Kind::kUpdated);
  int64_t checked = cache_.Read(list_)->meta.checked_at_ms;
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ListDownload again = Download();
  EXPECT_EQ(again.kind, ListDownload::Kind::kNotModified) << again.error;
  std::vector<HttpRequest> requests = server_.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].headers.count("if-none-match"), 0u);
  EXPECT_EQ(requests[1].headers.at("if-none-match"), "\"v1\"");
  Result<CachedList> cached = cache_.Read(list_);
  ASSERT_TRUE(cached.ok()) << cached.status().message();
  EXPECT_GT(cached->meta.checked_at_ms, checked);
  EXPECT_EQ(cached->meta.sha256, Sha256Hex(kListV1));
}

TEST_F(WatchlistDownloadTest, SameBytesWithoutValidatorsAreNotAnUpdate) {
  cache_ = WatchlistCache(dir_ / "lists");
  server_.Set(kListV1, "");
  ASSERT_EQ(Download().kind, ListDownload::Kind::kUpdated);
  EXPECT_EQ(Download().kind, ListDownload::Kind::kNotModified);
}

TEST_F(WatchlistDownloadTest, ChangedListReplacesTheCopy) {
  cache_ = WatchlistCache(dir_ / "lists");
  server_.Set(kListV1, "\"v1\"");
  ASSERT_EQ(Download().kind, ListDownload::Kind::kUpdated);
  server_.Set(kListV2, "\"v2\"");
  ListDownload result = Download();
  ASSERT_EQ(result.kind, ListDownload::Kind::kUpdated) << result.error;
  EXPECT_EQ(result.list.entities.size(), 2u);
  EXPECT_EQ(cache_.Read(list_)->meta.etag, "\"v2\"");
  EXPECT_EQ(cache_.Read(list_)->meta.sha256, Sha256Hex(kListV2));
}

TEST_F(WatchlistDownloadTest, GarbageFailsAndLeavesTheCopyAlone) {
  cache_ = WatchlistCache(dir_ / "lists");
  server_.Set(kListV1, "\"v1\"");
  ASSERT_EQ(Download().kind, ListDownload::Kind::kUpdated);
  server_.Set("<html>502 Bad Gateway</html>\n  - [", "\"broken\"");
  ListDownload result = Download();
  ASSERT_EQ(result.kind, ListDownload::Kind::kFailed);
  EXPECT_NE(result.error.find("not a valid vigil-yaml list"), std::string::npos) << result.error;
  // The message points at the URL, not at a temp file.
  EXPECT_NE(result.error.find(server_.url()), std::string::npos) << result.error;
  EXPECT_EQ(result.error.find(".tmp"), std::string::npos) << result.error;
  Result<CachedList> cached = cache_.Read(list_);
  ASSERT_TRUE(cached.ok()) << cached.status().message();
  EXPECT_EQ(cached->meta.sha256, Sha256Hex(kListV1));
  EXPECT_EQ(cached->meta.etag, "\"v1\"");
  // Nothing but the copy and its metadata in the folder.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_ / "lists")) {
    ++files;
  }
  EXPECT_EQ(files, 2);
}

TEST_F(WatchlistDownloadTest, ServerErrorFailsAndLeavesTheCopyAlone) {
  cache_ = WatchlistCache(dir_ / "lists");
  server_.Set(kListV1, "\"v1\"");
  ASSERT_EQ(Download().kind, ListDownload::Kind::kUpdated);
  server_.Set("", "", 500);
  ListDownload result = Download();
  ASSERT_EQ(result.kind, ListDownload::Kind::kFailed);
  EXPECT_NE(result.error.find("HTTP 500"), std::string::npos) << result.error;
  EXPECT_EQ(cache_.Read(list_)->meta.sha256, Sha256Hex(kListV1));
}

TEST_F(WatchlistDownloadTest, ListTheMatcherRejectsIsNotKept) {
  cache_ = WatchlistCache(dir_ / "lists");
  // Parses as vigil-yaml, but the name has nothing to match on.
  server_.Set("entities:\n  - id: dots\n    name: \"...\"\n", "\"v1\"");
  ListDownload result = Download();
  ASSERT_EQ(result.kind, ListDownload::Kind::kFailed);
  EXPECT_NE(result.error.find("cannot be compiled"), std::string::npos) << result.error;
  EXPECT_FALSE(cache_.Read(list_).ok());
}

TEST_F(WatchlistDownloadTest, CopyFromAnotherUrlSendsNoValidators) {
  cache_ = WatchlistCache(dir_ / "lists");
  server_.Set(kListV1, "\"v1\"");
  WatchlistConfig old_url = list_;
  old_url.url = server_.url() + "?mirror=old";
  ASSERT_EQ(DownloadWatchlist(old_url, FetchLimits{}, cache_, nullptr).kind,
            ListDownload::Kind::kUpdated);
  ListDownload result = Download();
  EXPECT_EQ(result.kind, ListDownload::Kind::kUpdated) << result.error;
  EXPECT_EQ(server_.requests().back().headers.count("if-none-match"), 0u);
  EXPECT_EQ(cache_.Read(list_)->meta.url, server_.url());
}

TEST_F(WatchlistDownloadTest, CancelledDownloadFails) {
  cache_ = WatchlistCache(dir_ / "lists");
  server_.Set(kListV1, "\"v1\"");
  std::atomic<bool> cancel{true};
  ListDownload result = DownloadWatchlist(list_, FetchLimits{}, cache_, &cancel);
  EXPECT_EQ(result.kind, ListDownload::Kind::kFailed);
  EXPECT_FALSE(cache_.Read(list_).ok());
}

TEST(ListFetchLimitsTest, RaisesBodyAndTimeoutKeepsTheRest) {
  FetchLimits global;
  global.max_body = 1 << 20;
  global.timeout = std::chrono::seconds(30);
  global.connect_timeout = std::chrono::seconds(3);
  global.max_redirects = 2;
  global.block_private_addresses = true;
  FetchLimits limits = ListFetchLimits(global);
  EXPECT_EQ(limits.max_body, 256ull << 20);
  EXPECT_EQ(limits.timeout, std::chrono::minutes(10));
  EXPECT_EQ(limits.connect_timeout, std::chrono::seconds(3));
  EXPECT_EQ(limits.max_redirects, 2);
  EXPECT_TRUE(limits.block_private_addresses);
  global.max_body = 1ull << 30;  // a bigger global limit is kept
  EXPECT_EQ(ListFetchLimits(global).max_body, 1ull << 30);
}

}  // namespace
}  // namespace vigil
