// Crash test: the real daemon is SIGKILLed at random moments, over and
// over, while loopback feeds grow and change and a flaky receiver answers
// 500s, times out or hangs up. Afterwards every expected alert must have
// arrived (acknowledged with 2xx at least once), and no alert may ever have
// been sent under two webhook-ids. Duplicates of one webhook-id are allowed:
// delivery is at least once.
//
// VIGIL_CRASH_KILLS=1000 runs the long version (default 100 kills, about a
// minute); VIGIL_CRASH_SEED picks the random sequence (default: random,
// printed so a failure can be replayed).
#include <signal.h>

#include <cstdlib>
#include <map>
#include <random>
#include <set>

#include "e2e_fixture.h"
#include "vigil/alert/signer.h"

namespace vigil::testing {
namespace {

using namespace std::chrono_literals;

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::atoi(value) : fallback;
}

struct Received {
  std::string hook;  // request path: which webhook
  std::string webhook_id;
  std::string alert_id;
  std::string url;  // document.url
  bool verified = false;
  bool acked = false;  // answered 2xx in full
};

// Answers each request with a random misbehaviour while `flaky` is set.
class FlakyReceiver {
 public:
  explicit FlakyReceiver(uint32_t seed)
      : rng_(seed), server_([this](const HttpRequest& request) { return Handle(request); }) {}

  std::string url(const std::string& path) const { return server_.url(path); }
  void set_flaky(bool flaky) { flaky_ = flaky; }
  std::vector<Received> received() const {
    std::lock_guard<std::mutex> lock(mu_);
    return received_;
  }

 private:
  HttpResponse Handle(const HttpRequest& request) {
    Received got;
    got.hook = request.target;
    auto header = [&](const char* name) {
      auto found = request.headers.find(name);
      return found == request.headers.end() ? std::string() : found->second;
    };
    got.webhook_id = header("webhook-id");
    std::string timestamp = header("webhook-timestamp");
    got.verified = !timestamp.empty() &&
                   VerifyWebhook(kTestSecret, got.webhook_id, std::stoll(timestamp),
                                 request.body, header("webhook-signature"));
    nlohmann::json json = nlohmann::json::parse(request.body, nullptr, false);
    if (!json.is_discarded()) {
      got.alert_id = json.value("alert_id", "");
      got.url = json["document"].value("url", "");
    }
    HttpResponse response;
    response.status = 204;
    std::lock_guard<std::mutex> lock(mu_);
    int roll = flaky_ ? static_cast<int>(rng_() % 100) : 99;
    if (roll < 15) {
      response.status = 500;
    } else if (roll < 25) {
      // Longer than the webhook's timeout: the sender gives up mid-answer.
      response.status = 200;
      response.body = std::string(20, 'x');
      response.drip_bytes = 1;
      response.drip_delay_ms = 100;
    } else if (roll < 30) {
      response.hang_up = true;
    } else {
      got.acked = true;
    }
    received_.push_back(got);
    return response;
  }

  mutable std::mutex mu_;
  std::mt19937 rng_;                // protected by mu_
  std::vector<Received> received_;  // protected by mu_
  std::atomic<bool> flaky_{true};
  HttpServer server_;
};

std::string WebhookWithRetries(const std::string& id, const std::string& url) {
  // Enough quick retries that no alert ends as a dead letter at a 30%
  // failure rate; a short timeout so dripped answers count as failures.
  return "  - id: " + id + "\n    url: " + url + "\n    secret: " + kTestSecret +
         "\n    timeout: 500ms\n    backoff: [50ms, 100ms, 200ms, 300ms, 400ms, 500ms, 500ms, "
         "500ms, 500ms, 500ms, 500ms, 500ms, 500ms, 500ms, 500ms, 500ms, 500ms, 500ms, 500ms, "
         "500ms, 500ms, 500ms, 500ms, 500ms, 500ms]\n";
}

TEST_F(E2eTest, SigkillAtRandomMomentsLosesNoAlertAndNeverChangesItsId) {
  const int kills = EnvInt("VIGIL_CRASH_KILLS", 100);
  const uint32_t seed =
      static_cast<uint32_t>(EnvInt("VIGIL_CRASH_SEED", static_cast<int>(std::random_device{}() >> 1)));
  std::cout << "crash test: " << kills << " kills, seed " << seed
            << " (VIGIL_CRASH_SEED to replay)\n";
  std::mt19937 rng(seed);
  FlakyReceiver receiver(seed + 1);

  constexpr int kFeeds = 3;
  std::vector<std::vector<FeedItem>> feeds(kFeeds);
  std::set<std::string> expected_urls;  // items that mention a watchlist name
  std::set<std::string> quiet_urls;     // items that must not alert
  int next_item = 0;
  auto publish = [&](int feed) {
    feeds_.Serve("/feed" + std::to_string(feed) + ".xml",
                 {Rss(feeds[feed]), "application/rss+xml", ""});
  };
  auto add_item = [&] {
    int feed = static_cast<int>(rng() % kFeeds);
    int n = next_item++;
    std::string url = "http://news.example/" + std::to_string(feed) + "/" + std::to_string(n);
    bool mentions = rng() % 10 < 7;
    std::string text = mentions ? "Sergei Lavrov met envoys about item " + std::to_string(n) + "."
                                : "Weather report number " + std::to_string(n) + ": sunny.";
    feeds[feed].push_back({"guid-" + std::to_string(n), "Item " + std::to_string(n), text, url});
    (mentions ? expected_urls : quiet_urls).insert(url);
    publish(feed);
  };
  auto retitle_item = [&] {
    // Same guid, new title: the same document, so no new alert.
    int feed = static_cast<int>(rng() % kFeeds);
    if (feeds[feed].empty()) return;
    FeedItem& item = feeds[feed][rng() % feeds[feed].size()];
    item.title += " (updated)";
    publish(feed);
  };
  for (int i = 0; i < kFeeds; ++i) {
    add_item();
    publish(i);
  }

  std::string sources;
  for (int i = 0; i < kFeeds; ++i) {
    sources += SourceYaml("feed" + std::to_string(i),
                          feeds_.url("/feed" + std::to_string(i) + ".xml"));
  }
  WriteConfig(sources, WebhookWithRetries("a", receiver.url("/a")) +
                           WebhookWithRetries("b", receiver.url("/b")));

  auto started = std::chrono::steady_clock::now();
  std::uniform_int_distribution<int> alive_ms(20, 700);
  for (int kill = 0; kill < kills; ++kill) {
    VigilProcess vigil({"run", "--config", config().string()}, dir_ / "crash.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(alive_ms(rng)));
    vigil.Signal(SIGKILL);
    std::optional<int> code = vigil.WaitExit(5s);
    ASSERT_TRUE(code.has_value()) << "vigil did not die on SIGKILL";
    if (rng() % 3 == 0) add_item();
    if (rng() % 8 == 0) retitle_item();
  }
  auto killed = std::chrono::steady_clock::now();

  // Calm after the storm: a reliable receiver and a daemon left running.
  receiver.set_flaky(false);
  const size_t webhooks = 2;
  auto all_acked = [&] {
    std::set<std::pair<std::string, std::string>> acked;
    for (const Received& got : receiver.received()) {
      if (got.acked) acked.insert({got.hook, got.url});
    }
    size_t found = 0;
    for (const auto& [hook, url] : acked) found += expected_urls.count(url);
    return found == expected_urls.size() * webhooks;
  };
  auto vigil = StartVigil();
  bool complete = WaitUntil(all_acked, 60s);
  std::this_thread::sleep_for(1500ms);  // let late duplicates show
  StopVigil(vigil);
  auto drained = std::chrono::steady_clock::now();

  // Checks over every request ever received, acknowledged or not.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> ids_per_item;
  std::map<std::pair<std::string, std::string>, std::set<std::string>> alerts_per_item;
  std::map<std::pair<std::string, std::string>, int> acks_per_item;
  std::vector<Received> received = receiver.received();
  size_t unverified = 0, acked = 0;
  for (const Received& got : received) {
    unverified += !got.verified;
    EXPECT_TRUE(got.hook == "/a" || got.hook == "/b") << got.hook;
    EXPECT_EQ(quiet_urls.count(got.url), 0u) << "alert for an item naming nobody: " << got.url;
    EXPECT_EQ(expected_urls.count(got.url) + quiet_urls.count(got.url), 1u)
        << "alert for an unknown document: " << got.url;
    ids_per_item[{got.hook, got.url}].insert(got.webhook_id);
    alerts_per_item[{got.hook, got.url}].insert(got.alert_id);
    if (got.acked) {
      ++acked;
      ++acks_per_item[{got.hook, got.url}];
    }
  }
  EXPECT_EQ(unverified, 0u) << "every request carries a valid signature";
  size_t lost = 0, two_ids = 0, duplicates = 0;
  for (const std::string& url : expected_urls) {
    for (const char* hook : {"/a", "/b"}) {
      auto key = std::make_pair(std::string(hook), url);
      if (acks_per_item[key] == 0) {
        ++lost;
        ADD_FAILURE() << "never delivered: " << url << " to " << hook;
      }
      if (acks_per_item[key] > 1) duplicates += acks_per_item[key] - 1;
      if (ids_per_item[key].size() > 1 || alerts_per_item[key].size() > 1) {
        ++two_ids;
        ADD_FAILURE() << url << " to " << hook << " sent under " << ids_per_item[key].size()
                      << " webhook-ids and " << alerts_per_item[key].size() << " alert ids";
      }
    }
  }
  // The two webhooks of one alert differ in webhook-id but share the alert id.
  std::map<std::string, std::set<std::string>> alert_ids_per_url;
  for (const Received& got : received) alert_ids_per_url[got.url].insert(got.alert_id);
  for (const auto& [url, ids] : alert_ids_per_url) EXPECT_EQ(ids.size(), 1u) << url;
  EXPECT_TRUE(complete);

  auto seconds = [](auto a, auto b) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count() / 1000.0;
  };
  std::cout << "crash test: " << kills << " SIGKILLs in " << seconds(started, killed)
            << " s, drained in " << seconds(killed, drained) << " s; " << next_item
            << " items (" << expected_urls.size() << " alerting, " << quiet_urls.size()
            << " quiet), " << expected_urls.size() * webhooks << " expected deliveries, "
            << received.size() << " requests, " << acked << " acknowledged, " << duplicates
            << " duplicate deliveries (same webhook-id), " << lost << " lost, " << two_ids
            << " sent under two ids\n";
}

}  // namespace
}  // namespace vigil::testing
