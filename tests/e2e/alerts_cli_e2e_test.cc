// End-to-end: dead letters and 410 Gone with the real binary, and
// `vigil alerts list|replay` run beside the running daemon.
#include <signal.h>
#include <stdlib.h>

#include <fstream>
#include <set>
#include <sstream>

#include "e2e_fixture.h"

namespace vigil::testing {
namespace {

using namespace std::chrono_literals;

FeedItem Item(int n) {
  return {"item-" + std::to_string(n), "Kremlin " + std::to_string(n),
          "Dmitry Peskov spoke about item " + std::to_string(n) + ".",
          "http://news.example/" + std::to_string(n)};
}

class AlertsCliTest : public E2eTest {
 protected:
  // A webhook that gives up after two attempts (one retry after 100 ms).
  std::string ShortWebhookYaml(const std::string& url) const {
    return "  - id: ops\n    url: " + url + "\n    secret: " + kTestSecret +
           "\n    backoff: [100ms]\n";
  }
  CommandResult Alerts(std::vector<std::string> args) {
    args.insert(args.begin(), "alerts");
    args.push_back("--config");
    args.push_back(config().string());
    return RunVigil(args);
  }
};

TEST_F(AlertsCliTest, DeadLetterIsListedAndReplayedIntoTheRunningDaemon) {
  WebhookReceiver receiver;
  receiver.set_status(500);
  feeds_.Serve("/feed.xml", {Rss({Item(1)}), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), ShortWebhookYaml(receiver.url()));
  auto vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("giving up on webhook ops after 2 attempts", 15s)) << vigil->Log();
  ASSERT_EQ(receiver.alerts().size(), 2u);
  const std::string webhook_id = receiver.alerts()[0].webhook_id;

  CommandResult list = Alerts({"list", "--failed", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  std::vector<nlohmann::json> failed = JsonLines(list.out);
  ASSERT_EQ(failed.size(), 1u) << list.out;
  EXPECT_EQ(failed[0]["state"], "failed");
  EXPECT_EQ(failed[0]["attempts"], 2);
  EXPECT_EQ(failed[0]["webhook"], "ops");
  EXPECT_EQ(failed[0]["webhook_id"], webhook_id);
  EXPECT_EQ(failed[0]["last_error"], "HTTP 500");
  CommandResult text = Alerts({"list"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("\tfailed\t2\tops\t"), std::string::npos) << text.out;

  // Unknown ids are refused without touching anything.
  CommandResult unknown = Alerts({"replay", "alrt_nope"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("no alert 'alrt_nope'"), std::string::npos) << unknown.err;

  receiver.set_status(204);
  CommandResult replay = Alerts({"replay", std::to_string(failed[0]["id"].get<int64_t>())});
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_NE(replay.out.find("replayed 1 alerts"), std::string::npos) << replay.out;
  // No restart: the daemon re-reads the outbox on its own.
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() == 1; }, 5s)) << vigil->Log();
  EXPECT_EQ(receiver.delivered()[0].webhook_id, webhook_id) << "a replay keeps the webhook-id";
  EXPECT_TRUE(receiver.delivered()[0].verified);
  ASSERT_TRUE(WaitUntil(
      [&] {
        std::vector<nlohmann::json> rows = JsonLines(Alerts({"list", "--json"}).out);
        return rows.size() == 1 && rows[0]["state"] == "delivered";
      },
      5s));
  // A delivered alert is not replayed.
  CommandResult again = Alerts({"replay", webhook_id});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("already delivered"), std::string::npos) << again.err;
  StopVigil(vigil);
}

TEST_F(AlertsCliTest, GoneDisablesTheWebhookAcrossRestartsUntilReplay) {
  WebhookReceiver receiver;
  receiver.set_status(410);
  feeds_.Serve("/feed.xml", {Rss({Item(1)}), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), WebhookYaml("ops", receiver.url()));
  auto vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("webhook ops DISABLED", 15s)) << vigil->Log();
  const std::string first_id = receiver.alerts()[0].webhook_id;

  // A new alert for the disabled webhook goes to the dead letters unsent.
  feeds_.Serve("/feed.xml", {Rss({Item(1), Item(2)}), "application/rss+xml", ""});
  ASSERT_TRUE(vigil->WaitForLog("1 new alerts parked as dead letters", 10s)) << vigil->Log();
  StopVigil(vigil);
  EXPECT_EQ(receiver.alerts().size(), 1u) << "a gone endpoint is asked once";

  // The state is in the database: a restart does not hammer the endpoint.
  vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("webhook ops is disabled", 5s)) << vigil->Log();
  std::this_thread::sleep_for(1500ms);
  EXPECT_EQ(receiver.alerts().size(), 1u);
  EXPECT_EQ(vigil->CountInLog("webhook ops is disabled"), 1) << "said once, not per pump";

  CommandResult list = Alerts({"list", "--failed", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  std::vector<nlohmann::json> failed = JsonLines(list.out);
  ASSERT_EQ(failed.size(), 2u) << list.out;
  for (const nlohmann::json& row : failed) {
    EXPECT_NE(row["last_error"].get<std::string>().find("410"), std::string::npos) << row;
  }
  CommandResult text = Alerts({"list"});
  EXPECT_NE(text.out.find("webhook ops is DISABLED"), std::string::npos) << text.out;

  receiver.set_status(204);
  CommandResult replay = Alerts({"replay", "--all-failed"});
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_NE(replay.out.find("replayed 2 alerts"), std::string::npos) << replay.out;
  ASSERT_TRUE(WaitUntil([&] { return receiver.delivered().size() == 2; }, 5s)) << vigil->Log();
  std::set<std::string> urls;
  for (const ReceivedAlert& alert : receiver.delivered()) {
    urls.insert(alert.json["document"]["url"].get<std::string>());
    if (alert.json["document"]["url"] == "http://news.example/1") {
      EXPECT_EQ(alert.webhook_id, first_id);
    }
  }
  EXPECT_EQ(urls, (std::set<std::string>{"http://news.example/1", "http://news.example/2"}));
  EXPECT_TRUE(vigil->WaitForLog("webhook ops: enabled again", 2s)) << vigil->Log();
  StopVigil(vigil);
}

TEST_F(AlertsCliTest, NewUrlEnablesAGoneWebhookAgain) {
  WebhookReceiver gone;
  gone.set_status(410);
  WebhookReceiver fresh;
  feeds_.Serve("/feed.xml", {Rss({Item(1)}), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), WebhookYaml("ops", gone.url()));
  auto vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("webhook ops DISABLED", 15s)) << vigil->Log();

  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), WebhookYaml("ops", fresh.url()));
  vigil->Signal(SIGHUP);
  ASSERT_TRUE(vigil->WaitForLog("url changed since it answered 410", 10s)) << vigil->Log();
  feeds_.Serve("/feed.xml", {Rss({Item(1), Item(2)}), "application/rss+xml", ""});
  ASSERT_TRUE(WaitUntil([&] { return fresh.delivered().size() == 1; }, 10s)) << vigil->Log();
  EXPECT_EQ(fresh.delivered()[0].json["document"]["url"], "http://news.example/2");
  EXPECT_EQ(gone.alerts().size(), 1u);
  StopVigil(vigil);
}

TEST_F(AlertsCliTest, WebhookUrlCredentialNeverShownAndCliNeedsNoUnitCredentials) {
  feeds_.Serve("/feed.xml", {Rss({Item(1)}), "application/rss+xml", ""});
  // Nothing listens on port 9 (discard): one attempt, then a dead letter.
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")),
              "  - id: ops\n    url: http://127.0.0.1:9/hook?token=SUPERSECRET\n    secret: " +
                  std::string(kTestSecret) + "\n    backoff: []\n");
  auto vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("giving up on webhook ops after 1 attempts", 15s))
      << vigil->Log();
  const std::string log = vigil->Log();
  StopVigil(vigil);
  EXPECT_EQ(log.find("SUPERSECRET"), std::string::npos) << log;
  EXPECT_EQ(log.find("/hook"), std::string::npos) << log;

  // An operator's shell: `ops` removed from the config, and a secret only
  // the systemd unit can resolve.
  ::unsetenv("CREDENTIALS_DIRECTORY");
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")),
              "  - id: other\n    url: http://127.0.0.1:9/x\n    secret: {credential: key}\n");
  CommandResult list = Alerts({"list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  std::vector<nlohmann::json> rows = JsonLines(list.out);
  ASSERT_EQ(rows.size(), 1u) << list.out;
  EXPECT_EQ(rows[0]["state"], "failed");
  EXPECT_EQ(list.out.find("SUPERSECRET"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("/hook"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("127.0.0.1:9"), std::string::npos) << list.out;

  // Its webhook is gone from the config: replaying would leave it pending
  // forever.
  CommandResult replay = Alerts({"replay", rows[0]["alert_id"].get<std::string>()});
  EXPECT_NE(replay.exit_code, 0);
  EXPECT_NE(replay.err.find("no longer has"), std::string::npos) << replay.err;
  rows = JsonLines(Alerts({"list", "--json"}).out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["state"], "failed");
}

}  // namespace
}  // namespace vigil::testing
