// Fetch of file:// URLs, including the mtime-based conditional read.
#include "vigil/fetch/http_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "src/fetch/file_source.h"
#include "tests/support/curl_environment.h"
#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

class FetchFileTest : public ::testing::Test {
 protected:
  TempDir dir_{"fetch-file-test"};
};

FetchRequest Get(const std::string& url) {
  FetchRequest request;
  request.url = url;
  return request;
}

TEST_F(FetchFileTest, ReadsFileWithMtimeAsLastModified) {
  fs::path path = dir_.Write("feed.xml", "<rss>local</rss>");
  using namespace std::chrono;
  sys_seconds mtime = sys_days{year{2024} / March / 5} + hours{13};
  fs::last_write_time(path, fs::file_time_type::clock::from_sys(mtime));
  auto result = Fetch(Get("file://" + path.string()));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->http_status, 200);
  EXPECT_FALSE(result->not_modified);
  EXPECT_EQ(result->body, "<rss>local</rss>");
  EXPECT_EQ(result->last_modified, "Tue, 05 Mar 2024 13:00:00 GMT");
}

TEST_F(FetchFileTest, UnchangedMtimeGivesNotModified) {
  fs::path path = dir_.Write("feed.xml", "<rss/>");
  auto first = Fetch(Get("file://" + path.string()));
  ASSERT_TRUE(first.ok()) << first.status().message();

  FetchRequest again = Get("file://" + path.string());
  again.last_modified = first->last_modified;
  auto second = Fetch(again);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_TRUE(second->not_modified);
  EXPECT_EQ(second->body, "");
  EXPECT_EQ(second->last_modified, first->last_modified);

  // A newer mtime means a fresh read.
  fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(5));
  auto third = Fetch(again);
  ASSERT_TRUE(third.ok()) << third.status().message();
  EXPECT_FALSE(third->not_modified);
  EXPECT_EQ(third->body, "<rss/>");
}

TEST_F(FetchFileTest, RewriteWithinTheSameSecondIsSeen) {
  fs::path path = dir_.Write("feed.xml", "<rss>one</rss>");
  using namespace std::chrono;
  sys_seconds second = sys_days{year{2024} / March / 5} + hours{13};
  fs::last_write_time(path, fs::file_time_type::clock::from_sys(second));
  auto first = Fetch(Get("file://" + path.string()));
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_FALSE(first->etag.empty());

  FetchRequest again = Get("file://" + path.string());
  again.etag = first->etag;
  again.last_modified = first->last_modified;
  auto unchanged = Fetch(again);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_TRUE(unchanged->not_modified);

  // Rewritten 300 ms later: the same whole-second Last-Modified.
  dir_.Write("feed.xml", "<rss>two!</rss>");
  fs::last_write_time(path, fs::file_time_type::clock::from_sys(second + milliseconds(300)));
  auto changed = Fetch(again);
  ASSERT_TRUE(changed.ok()) << changed.status().message();
  EXPECT_EQ(changed->last_modified, first->last_modified);
  EXPECT_FALSE(changed->not_modified);
  EXPECT_EQ(changed->body, "<rss>two!</rss>");
}

TEST_F(FetchFileTest, DecodesPercentEscapesInPath) {
  fs::path path = dir_.Write("my feed.xml", "spaced");
  std::string url = "file://" + (dir_ / "my%20feed.xml").string();
  auto result = Fetch(Get(url));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "spaced");
}

TEST_F(FetchFileTest, MissingFileIsAnError) {
  fs::path path = dir_ / "absent.xml";
  auto result = Fetch(Get("file://" + path.string()));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "file not found: " + path.string());
}

TEST_F(FetchFileTest, DirectoryIsAnError) {
  auto result = Fetch(Get("file://" + dir_.path().string()));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), ::testing::HasSubstr("not a regular file"));
}

TEST_F(FetchFileTest, FileOverMaxBodyIsAnError) {
  fs::path path = dir_.Write("big.xml", std::string(2048, 'x'));
  FetchRequest request = Get("file://" + path.string());
  request.limits.max_body = 2047;
  auto result = Fetch(request);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(),
              ::testing::HasSubstr("response body exceeds max_body (2047 bytes)"));
  request.limits.max_body = 2048;
  EXPECT_TRUE(Fetch(request).ok());
}

TEST(HttpDateTest, FormatsImfFixdate) {
  using namespace std::chrono;
  EXPECT_EQ(fetch_internal::HttpDate(sys_days{year{1994} / November / 6} + hours{8} +
                                     minutes{49} + seconds{37}),
            "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST(FileUrlPathTest, AcceptsLocalhostAndRejectsOtherHosts) {
  auto local = fetch_internal::FileUrlPath("file://localhost/tmp/a%2Fb.xml");
  ASSERT_TRUE(local.ok());
  EXPECT_EQ(local->string(), "/tmp/a/b.xml");
  EXPECT_FALSE(fetch_internal::FileUrlPath("file://example.com/etc/x").ok());
}

}  // namespace
}  // namespace vigil
