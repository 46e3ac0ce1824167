#include "alert_dispatcher.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <boost/asio/io_context.hpp>

#include "tests/support/curl_environment.h"  // owns CurlGlobal for the run
#include "tests/support/http_server.h"
#include "tests/support/temp_dir.h"
#include "vigil/runtime/runtime.h"
#include "vigil/store/store.h"

namespace vigil {
namespace {

using namespace std::chrono_literals;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;

constexpr char kSecret[] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

HttpResponse Reply(int status) {
  HttpResponse response;
  response.status = status;
  return response;
}

WebhookEndpoint Webhook(const std::string& id, const std::string& url) {
  WebhookEndpoint webhook;
  webhook.id = id;
  webhook.url = url;
  webhook.secret = kSecret;
  webhook.timeout = 5s;
  webhook.backoff = {50ms, 50ms, 50ms};
  return webhook;
}

std::shared_ptr<const Runtime> RuntimeWith(std::vector<WebhookEndpoint> webhooks) {
  auto runtime = std::make_shared<Runtime>();
  runtime->config.webhooks = std::move(webhooks);
  return runtime;
}

class AlertDispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> store = Store::Open(dir_ / "vigil.db");
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
  }

  int64_t Queue(const std::string& key, const std::string& webhook_id) {
    NewDocument document;
    document.source_id = "news";
    document.dedupe_key = "guid:" + key;
    document.fetched_unix_ms = 1000;
    NewAlert alert{"alrt_" + key, webhook_id, "msg_" + key + "_" + webhook_id, "{}"};
    EXPECT_TRUE(store_->InsertDocument(document, {}, {alert}).ok());
    std::vector<OutboxEntry> all = store_->ListAlerts().value();
    for (const OutboxEntry& entry : all) {
      if (entry.message_id == alert.message_id) return entry.id;
    }
    ADD_FAILURE() << "not queued";
    return 0;
  }
  std::string State(int64_t id) {
    std::vector<OutboxEntry> all = store_->ListAlerts().value();
    for (const OutboxEntry& entry : all) {
      if (entry.id == id) return std::string(OutboxStateName(entry.state));
    }
    return "?";
  }
  // Runs the io loop until the pool's deliveries and the pumps settle.
  static void Stop(DaemonContext& context, AlertDispatcher& dispatcher) {
    context.stopping = true;
    dispatcher.Stop();
    context.io.run_for(200ms);
  }

  TempDir dir_{"dispatcher"};
  std::unique_ptr<Store> store_;
  boost::asio::io_context io_;
};

TEST_F(AlertDispatcherTest, ReplayedAlertOfUnconfiguredWebhookIsParkedAgainByThePump) {
  HttpServer server([](const HttpRequest&) { return Reply(204); });
  int64_t orphan = Queue("a", "removed");
  DaemonContext context(io_, *store_, RuntimeWith({Webhook("ops", server.url("/hook"))}));
  AlertDispatcher dispatcher(context);
  dispatcher.Start();
  io_.run_for(100ms);
  ASSERT_EQ(State(orphan), "failed");
  // A replay (another process) after the start: no reload follows.
  ASSERT_EQ(store_->ReplayAlerts({orphan}, 0).value(), 1);
  io_.run_for(1500ms);
  EXPECT_EQ(State(orphan), "failed") << "a pending alert nothing will ever send";
  Stop(context, dispatcher);
}

TEST_F(AlertDispatcherTest, GoneFromTheOldUrlDoesNotDisableTheNewOne) {
  HttpServer old_server([](const HttpRequest&) {
    std::this_thread::sleep_for(400ms);  // still in flight when the reload comes
    return Reply(410);
  });
  HttpServer new_server([](const HttpRequest&) { return Reply(204); });
  int64_t id = Queue("a", "ops");
  DaemonContext context(io_, *store_, RuntimeWith({Webhook("ops", old_server.url("/hook"))}));
  AlertDispatcher dispatcher(context);
  dispatcher.Start();
  io_.run_for(100ms);
  ASSERT_EQ(dispatcher.in_flight(), 1);
  context.runtime = RuntimeWith({Webhook("ops", new_server.url("/hook"))});
  dispatcher.Reconfigure();
  for (int i = 0; i < 30 && State(id) != "delivered"; ++i) io_.run_for(100ms);
  EXPECT_EQ(State(id), "delivered");
  EXPECT_TRUE(store_->DisabledWebhooks().value().empty());
  EXPECT_EQ(new_server.requests().size(), 1u);
  Stop(context, dispatcher);
}

TEST_F(AlertDispatcherTest, GoneFromTheConfiguredUrlDisablesTheWebhook) {
  HttpServer server([](const HttpRequest&) { return Reply(410); });
  int64_t id = Queue("a", "ops");
  DaemonContext context(io_, *store_, RuntimeWith({Webhook("ops", server.url("/hook"))}));
  AlertDispatcher dispatcher(context);
  dispatcher.Start();
  for (int i = 0; i < 20 && State(id) != "failed"; ++i) io_.run_for(100ms);
  EXPECT_EQ(State(id), "failed");
  ASSERT_EQ(store_->DisabledWebhooks().value().size(), 1u);
  Stop(context, dispatcher);
}

}  // namespace
}  // namespace vigil
