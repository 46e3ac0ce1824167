// Dead letters and 410-disabled webhooks: what `vigil alerts` and the
// dispatcher rely on.
#include <gtest/gtest.h>

#include "store_test_util.h"
#include "vigil/store/store.h"

namespace vigil {
namespace {

constexpr int64_t kFetched = 1'700'000'000'000;

class StoreDeadLettersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.path() / "vigil.db";
    Result<std::unique_ptr<Store>> store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
  }

  // Queues one alert per message id and returns their outbox ids.
  std::vector<int64_t> Queue(const std::vector<std::pair<std::string, std::string>>& alerts) {
    std::vector<int64_t> ids;
    for (const auto& [message_id, webhook_id] : alerts) {
      EXPECT_TRUE(store_
                      ->InsertDocument(SampleDocument("feed", "guid:" + message_id, kFetched),
                                       {}, {SampleAlert(message_id, webhook_id)})
                      .ok());
    }
    Result<std::vector<OutboxEntry>> all = store_->ListAlerts();
    EXPECT_TRUE(all.ok());
    for (const OutboxEntry& entry : *all) ids.push_back(entry.id);
    return ids;
  }

  OutboxEntry Row(int64_t id) {
    Result<std::vector<OutboxEntry>> all = store_->ListAlerts();
    EXPECT_TRUE(all.ok());
    for (const OutboxEntry& entry : *all) {
      if (entry.id == id) return entry;
    }
    ADD_FAILURE() << "no outbox row " << id;
    return {};
  }

  TempDir dir_;
  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreDeadLettersTest, ReplayRequeuesFailedAlertWithSameIdAndAttemptsReset) {
  std::vector<int64_t> ids = Queue({{"m1", "ops"}});
  ASSERT_TRUE(store_->MarkAttemptFailed(ids[0], kFetched + 5, "HTTP 500", false).ok());
  ASSERT_TRUE(store_->MarkAttemptFailed(ids[0], kFetched + 10, "HTTP 500", true).ok());
  Result<std::vector<OutboxEntry>> failed = store_->ListAlertsInState(OutboxState::kFailed);
  ASSERT_TRUE(failed.ok());
  ASSERT_EQ(failed->size(), 1u);
  EXPECT_EQ((*failed)[0].attempts, 2);
  EXPECT_EQ((*failed)[0].created_unix_ms, kFetched);

  Result<int64_t> replayed = store_->ReplayAlerts({ids[0]}, kFetched + 99);
  ASSERT_TRUE(replayed.ok()) << replayed.status().message();
  EXPECT_EQ(*replayed, 1);
  OutboxEntry row = Row(ids[0]);
  EXPECT_EQ(row.state, OutboxState::kPending);
  EXPECT_EQ(row.attempts, 0);
  EXPECT_EQ(row.message_id, "m1");
  EXPECT_EQ(row.next_attempt_unix_ms, kFetched + 99);
  Result<std::vector<OutboxEntry>> due = store_->DueAlertsFor("ops", kFetched + 99, 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].message_id, "m1");
}

TEST_F(StoreDeadLettersTest, ReplayLeavesDeliveredAndUnknownRowsAlone) {
  std::vector<int64_t> ids = Queue({{"m1", "ops"}});
  ASSERT_TRUE(store_->MarkDelivered(ids[0], kFetched + 1).ok());
  Result<int64_t> replayed = store_->ReplayAlerts({ids[0], 4242}, kFetched + 2);
  ASSERT_TRUE(replayed.ok());
  EXPECT_EQ(*replayed, 0);
  EXPECT_EQ(Row(ids[0]).state, OutboxState::kDelivered);
  EXPECT_EQ(Row(ids[0]).delivered_unix_ms, kFetched + 1);
}

TEST_F(StoreDeadLettersTest, DisableParksPendingAlertsAndSurvivesReopen) {
  std::vector<int64_t> ids = Queue({{"m1", "ops"}, {"m2", "ops"}, {"m3", "audit"}});
  DisabledWebhook gone{"ops", "https://old.example/hook", kFetched + 7, "HTTP 410 Gone"};
  Result<int64_t> parked = store_->DisableWebhook(gone);
  ASSERT_TRUE(parked.ok()) << parked.status().message();
  EXPECT_EQ(*parked, 2);
  EXPECT_EQ(Row(ids[0]).state, OutboxState::kFailed);
  EXPECT_EQ(Row(ids[0]).last_error, "HTTP 410 Gone");
  EXPECT_EQ(Row(ids[2]).state, OutboxState::kPending);  // other webhooks are untouched

  store_.reset();
  Result<std::unique_ptr<Store>> reopened = Store::Open(path_);
  ASSERT_TRUE(reopened.ok());
  store_ = std::move(*reopened);
  Result<std::vector<DisabledWebhook>> disabled = store_->DisabledWebhooks();
  ASSERT_TRUE(disabled.ok());
  ASSERT_EQ(disabled->size(), 1u);
  EXPECT_EQ((*disabled)[0].webhook_id, "ops");
  EXPECT_EQ((*disabled)[0].url, "https://old.example/hook");
  EXPECT_EQ((*disabled)[0].disabled_unix_ms, kFetched + 7);
  EXPECT_EQ((*disabled)[0].reason, "HTTP 410 Gone");
}

TEST_F(StoreDeadLettersTest, ReplayReenablesTheAlertsWebhook) {
  std::vector<int64_t> ids = Queue({{"m1", "ops"}});
  ASSERT_TRUE(store_->DisableWebhook({"ops", "https://x/", kFetched, "HTTP 410 Gone"}).ok());
  ASSERT_TRUE(store_->DisableWebhook({"audit", "https://y/", kFetched, "HTTP 410 Gone"}).ok());
  ASSERT_TRUE(store_->ReplayAlerts({ids[0]}, kFetched + 1).ok());
  Result<std::vector<DisabledWebhook>> disabled = store_->DisabledWebhooks();
  ASSERT_TRUE(disabled.ok());
  ASSERT_EQ(disabled->size(), 1u);
  EXPECT_EQ((*disabled)[0].webhook_id, "audit");
}

TEST_F(StoreDeadLettersTest, EnableSaysWhetherItWasDisabled) {
  ASSERT_TRUE(store_->DisableWebhook({"ops", "https://x/", kFetched, "HTTP 410 Gone"}).ok());
  Result<bool> enabled = store_->EnableWebhook("ops");
  ASSERT_TRUE(enabled.ok());
  EXPECT_TRUE(*enabled);
  enabled = store_->EnableWebhook("ops");
  ASSERT_TRUE(enabled.ok());
  EXPECT_FALSE(*enabled);
}

TEST_F(StoreDeadLettersTest, ReplayFromSecondConnectionIsSeenByFirst) {
  // `vigil alerts replay` runs beside the daemon: another connection.
  std::vector<int64_t> ids = Queue({{"m1", "ops"}});
  ASSERT_TRUE(store_->MarkAttemptFailed(ids[0], kFetched, "HTTP 500", true).ok());
  Result<std::unique_ptr<Store>> cli = Store::Open(path_);
  ASSERT_TRUE(cli.ok());
  ASSERT_TRUE((*cli)->ReplayAlerts({ids[0]}, kFetched + 3).ok());
  Result<std::vector<OutboxEntry>> due = store_->DueAlertsFor("ops", kFetched + 3, 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].attempts, 0);
}

}  // namespace
}  // namespace vigil
