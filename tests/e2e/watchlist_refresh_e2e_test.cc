// End-to-end: a watchlist downloaded over loopback HTTP (watchlists[].url),
// refreshed on SIGHUP (the shortest refresh: interval is 1m), kept on disk
// and used across restarts when its host is down.
#include <signal.h>

#include <fstream>
#include <mutex>
#include <set>

#include "e2e_fixture.h"

namespace vigil::testing {
namespace {

using namespace std::chrono_literals;

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

// The list host: serves /list.yaml with an ETag (answering If-None-Match)
// or a given error status; Down() takes it off the network.
class ListHost {
 public:
  ListHost() { Up(0); }
  void Up(uint16_t port) {
    server_ = std::make_unique<HttpServer>(
        [this](const HttpRequest& request) {
          std::lock_guard<std::mutex> lock(mu_);
          ++requests_;
          HttpResponse response;
          response.status = status_;
          if (status_ != 200) return response;
          response.headers.push_back({"Content-Type", "application/yaml"});
          response.headers.push_back({"ETag", etag_});
          auto inm = request.headers.find("if-none-match");
          if (inm != request.headers.end() && inm->second == etag_) {
            response.status = 304;
            return response;
          }
          response.body = body_;
          return response;
        },
        port);
  }
  void Down() { server_.reset(); }
  void Serve(std::string body, std::string etag, int status = 200) {
    std::lock_guard<std::mutex> lock(mu_);
    body_ = std::move(body);
    etag_ = std::move(etag);
    status_ = status;
  }
  int requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  std::string url() const { return server_->url("/list.yaml"); }

 private:
  std::mutex mu_;
  std::string body_;  // protected by mu_
  std::string etag_ = "\"none\"";
  int status_ = 200;
  int requests_ = 0;
  std::unique_ptr<HttpServer> server_;
};

std::set<std::string> EntityIds(const ReceivedAlert& alert) {
  std::set<std::string> ids;
  for (const auto& match : alert.json["matches"]) {
    if (match["kind"] == "entity") ids.insert(match["entity_id"].get<std::string>());
  }
  return ids;
}

class WatchlistRefreshE2eTest : public E2eTest {
 protected:
  // A config whose only watchlist is downloaded from `list_url`.
  void WriteListConfig(const std::string& list_url, const std::string& webhook_url) {
    std::ofstream out(config());
    out << "storage:\n  path: vigil.db\nlog:\n  level: debug\ndaemon:\n  jitter: 0\n"
        << "watchlists:\n  - id: remote\n    format: vigil-yaml\n    url: " << list_url
        << "\n    refresh: 1m\n"
        << "sources:\n" << SourceYaml("news", feeds_.url("/feed.xml"))
        << "webhooks:\n" << WebhookYaml("ops", webhook_url);
  }

  // Adds an item to the feed (all items so far stay in it).
  void Publish(const std::string& guid, const std::string& text) {
    items_.push_back({guid, "News " + guid, text, "http://news.example/" + guid});
    feeds_.Serve("/feed.xml", {Rss(items_), "application/rss+xml", ""});
  }

  // Waits for the alert about item `guid` and returns its entity ids.
  std::set<std::string> AlertedEntities(const WebhookReceiver& receiver, const std::string& guid,
                                        VigilProcess& vigil) {
    std::set<std::string> ids;
    bool found = WaitUntil(
        [&] {
          for (const ReceivedAlert& alert : receiver.delivered()) {
            if (alert.json["document"]["url"] == "http://news.example/" + guid) {
              EXPECT_TRUE(alert.verified);
              ids = EntityIds(alert);
              return true;
            }
          }
          return false;
        },
        10s);
    EXPECT_TRUE(found) << "no alert for " << guid << "\n" << vigil.Log();
    return ids;
  }

  // SIGHUP: reloads the config and checks every downloaded list now.
  void RefreshNow(VigilProcess& vigil) {
    int reloads = vigil.CountInLog("reloaded in");
    vigil.Signal(SIGHUP);
    ASSERT_TRUE(vigil.WaitForLog("reloaded in", 10s, reloads + 1)) << vigil.Log();
  }

  std::vector<FeedItem> items_;
};

TEST_F(WatchlistRefreshE2eTest, DownloadsRefreshesKeepsOldCopyOnFailureAndAfterRestart) {
  ListHost host;
  host.Serve(kListV1, "\"v1\"");
  WebhookReceiver receiver;
  feeds_.Serve("/feed.xml", {Rss({}), "application/rss+xml", ""});
  WriteListConfig(host.url(), receiver.url());

  // `vigil check-config` never downloads.
  CommandResult check = RunVigil({"check-config", "--config", config().string()});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(host.requests(), 0);

  auto vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("watchlist 'remote' swapped in", 10s)) << vigil->Log();
  Publish("one", "Alpha Trading Ltd and Bravo Shipping Co signed a deal.");
  EXPECT_EQ(AlertedEntities(receiver, "one", *vigil), std::set<std::string>{"alpha"});

  // A refresh (SIGHUP checks lists at once) with a changed list: the newly
  // listed name alerts.
  host.Serve(kListV2, "\"v2\"");
  RefreshNow(*vigil);
  ASSERT_TRUE(vigil->WaitForLog("watchlist 'remote' swapped in", 10s, 2)) << vigil->Log();
  Publish("two", "Bravo Shipping Co chartered a tanker.");
  EXPECT_EQ(AlertedEntities(receiver, "two", *vigil), std::set<std::string>{"bravo"});

  // Unchanged: a conditional GET answered 304, no rebuild.
  RefreshNow(*vigil);
  ASSERT_TRUE(vigil->WaitForLog("watchlist 'remote': not modified", 10s)) << vigil->Log();

  // A 500, then garbage: the list in use keeps working.
  host.Serve("", "", 500);
  RefreshNow(*vigil);
  ASSERT_TRUE(vigil->WaitForLog("refresh failed: GET " + host.url() + ": HTTP 500", 10s))
      << vigil->Log();
  Publish("three", "Bravo Shipping Co and Alpha Trading Ltd again.");
  EXPECT_EQ(AlertedEntities(receiver, "three", *vigil),
            (std::set<std::string>{"alpha", "bravo"}));
  host.Serve("<html><body>Service Unavailable</body></html>\n  - [", "\"garbage\"");
  RefreshNow(*vigil);
  ASSERT_TRUE(vigil->WaitForLog("not a valid vigil-yaml list", 10s)) << vigil->Log();
  Publish("four", "Bravo Shipping Co was fined.");
  EXPECT_EQ(AlertedEntities(receiver, "four", *vigil), std::set<std::string>{"bravo"});
  // The same failure again is not logged as a new error.
  RefreshNow(*vigil);
  ASSERT_TRUE(vigil->WaitForLog("refresh failed again (3 attempts)", 10s)) << vigil->Log();
  EXPECT_EQ(vigil->CountInLog("not a valid vigil-yaml list"), 2) << vigil->Log();
  EXPECT_EQ(vigil->CountInLog("error watchlist 'remote': refresh failed: downloaded copy is not"),
            1)
      << vigil->Log();
  EXPECT_EQ(vigil->CountInLog("swapped in"), 2) << vigil->Log();
  StopVigil(vigil);

  // The last good copy is on disk next to the database.
  EXPECT_TRUE(std::filesystem::exists(dir_ / "lists" / "remote.yaml"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "lists" / "remote.meta.json"));

  // Restart with the list host down: the cached copy is used.
  host.Down();
  vigil = StartVigil();
  Publish("five", "Alpha Trading Ltd and Bravo Shipping Co after the restart.");
  EXPECT_EQ(AlertedEntities(receiver, "five", *vigil),
            (std::set<std::string>{"alpha", "bravo"}));
  RefreshNow(*vigil);
  ASSERT_TRUE(vigil->WaitForLog("refresh failed", 10s)) << vigil->Log();
  EXPECT_NE(vigil->Log().find("keeping the copy in use"), std::string::npos) << vigil->Log();
  Publish("six", "Bravo Shipping Co, host down.");
  EXPECT_EQ(AlertedEntities(receiver, "six", *vigil), std::set<std::string>{"bravo"});
  StopVigil(vigil);
}

TEST_F(WatchlistRefreshE2eTest, StartsWithoutTheListWhileItsHostFailsAndAdoptsItLater) {
  ListHost host;
  host.Serve("", "", 503);
  WebhookReceiver receiver;
  feeds_.Serve("/feed.xml", {Rss({}), "application/rss+xml", ""});
  WriteListConfig(host.url(), receiver.url());

  auto vigil = StartVigil();  // ready although the list cannot be had
  ASSERT_TRUE(vigil->WaitForLog("running WITHOUT this list", 10s)) << vigil->Log();
  host.Serve(kListV1, "\"v1\"");
  RefreshNow(*vigil);
  ASSERT_TRUE(vigil->WaitForLog("watchlist 'remote' swapped in", 10s)) << vigil->Log();
  EXPECT_NE(vigil->Log().find("answers again"), std::string::npos) << vigil->Log();
  Publish("one", "Alpha Trading Ltd is back on the list.");
  EXPECT_EQ(AlertedEntities(receiver, "one", *vigil), std::set<std::string>{"alpha"});
  StopVigil(vigil);
}

TEST_F(WatchlistRefreshE2eTest, CorruptedCacheIsIgnoredWithAnErrorAndReplaced) {
  ListHost host;
  host.Serve(kListV1, "\"v1\"");
  WebhookReceiver receiver;
  feeds_.Serve("/feed.xml", {Rss({}), "application/rss+xml", ""});
  WriteListConfig(host.url(), receiver.url());
  auto vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("watchlist 'remote' swapped in", 10s)) << vigil->Log();
  StopVigil(vigil);

  // Same size, different bytes: only the checksum can tell.
  std::filesystem::path copy = dir_ / "lists" / "remote.yaml";
  std::string bytes = kListV1;
  bytes[bytes.find("Alpha")] = 'X';
  std::ofstream(copy, std::ios::binary) << bytes;
  vigil = StartVigil();
  EXPECT_TRUE(vigil->WaitForLog("does not match the SHA-256", 5s)) << vigil->Log();
  // Downloaded again in full (no validators from a copy it cannot trust).
  ASSERT_TRUE(vigil->WaitForLog("watchlist 'remote' swapped in", 10s)) << vigil->Log();
  Publish("one", "Alpha Trading Ltd once more.");
  EXPECT_EQ(AlertedEntities(receiver, "one", *vigil), std::set<std::string>{"alpha"});
  StopVigil(vigil);
}

}  // namespace
}  // namespace vigil::testing
