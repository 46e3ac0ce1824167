// Store::OpenExisting (`vigil alerts` beside a running daemon) and the
// disabled-webhook parking that must not undo a replay.
#include <gtest/gtest.h>

#include "store_migrations.h"
#include "store_test_util.h"
#include "vigil/store/store.h"

namespace vigil {
namespace {

constexpr int64_t kFetched = 1'700'000'000'000;

// A database left at schema version 1, as an older daemon wrote it.
void CreateVersionOne(const std::filesystem::path& path) {
  std::vector<std::string_view> first = {SchemaMigrations().front()};
  Result<std::unique_ptr<Store>> old = OpenWithMigrations(path, first);
  ASSERT_TRUE(old.ok()) << old.status().message();
  ASSERT_TRUE((*old)
                  ->InsertDocument(SampleDocument("feed", "guid:a", kFetched), {},
                                   {SampleAlert("m1", "ops")})
                  .ok());
}

TEST(StoreOpenExistingTest, ReadOnlyNeverMigratesAnOlderSchema) {
  ASSERT_GT(Store::CurrentSchemaVersion(), 1);
  TempDir dir;
  std::filesystem::path path = dir.path() / "vigil.db";
  CreateVersionOne(path);
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(path, Store::Access::kReadOnly);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->SchemaVersion(), 1);
  Result<std::vector<OutboxEntry>> alerts = (*store)->ListAlerts();
  ASSERT_TRUE(alerts.ok()) << alerts.status().message();
  EXPECT_EQ(alerts->size(), 1u);
  store->reset();
  EXPECT_EQ(QueryDirect(path, "PRAGMA user_version"), "1");
}

TEST(StoreOpenExistingTest, ReadOnlyConnectionCannotWrite) {
  TempDir dir;
  std::filesystem::path path = dir.path() / "vigil.db";
  ASSERT_TRUE(Store::Open(path).ok());
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(path, Store::Access::kReadOnly);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->SchemaVersion(), Store::CurrentSchemaVersion());
  EXPECT_FALSE((*store)->ParkPendingAlerts("ops", "x").ok());
}

TEST(StoreOpenExistingTest, ReadWriteRefusesAnotherSchemaVersion) {
  TempDir dir;
  std::filesystem::path path = dir.path() / "vigil.db";
  CreateVersionOne(path);
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(path, Store::Access::kReadWrite);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("schema version 1 differs"), std::string::npos)
      << store.status().message();
  EXPECT_EQ(QueryDirect(path, "PRAGMA user_version"), "1");

  QueryDirect(path, "PRAGMA user_version = " + std::to_string(Store::CurrentSchemaVersion() + 1));
  EXPECT_FALSE(Store::OpenExisting(path, Store::Access::kReadWrite).ok());
}

TEST(StoreOpenExistingTest, ReadWriteOpensTheCurrentSchemaAndNeverCreates) {
  TempDir dir;
  std::filesystem::path path = dir.path() / "vigil.db";
  EXPECT_FALSE(Store::OpenExisting(path, Store::Access::kReadWrite).ok());
  EXPECT_FALSE(Store::OpenExisting(path, Store::Access::kReadOnly).ok());
  EXPECT_FALSE(std::filesystem::exists(path));
  ASSERT_TRUE(Store::Open(path).ok());
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(path, Store::Access::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_TRUE((*store)->ParkPendingAlerts("ops", "x").ok());
}

TEST(StoreParkDisabledTest, ParksOnlyWhileTheWebhookIsStillDisabled) {
  TempDir dir;
  Result<std::unique_ptr<Store>> opened = Store::Open(dir.path() / "vigil.db");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& store = **opened;
  ASSERT_TRUE(store.InsertDocument(SampleDocument("feed", "guid:a", kFetched), {},
                                   {SampleAlert("m1", "ops")})
                  .ok());
  // The daemon read "ops is disabled"; then a replay re-enabled it and made
  // the row pending, before the daemon parked.
  ASSERT_TRUE(store.DisableWebhook({"ops", "http://old", kFetched, "HTTP 410 Gone"}).ok());
  Result<std::vector<OutboxEntry>> all = store.ListAlerts();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(store.ReplayAlerts({(*all)[0].id}, kFetched + 1).value(), 1);

  Result<int64_t> parked = store.ParkPendingAlertsOfDisabled("ops", "webhook disabled");
  ASSERT_TRUE(parked.ok()) << parked.status().message();
  EXPECT_EQ(*parked, 0);
  EXPECT_EQ(store.ListAlertsInState(OutboxState::kPending).value().size(), 1u);

  // Still disabled: parked.
  ASSERT_TRUE(store.DisableWebhook({"ops", "http://old", kFetched, "HTTP 410 Gone"}).ok());
  ASSERT_TRUE(store.InsertDocument(SampleDocument("feed", "guid:b", kFetched), {},
                                   {SampleAlert("m2", "ops")})
                  .ok());
  EXPECT_EQ(store.ParkPendingAlertsOfDisabled("ops", "webhook disabled").value(), 1);
  EXPECT_TRUE(store.ListAlertsInState(OutboxState::kPending).value().empty());
}

}  // namespace
}  // namespace vigil
