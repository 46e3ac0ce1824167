#include "vigil/store/store.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store_test_util.h"

namespace vigil {
namespace {

constexpr int64_t kFetched = 1'700'000'000'000;

class StoreOutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> store = Store::Open(dir_.path() / "vigil.db");
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
  }

  std::vector<OutboxEntry> Due(int64_t now, int limit = 100) {
    Result<std::vector<OutboxEntry>> due = store_->DueAlerts(now, limit);
    EXPECT_TRUE(due.ok()) << due.status().message();
    return due.ok() ? *due : std::vector<OutboxEntry>();
  }

  std::optional<int64_t> NextDue() {
    Result<std::optional<int64_t>> next = store_->NextAlertDue();
    EXPECT_TRUE(next.ok()) << next.status().message();
    return next.ok() ? *next : std::nullopt;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreOutboxTest, NewAlertsAreDueAtFetchTime) {
  ASSERT_TRUE(store_->InsertDocument(SampleDocument("feed-a", "guid:1", kFetched), {},
                                     {SampleAlert("m1", "ops"), SampleAlert("m2", "legal")})
                  .ok());
  EXPECT_TRUE(Due(kFetched - 1).empty());
  std::vector<OutboxEntry> due = Due(kFetched);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].message_id, "m1");
  EXPECT_EQ(due[0].alert_id, "alert-m1");
  EXPECT_EQ(due[0].webhook_id, "ops");
  EXPECT_EQ(due[0].payload, R"({"type":"vigil.hit","id":"m1"})");
  EXPECT_EQ(due[0].attempts, 0);
  EXPECT_EQ(due[0].next_attempt_unix_ms, kFetched);
  EXPECT_EQ(due[0].state, OutboxState::kPending);
  EXPECT_EQ(due[0].last_error, "");
  EXPECT_EQ(due[1].message_id, "m2");
  EXPECT_EQ(due[1].webhook_id, "legal");
  EXPECT_EQ(Due(kFetched, 1).size(), 1u);
}

TEST_F(StoreOutboxTest, LifecycleFromPendingToDelivered) {
  ASSERT_TRUE(store_->InsertDocument(SampleDocument("feed-a", "guid:1", kFetched), {},
                                     {SampleAlert("m1")})
                  .ok());
  std::vector<OutboxEntry> due = Due(kFetched);
  ASSERT_EQ(due.size(), 1u);
  const int64_t id = due[0].id;

  const int64_t retry_at = kFetched + 30'000;
  ASSERT_TRUE(store_->MarkAttemptFailed(id, retry_at, "HTTP 502", false).ok());
  EXPECT_TRUE(Due(kFetched + 1).empty());
  EXPECT_TRUE(Due(retry_at - 1).empty());
  EXPECT_EQ(NextDue(), retry_at);

  due = Due(retry_at);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, id);
  EXPECT_EQ(due[0].attempts, 1);
  EXPECT_EQ(due[0].last_error, "HTTP 502");
  EXPECT_EQ(due[0].state, OutboxState::kPending);

  ASSERT_TRUE(store_->MarkDelivered(id, retry_at + 5).ok());
  EXPECT_TRUE(Due(retry_at + 1'000'000).empty());
  EXPECT_EQ(NextDue(), std::nullopt);
  Result<std::vector<OutboxEntry>> all = store_->ListAlerts();
  ASSERT_TRUE(all.ok() && all->size() == 1u);
  EXPECT_EQ((*all)[0].state, OutboxState::kDelivered);
  EXPECT_EQ((*all)[0].attempts, 2);
  EXPECT_EQ(QueryDirect(dir_.path() / "vigil.db", "SELECT delivered_ms FROM outbox"),
            std::to_string(retry_at + 5));

  // A delivered alert cannot be failed or delivered again.
  EXPECT_FALSE(store_->MarkAttemptFailed(id, retry_at + 10, "late", false).ok());
  EXPECT_FALSE(store_->MarkDelivered(id, retry_at + 10).ok());
}

TEST_F(StoreOutboxTest, GiveUpParksAlertAsFailed) {
  ASSERT_TRUE(store_->InsertDocument(SampleDocument("feed-a", "guid:1", kFetched), {},
                                     {SampleAlert("m1")})
                  .ok());
  std::vector<OutboxEntry> due = Due(kFetched);
  ASSERT_EQ(due.size(), 1u);
  ASSERT_TRUE(
      store_->MarkAttemptFailed(due[0].id, kFetched + 1000, "HTTP 410 Gone", true).ok());
  EXPECT_TRUE(Due(kFetched + 1'000'000'000).empty());
  EXPECT_EQ(NextDue(), std::nullopt);
  Result<std::vector<OutboxEntry>> all = store_->ListAlerts();
  ASSERT_TRUE(all.ok() && all->size() == 1u);
  EXPECT_EQ((*all)[0].state, OutboxState::kFailed);
  EXPECT_EQ((*all)[0].attempts, 1);
  EXPECT_EQ((*all)[0].last_error, "HTTP 410 Gone");
  EXPECT_FALSE(store_->MarkDelivered(due[0].id, kFetched + 2000).ok());
}

TEST_F(StoreOutboxTest, NextAlertDueIsEarliestPending) {
  EXPECT_EQ(NextDue(), std::nullopt);
  ASSERT_TRUE(store_->InsertDocument(SampleDocument("feed-a", "guid:late", kFetched + 500), {},
                                     {SampleAlert("late")})
                  .ok());
  ASSERT_TRUE(store_->InsertDocument(SampleDocument("feed-a", "guid:early", kFetched), {},
                                     {SampleAlert("early")})
                  .ok());
  EXPECT_EQ(NextDue(), kFetched);
  std::vector<OutboxEntry> due = Due(kFetched + 500);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].message_id, "early");  // earliest due first
  EXPECT_EQ(due[1].message_id, "late");
  ASSERT_TRUE(store_->MarkDelivered(due[0].id, kFetched + 600).ok());
  EXPECT_EQ(NextDue(), kFetched + 500);
}

TEST_F(StoreOutboxTest, UnknownOutboxIdIsAnError) {
  Status status = store_->MarkDelivered(12345, kFetched);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("12345"), std::string::npos) << status.message();
  EXPECT_FALSE(store_->MarkAttemptFailed(12345, kFetched, "x", false).ok());
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

class StoreOutboxPerWebhookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> store = Store::Open(dir_.path() / "vigil.db");
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
    // Three documents: alerts for "dead" first, then one for "live".
    for (int i = 0; i < 3; ++i) {
      std::string key = "doc-" + std::to_string(i);
      std::string webhook = i < 2 ? "dead" : "live";
      ASSERT_TRUE(store_->InsertDocument(SampleDocument("feed", key, 1000 + i), {SampleEntityHit()},
                                         {SampleAlert("msg-" + key, webhook)})
                      .ok());
    }
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreOutboxPerWebhookTest, DueAlertsForSeesOnlyThatWebhook) {
  Result<std::vector<OutboxEntry>> live = store_->DueAlertsFor("live", 5000, 1);
  ASSERT_TRUE(live.ok()) << live.status().message();
  ASSERT_EQ(live->size(), 1u);
  EXPECT_EQ((*live)[0].message_id, "msg-doc-2");
  // The older "dead" backlog fills a global batch of one, not this one.
  Result<std::vector<OutboxEntry>> global = store_->DueAlerts(5000, 1);
  ASSERT_TRUE(global.ok());
  EXPECT_EQ((*global)[0].webhook_id, "dead");
  Result<std::vector<OutboxEntry>> dead = store_->DueAlertsFor("dead", 5000, 10);
  ASSERT_TRUE(dead.ok());
  EXPECT_EQ(dead->size(), 2u);
  Result<std::vector<OutboxEntry>> not_yet = store_->DueAlertsFor("live", 1001, 10);
  ASSERT_TRUE(not_yet.ok());
  EXPECT_TRUE(not_yet->empty());
}

TEST_F(StoreOutboxPerWebhookTest, PendingWebhookIdsAndParking) {
  Result<std::vector<std::string>> ids = store_->PendingWebhookIds();
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, (std::vector<std::string>{"dead", "live"}));

  Result<int64_t> parked = store_->ParkPendingAlerts("dead", "webhook removed");
  ASSERT_TRUE(parked.ok()) << parked.status().message();
  EXPECT_EQ(*parked, 2);
  ids = store_->PendingWebhookIds();
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<std::string>{"live"});
  Result<std::vector<OutboxEntry>> all = store_->ListAlerts();
  ASSERT_TRUE(all.ok());
  int failed = 0;
  for (const OutboxEntry& entry : *all) {
    if (entry.state == OutboxState::kFailed) {
      ++failed;
      EXPECT_EQ(entry.webhook_id, "dead");
      EXPECT_EQ(entry.last_error, "webhook removed");
    }
  }
  EXPECT_EQ(failed, 2);
  // Parking again changes nothing: parked alerts are no longer pending.
  Result<int64_t> again = store_->ParkPendingAlerts("dead", "x");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
}

}  // namespace
}  // namespace vigil
