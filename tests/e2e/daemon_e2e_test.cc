// End-to-end: the real vigil binary, a loopback feed server and a webhook
// receiver that verifies every signature.
#include <signal.h>

#include <fstream>
#include <set>
#include <sstream>

#include "e2e_fixture.h"

namespace vigil::testing {
namespace {

using namespace std::chrono_literals;

std::set<std::string> EntityIds(const nlohmann::json& alert) {
  std::set<std::string> ids;
  for (const auto& match : alert["matches"]) {
    if (match["kind"] == "entity") ids.insert(match["entity_id"].get<std::string>());
  }
  return ids;
}

std::set<std::string> KeywordIds(const nlohmann::json& alert) {
  std::set<std::string> ids;
  for (const auto& match : alert["matches"]) {
    if (match["kind"] == "keyword") ids.insert(match["keyword_id"].get<std::string>());
  }
  return ids;
}

FeedItem SeedItem() {
  return {"seed-1", "Putin accepts Kim Jong Un invitation", SeedArticle(),
          "http://news.example/putin-kim"};
}

TEST_F(E2eTest, SeedArticleFeedYieldsOneSignedAlertAndNoneAfterRestart) {
  WebhookReceiver receiver;
  feeds_.Serve("/feed.xml", {Rss({SeedItem()}), "application/rss+xml", "\"v1\""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), WebhookYaml("ops", receiver.url()));
  auto vigil = StartVigil();

  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 1; }, 15s)) << vigil->Log();
  // Several more polls: each must be a 304 and alert nothing.
  ASSERT_TRUE(WaitUntil([&] { return feeds_.CountNotModified() >= 2; }, 10s)) << vigil->Log();
  std::vector<ReceivedAlert> alerts = receiver.alerts();
  ASSERT_EQ(alerts.size(), 1u);
  const ReceivedAlert& alert = alerts[0];
  EXPECT_TRUE(alert.verified) << "signature " << alert.signature;
  ASSERT_FALSE(alert.json.is_discarded()) << alert.body;
  EXPECT_EQ(alert.json["type"], "vigil.hit");
  EXPECT_EQ(alert.json["source"], "news");
  EXPECT_EQ(alert.json["document"]["url"], "http://news.example/putin-kim");
  EXPECT_EQ(alert.json["document"]["published"], "2023-09-14T10:00:00Z");
  EXPECT_EQ(EntityIds(alert.json),
            (std::set<std::string>{"putin", "kim-jong-un", "lavrov", "peskov"}));
  EXPECT_EQ(KeywordIds(alert.json), std::set<std::string>{"arms"});
  // "Kim Jong Il" is in the article too and must not be taken for Kim Jong Un.
  for (const auto& match : alert.json["matches"]) {
    EXPECT_NE(match["matched"], "Kim Jong Il");
  }
  // The conditional GET carried the validator.
  bool sent_validator = false;
  for (const HttpRequest& request : feeds_.requests()) {
    auto inm = request.headers.find("if-none-match");
    sent_validator |= inm != request.headers.end() && inm->second == "\"v1\"";
  }
  EXPECT_TRUE(sent_validator);
  StopVigil(vigil);

  // Restart: the feed now answers 200 every time (no ETag), same item.
  feeds_.Serve("/feed.xml", {Rss({SeedItem()}), "application/rss+xml", ""});
  int before = feeds_.CountRequests("/feed.xml");
  vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return feeds_.CountRequests("/feed.xml") >= before + 3; }, 10s));
  EXPECT_EQ(receiver.alerts().size(), 1u) << "re-alerted after restart\n" << vigil->Log();
  StopVigil(vigil);
}

TEST_F(E2eTest, OneAlertPerNewMatchingDocument) {
  WebhookReceiver receiver;
  FeedItem plain{"n-1", "Weather", "Rain is expected across the region.", "http://x/1"};
  FeedItem keyword_only{"n-2", "Trade", "New munitions factory opens.", "http://x/2"};
  feeds_.Serve("/feed.xml", {Rss({plain, keyword_only}), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), WebhookYaml("ops", receiver.url()));
  auto vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("2 new", 10s)) << vigil->Log();

  // Two new items with entities arrive in the next version of the feed.
  FeedItem lavrov{"n-3", "Lavrov in Pyongyang", "Sergei Lavrov arrived on Monday.", "http://x/3"};
  FeedItem peskov{"n-4", "Kremlin", "Dmitry Peskov declined to comment.", "http://x/4"};
  feeds_.Serve("/feed.xml",
               {Rss({plain, keyword_only, lavrov, peskov}), "application/rss+xml", ""});
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 2; }, 15s)) << vigil->Log();
  ASSERT_TRUE(vigil->WaitForLog("none new", 10s, 2));
  std::vector<ReceivedAlert> alerts = receiver.alerts();
  ASSERT_EQ(alerts.size(), 2u);
  std::set<std::string> urls, ids;
  for (const ReceivedAlert& alert : alerts) {
    EXPECT_TRUE(alert.verified);
    urls.insert(alert.json["document"]["url"].get<std::string>());
    ids.insert(alert.webhook_id);
  }
  EXPECT_EQ(urls, (std::set<std::string>{"http://x/3", "http://x/4"}));
  EXPECT_EQ(ids.size(), 2u);
  StopVigil(vigil);
}

TEST_F(E2eTest, AlertReachesEndpointThatWasDownAndKeepsItsId) {
  uint16_t port = UnusedPort();
  feeds_.Serve("/feed.xml", {Rss({SeedItem()}), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")),
              WebhookYaml("ops", "http://127.0.0.1:" + std::to_string(port) + "/hook"));
  auto vigil = StartVigil();
  // Nothing listens yet: delivery attempts fail and are retried.
  ASSERT_TRUE(vigil->WaitForLog("webhook ops:", 15s)) << vigil->Log();

  WebhookReceiver receiver(port);
  receiver.set_status(503);  // up, but failing
  ASSERT_TRUE(WaitUntil([&] { return receiver.alerts().size() >= 2; }, 15s)) << vigil->Log();
  receiver.set_status(200);
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 1; }, 15s)) << vigil->Log();
  std::this_thread::sleep_for(1500ms);  // a delivered alert is not sent again
  std::vector<ReceivedAlert> alerts = receiver.alerts();
  EXPECT_EQ(receiver.delivered().size(), 1u);
  std::set<std::string> ids, signatures;
  for (const ReceivedAlert& alert : alerts) {
    EXPECT_TRUE(alert.verified);
    ids.insert(alert.webhook_id);
    signatures.insert(alert.body);
  }
  EXPECT_EQ(ids.size(), 1u) << "every retry must carry the same webhook-id";
  EXPECT_EQ(signatures.size(), 1u) << "every retry must carry the same body";
  StopVigil(vigil);
}

TEST_F(E2eTest, PendingAlertSurvivesRestart) {
  WebhookReceiver receiver;
  receiver.set_status(500);
  feeds_.Serve("/feed.xml", {Rss({SeedItem()}), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), WebhookYaml("ops", receiver.url()));
  auto vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return receiver.alerts().size() >= 1; }, 15s)) << vigil->Log();
  StopVigil(vigil);
  ASSERT_TRUE(receiver.delivered().empty());

  receiver.set_status(204);
  vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 1; }, 15s)) << vigil->Log();
  std::set<std::string> ids;
  for (const ReceivedAlert& alert : receiver.alerts()) ids.insert(alert.webhook_id);
  EXPECT_EQ(ids.size(), 1u);
  StopVigil(vigil);
}

TEST_F(E2eTest, SighupAppliesGoodConfigAndKeepsOldOnBadConfig) {
  WebhookReceiver receiver;
  feeds_.Serve("/a.xml", {Rss({{"a-1", "Kremlin", "Dmitry Peskov spoke.", "http://a/1"}}),
                          "application/rss+xml", ""});
  feeds_.Serve("/b.xml", {Rss({{"b-1", "Diplomacy", "Sergei Lavrov met envoys.", "http://b/1"}}),
                          "application/rss+xml", ""});
  std::string webhooks = WebhookYaml("ops", receiver.url());
  WriteConfig(SourceYaml("a", feeds_.url("/a.xml")), webhooks);
  auto vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 1; }, 15s)) << vigil->Log();

  // A good new config adds source b.
  WriteConfig(SourceYaml("a", feeds_.url("/a.xml")) + SourceYaml("b", feeds_.url("/b.xml")),
              webhooks);
  vigil->Signal(SIGHUP);
  ASSERT_TRUE(vigil->WaitForLog("reloaded", 10s)) << vigil->Log();
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 2; }, 15s)) << vigil->Log();

  // A bad one is refused; the running config (a and b) goes on.
  std::ofstream(config(), std::ios::app) << "bogus_key: 1\n";
  vigil->Signal(SIGHUP);
  ASSERT_TRUE(vigil->WaitForLog("reload failed", 10s)) << vigil->Log();
  EXPECT_TRUE(vigil->WaitForLog("bogus_key", 1s)) << "the error names the bad key";
  feeds_.Serve("/b.xml", {Rss({{"b-1", "Diplomacy", "Sergei Lavrov met envoys.", "http://b/1"},
                               {"b-2", "Kremlin", "Vladimir Putin said.", "http://b/2"}}),
                          "application/rss+xml", ""});
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 3; }, 15s)) << vigil->Log();
  StopVigil(vigil);
}

TEST_F(E2eTest, BadSourcesAreLoggedAndOthersKeepWorking) {
  WebhookReceiver receiver;
  feeds_.Serve("/good.xml", {Rss({SeedItem()}), "application/rss+xml", ""});
  feeds_.Serve("/malformed.xml", {"<rss><channel><item><title>cut off", "application/rss+xml", ""});
  feeds_.Serve("/random.xml", {std::string("\x89\x01\xff\xfe garbage \x00\x01", 16),
                               "application/xml", ""});
  // Declared UTF-8 but holding windows-1251 bytes ("Путин").
  feeds_.Serve("/charset.xml",
               {Rss({{"c-1", "\xcf\xf3\xf2\xe8\xed", "\xcf\xf3\xf2\xe8\xed said", "http://c/1"}}),
                "application/rss+xml; charset=utf-8", ""});
  feeds_.Serve("/huge.xml", {Rss({SeedItem()}) + std::string(300 * 1024, ' '),
                             "application/rss+xml", ""});
  std::string sources = SourceYaml("good", feeds_.url("/good.xml")) +
                        SourceYaml("malformed", feeds_.url("/malformed.xml")) +
                        SourceYaml("random", feeds_.url("/random.xml")) +
                        SourceYaml("charset", feeds_.url("/charset.xml")) +
                        SourceYaml("huge", feeds_.url("/huge.xml")) +
                        "    fetch:\n      max_body: 100KiB\n" +
                        SourceYaml("missing", feeds_.url("/missing.xml"));
  WriteConfig(sources, WebhookYaml("ops", receiver.url()));
  auto vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 1; }, 15s)) << vigil->Log();
  EXPECT_TRUE(vigil->WaitForLog("source huge:", 10s)) << vigil->Log();
  EXPECT_TRUE(vigil->WaitForLog("missing.xml: HTTP 404", 10s)) << vigil->Log();
  EXPECT_TRUE(vigil->WaitForLog("warning source random:", 10s)) << vigil->Log();
  EXPECT_TRUE(vigil->WaitForLog("warning source malformed:", 10s)) << vigil->Log();
  EXPECT_TRUE(vigil->WaitForLog("warning source charset:", 10s)) << vigil->Log();
  // Failing sources back off: logged once per state change, not per poll.
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(vigil->CountInLog("warning source missing:"), 1) << vigil->Log();
  EXPECT_EQ(vigil->CountInLog("warning source malformed:"), 1) << vigil->Log();
  EXPECT_EQ(vigil->CountInLog("warning source charset:"), 1) << vigil->Log();
  // Still alive and polling the good source.
  int before = feeds_.CountRequests("/good.xml");
  ASSERT_TRUE(WaitUntil([&] { return feeds_.CountRequests("/good.xml") > before; }, 5s));
  EXPECT_EQ(receiver.delivered().size(), 1u);
  EXPECT_TRUE(receiver.delivered()[0].verified);
  StopVigil(vigil);
}

TEST_F(E2eTest, SeedArticleAsHtmlPageAlerts) {
  WebhookReceiver receiver;
  std::string html =
      "<!DOCTYPE html><html><head><title>Putin accepts invitation</title></head><body>"
      "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>";
  std::istringstream lines(SeedArticle());
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) html += "<p>" + XmlEscape(line) + "</p>\n";
  }
  html += "</article><footer>Copyright News Room</footer></body></html>";
  feeds_.Serve("/article.html", {html, "text/html; charset=utf-8", ""});
  WriteConfig(SourceYaml("page", feeds_.url("/article.html")), WebhookYaml("ops", receiver.url()));
  auto vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 1; }, 15s)) << vigil->Log();
  ASSERT_TRUE(vigil->WaitForLog("none new", 10s)) << vigil->Log();
  ASSERT_EQ(receiver.alerts().size(), 1u);
  nlohmann::json alert = receiver.alerts()[0].json;
  EXPECT_EQ(alert["document"]["url"], feeds_.url("/article.html"));
  EXPECT_EQ(EntityIds(alert), (std::set<std::string>{"putin", "kim-jong-un", "lavrov", "peskov"}));
  StopVigil(vigil);
}

}  // namespace
}  // namespace vigil::testing

namespace vigil::testing {
namespace {

using namespace std::chrono_literals;

TEST_F(E2eTest, EditedSourceUrlDoesNotInheritValidators) {
  Served same_etag{Rss({{"1", "Weather", "Sunny.", "http://x/1"}}), "application/rss+xml",
                   "\"same\""};
  feeds_.Serve("/old.xml", same_etag);
  feeds_.Serve("/new.xml", same_etag);
  WriteConfig(SourceYaml("news", feeds_.url("/old.xml")), "");
  auto vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return feeds_.CountNotModified() >= 1; }, 10s)) << vigil->Log();
  StopVigil(vigil);

  WriteConfig(SourceYaml("news", feeds_.url("/new.xml")), "");
  vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return feeds_.CountRequests("/new.xml") >= 1; }, 10s));
  StopVigil(vigil);
  for (const HttpRequest& request : feeds_.requests()) {
    if (request.target != "/new.xml") continue;
    EXPECT_EQ(request.headers.count("if-none-match"), 0u) << "validator of /old.xml sent to /new.xml";
    break;
  }
}

}  // namespace
}  // namespace vigil::testing

namespace vigil::testing {
namespace {

using namespace std::chrono_literals;

TEST_F(E2eTest, BacklogOfAlertsDrainsAtTheEndpointsPace) {
  WebhookReceiver receiver;
  std::vector<FeedItem> items;
  for (int i = 0; i < 30; ++i) {
    items.push_back({"b-" + std::to_string(i), "Kremlin " + std::to_string(i),
                     "Dmitry Peskov said " + std::to_string(i), "http://x/" + std::to_string(i)});
  }
  feeds_.Serve("/feed.xml", {Rss(items), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml"), "1h"), WebhookYaml("ops", receiver.url()));
  auto vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("30 alerts queued", 10s)) << vigil->Log();
  auto queued = std::chrono::steady_clock::now();
  // A loopback receiver answers in well under a millisecond: 30 alerts take
  // far less than the 15 s that one pump per second would need.
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() >= 30; }, 20s)) << vigil->Log();
  EXPECT_LT(std::chrono::steady_clock::now() - queued, 5s);
  std::set<std::string> ids;
  for (const ReceivedAlert& alert : receiver.alerts()) {
    EXPECT_TRUE(alert.verified);
    ids.insert(alert.webhook_id);
  }
  EXPECT_EQ(ids.size(), 30u);
  EXPECT_EQ(receiver.alerts().size(), 30u);
  StopVigil(vigil);
}

}  // namespace
}  // namespace vigil::testing
