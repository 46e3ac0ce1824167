#include "vigil/store/store.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store_test_util.h"

namespace vigil {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> OpenStore() {
    Result<std::unique_ptr<Store>> store = Store::Open(path_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    return store.ok() ? std::move(*store) : nullptr;
  }

  int64_t Documents(Store& store) {
    Result<int64_t> count = store.CountDocuments();
    EXPECT_TRUE(count.ok()) << count.status().message();
    return count.ok() ? *count : -1;
  }
  int64_t Hits(Store& store) {
    Result<int64_t> count = store.CountHits();
    EXPECT_TRUE(count.ok()) << count.status().message();
    return count.ok() ? *count : -1;
  }
  size_t Alerts(Store& store) {
    Result<std::vector<OutboxEntry>> alerts = store.ListAlerts();
    EXPECT_TRUE(alerts.ok()) << alerts.status().message();
    return alerts.ok() ? alerts->size() : 0;
  }

  TempDir dir_;
  std::filesystem::path path_ = dir_.path() / "state" / "vigil.db";
};

TEST_F(StoreTest, InsertsDocumentWithHitsAndAlerts) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<std::optional<int64_t>> id =
      store->InsertDocument(SampleDocument("feed-a", "guid:1"), {SampleEntityHit()},
                            {SampleAlert("m1", "ops"), SampleAlert("m2", "legal")});
  ASSERT_TRUE(id.ok()) << id.status().message();
  ASSERT_TRUE(id->has_value());
  EXPECT_GT(**id, 0);
  EXPECT_EQ(Documents(*store), 1);
  EXPECT_EQ(Hits(*store), 1);
  EXPECT_EQ(Alerts(*store), 2u);
  Result<bool> has = store->HasDocument("feed-a", "guid:1");
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
  has = store->HasDocument("feed-a", "guid:2");
  ASSERT_TRUE(has.ok());
  EXPECT_FALSE(*has);
}

TEST_F(StoreTest, DuplicateDocumentReturnsNulloptAndWritesNothing) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->InsertDocument(SampleDocument("feed-a", "guid:1"), {SampleEntityHit()},
                                    {SampleAlert("m1")})
                  .ok());
  NewDocument again = SampleDocument("feed-a", "guid:1");
  again.title = "A different title";
  Result<std::optional<int64_t>> id = store->InsertDocument(
      again, {SampleEntityHit(), SampleEntityHit()}, {SampleAlert("m2")});
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_FALSE(id->has_value());
  EXPECT_EQ(Documents(*store), 1);
  EXPECT_EQ(Hits(*store), 1);
  EXPECT_EQ(Alerts(*store), 1u);
  EXPECT_EQ(QueryDirect(path_, "SELECT title FROM documents"), "Title of guid:1");
}

TEST_F(StoreTest, SameDedupeKeyUnderAnotherSourceIsANewDocument) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<std::optional<int64_t>> first =
      store->InsertDocument(SampleDocument("feed-a", "guid:1"), {}, {});
  Result<std::optional<int64_t>> second =
      store->InsertDocument(SampleDocument("feed-b", "guid:1"), {}, {});
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(first->has_value() && second->has_value());
  EXPECT_NE(**first, **second);
  EXPECT_EQ(Documents(*store), 2);
}

TEST_F(StoreTest, HitsRoundTripAllFields) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  NewDocument document = SampleDocument("feed-a", "guid:utf8");
  document.text = "Санкции против «Газпром» — Gazprom’s arm";
  document.published_unix_ms.reset();
  Match entity = SampleEntityHit();
  entity.matched = "Газпром";
  entity.start = document.text.find("Газпром");
  entity.end = entity.start + std::string("Газпром").size();
  entity.entity_name = "ПАО Газпром";
  entity.snippet = "против «Газпром» —";
  entity.score = 0.8125;
  entity.matched_name = "Газпром";
  entity.rule = "transliterated";
  Match keyword;
  keyword.kind = MatchKind::kKeyword;
  keyword.keyword_id = "sanctions";
  keyword.matched = "Санкции";
  keyword.start = 0;
  keyword.end = std::string("Санкции").size();
  keyword.snippet = "Санкции против";
  keyword.score = 1.0;
  keyword.matched_name = "санкции";
  keyword.rule = "keyword";

  Result<std::optional<int64_t>> id = store->InsertDocument(document, {entity, keyword}, {});
  ASSERT_TRUE(id.ok() && id->has_value()) << id.status().message();
  Result<std::vector<Match>> hits = store->HitsForDocument(**id);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 2u);
  const Match& e = (*hits)[0];
  EXPECT_EQ(e.kind, MatchKind::kEntity);
  EXPECT_EQ(e.list_id, entity.list_id);
  EXPECT_EQ(e.entity_id, entity.entity_id);
  EXPECT_EQ(e.entity_name, entity.entity_name);
  EXPECT_EQ(e.keyword_id, "");
  EXPECT_EQ(e.matched, entity.matched);
  EXPECT_EQ(e.start, entity.start);
  EXPECT_EQ(e.end, entity.end);
  EXPECT_EQ(document.text.substr(e.start, e.end - e.start), "Газпром");
  EXPECT_EQ(e.snippet, entity.snippet);
  EXPECT_DOUBLE_EQ(e.score, 0.8125);
  EXPECT_EQ(e.matched_name, entity.matched_name);
  EXPECT_EQ(e.rule, "transliterated");
  const Match& k = (*hits)[1];
  EXPECT_EQ(k.kind, MatchKind::kKeyword);
  EXPECT_EQ(k.keyword_id, "sanctions");
  EXPECT_EQ(k.matched, "Санкции");
  EXPECT_EQ(k.start, 0u);
  EXPECT_EQ(k.end, 14u);
  EXPECT_EQ(k.matched_name, "санкции");
  // The document text is stored byte for byte, and a missing published
  // time is NULL rather than 0.
  EXPECT_EQ(QueryDirect(path_, "SELECT text FROM documents"), document.text);
  EXPECT_EQ(QueryDirect(path_, "SELECT typeof(published_ms) FROM documents"), "null");

  Result<std::vector<Match>> none = store->HitsForDocument(**id + 100);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(StoreTest, FailedInsertLeavesNothingBehind) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  // The second alert violates UNIQUE(message_id) after the document and hit
  // rows were written inside the transaction.
  Result<std::optional<int64_t>> id =
      store->InsertDocument(SampleDocument("feed-a", "guid:1"), {SampleEntityHit()},
                            {SampleAlert("same"), SampleAlert("same", "legal")});
  ASSERT_FALSE(id.ok());
  EXPECT_NE(id.status().message().find("InsertDocument"), std::string::npos)
      << id.status().message();
  EXPECT_NE(id.status().message().find("UNIQUE"), std::string::npos) << id.status().message();
  EXPECT_EQ(Documents(*store), 0);
  EXPECT_EQ(Hits(*store), 0);
  EXPECT_EQ(Alerts(*store), 0u);
  EXPECT_EQ(QueryDirect(path_, "SELECT COUNT(*) FROM outbox"), "0");

  // The rolled-back dedupe key is free again, and the store still works.
  Result<std::optional<int64_t>> retry = store->InsertDocument(
      SampleDocument("feed-a", "guid:1"), {SampleEntityHit()}, {SampleAlert("same")});
  ASSERT_TRUE(retry.ok()) << retry.status().message();
  EXPECT_TRUE(retry->has_value());
  EXPECT_EQ(Documents(*store), 1);
  EXPECT_EQ(Hits(*store), 1);
  EXPECT_EQ(Alerts(*store), 1u);
}

TEST_F(StoreTest, InsertDocumentsWritesABatchAndSkipsDuplicatesWithinIt) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->InsertDocument(SampleDocument("feed-a", "guid:old"), {}, {}).ok());
  std::vector<DocumentWrite> writes = {
      {SampleDocument("feed-a", "guid:1"), {SampleEntityHit()}, {SampleAlert("m1")}},
      {SampleDocument("feed-a", "guid:old"), {SampleEntityHit()}, {SampleAlert("m2")}},
      {SampleDocument("feed-a", "guid:1"), {SampleEntityHit()}, {SampleAlert("m3")}},
      {SampleDocument("feed-a", "guid:2"), {}, {}},
  };
  Result<std::vector<std::optional<int64_t>>> ids = store->InsertDocuments(writes);
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  ASSERT_EQ(ids->size(), 4u);
  EXPECT_TRUE((*ids)[0].has_value());
  EXPECT_FALSE((*ids)[1].has_value());  // stored before
  EXPECT_FALSE((*ids)[2].has_value());  // stored by entry 0 of this batch
  EXPECT_TRUE((*ids)[3].has_value());
  EXPECT_EQ(Documents(*store), 3);
  EXPECT_EQ(Hits(*store), 1);  // the duplicates' hits and alerts are not written
  EXPECT_EQ(Alerts(*store), 1u);
}

TEST_F(StoreTest, FailedBatchWritesNothing) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::vector<DocumentWrite> writes = {
      {SampleDocument("feed-a", "guid:1"), {SampleEntityHit()}, {SampleAlert("same")}},
      {SampleDocument("feed-a", "guid:2"), {SampleEntityHit()}, {SampleAlert("same")}},
  };
  Result<std::vector<std::optional<int64_t>>> ids = store->InsertDocuments(writes);
  ASSERT_FALSE(ids.ok());
  EXPECT_EQ(Documents(*store), 0);
  EXPECT_EQ(Hits(*store), 0);
  EXPECT_EQ(Alerts(*store), 0u);
}

TEST_F(StoreTest, SourceStateRoundTripsAndUpdates) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<std::optional<SourceState>> missing = store->GetSourceState("feed-a");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());

  SourceState state;
  state.source_id = "feed-a";
  state.url = "https://example.org/feed";
  state.etag = "\"abc123\"";
  state.last_modified = "Wed, 21 Oct 2015 07:28:00 GMT";
  state.next_poll_unix_ms = 1'700'000'060'000;
  state.error_count = 0;
  state.last_success_unix_ms = 1'700'000'000'000;
  ASSERT_TRUE(store->PutSourceState(state).ok());

  state.error_count = 3;
  state.last_error = "HTTP 503 from https://example.org/feed";
  state.next_poll_unix_ms = 1'700'000'600'000;
  ASSERT_TRUE(store->PutSourceState(state).ok());

  Result<std::optional<SourceState>> loaded = store->GetSourceState("feed-a");
  ASSERT_TRUE(loaded.ok() && loaded->has_value()) << loaded.status().message();
  const SourceState& got = **loaded;
  EXPECT_EQ(got.source_id, "feed-a");
  EXPECT_EQ(got.url, "https://example.org/feed");
  EXPECT_EQ(got.etag, "\"abc123\"");
  EXPECT_EQ(got.last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  EXPECT_EQ(got.next_poll_unix_ms, 1'700'000'600'000);
  EXPECT_EQ(got.error_count, 3);
  EXPECT_EQ(got.last_error, "HTTP 503 from https://example.org/feed");
  EXPECT_EQ(got.last_success_unix_ms, 1'700'000'000'000);
  EXPECT_EQ(QueryDirect(path_, "SELECT COUNT(*) FROM source_state"), "1");
}

TEST_F(StoreTest, ReopenKeepsEverything) {
  int64_t document_id = 0;
  {
    std::unique_ptr<Store> store = OpenStore();
    ASSERT_NE(store, nullptr);
    Result<std::optional<int64_t>> id = store->InsertDocument(
        SampleDocument("feed-a", "guid:1"), {SampleEntityHit()}, {SampleAlert("m1")});
    ASSERT_TRUE(id.ok() && id->has_value());
    document_id = **id;
    SourceState state;
    state.source_id = "feed-a";
    state.etag = "W/\"1\"";
    state.error_count = 2;
    ASSERT_TRUE(store->PutSourceState(state).ok());
    Result<std::vector<OutboxEntry>> due = store->DueAlerts(1'700'000'000'000, 10);
    ASSERT_TRUE(due.ok() && due->size() == 1u);
    ASSERT_TRUE(store->MarkAttemptFailed((*due)[0].id, 1'700'000'030'000, "timeout", false).ok());
  }
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Documents(*store), 1);
  EXPECT_EQ(Hits(*store), 1);
  Result<bool> has = store->HasDocument("feed-a", "guid:1");
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
  Result<std::vector<Match>> hits = store->HitsForDocument(document_id);
  ASSERT_TRUE(hits.ok() && hits->size() == 1u);
  EXPECT_EQ((*hits)[0].entity_id, "ofac-1");
  Result<std::optional<SourceState>> state = store->GetSourceState("feed-a");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->etag, "W/\"1\"");
  EXPECT_EQ((*state)->error_count, 2);
  Result<std::vector<OutboxEntry>> alerts = store->ListAlerts();
  ASSERT_TRUE(alerts.ok() && alerts->size() == 1u);
  EXPECT_EQ((*alerts)[0].message_id, "m1");
  EXPECT_EQ((*alerts)[0].state, OutboxState::kPending);
  EXPECT_EQ((*alerts)[0].attempts, 1);
  EXPECT_EQ((*alerts)[0].last_error, "timeout");
  EXPECT_EQ((*alerts)[0].next_attempt_unix_ms, 1'700'000'030'000);
  // Still deduplicated after the restart.
  Result<std::optional<int64_t>> again =
      store->InsertDocument(SampleDocument("feed-a", "guid:1"), {}, {SampleAlert("m9")});
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
}

TEST_F(StoreTest, SecondConnectionSeesCommittedRowsWhileOpen) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->InsertDocument(SampleDocument("feed-a", "guid:1"), {SampleEntityHit()},
                                    {SampleAlert("m1")})
                  .ok());
  EXPECT_EQ(QueryDirect(path_, "SELECT COUNT(*) FROM documents"), "1");
  EXPECT_EQ(QueryDirect(path_, "SELECT COUNT(*) FROM hits"), "1");
  EXPECT_EQ(QueryDirect(path_, "SELECT message_id FROM outbox"), "m1");
  // A reader on another connection does not block the store's writes (WAL).
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path_.c_str(), &reader, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT COUNT(*) FROM documents;", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  Result<std::optional<int64_t>> second =
      store->InsertDocument(SampleDocument("feed-a", "guid:2"), {}, {});
  EXPECT_TRUE(second.ok()) << second.status().message();
  sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(reader);
  EXPECT_EQ(QueryDirect(path_, "SELECT COUNT(*) FROM documents"), "2");
}

}  // namespace
}  // namespace vigil
