#include "vigil/pipeline/ingest.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"
#include "vigil/pipeline/document_text.h"
#include "vigil/store/store.h"

namespace vigil {
namespace {

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> store = Store::Open(dir_ / "vigil.db");
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
    Watchlist list{"local", {{"lavrov", "LAVROV, Sergei Viktorovich", EntityType::kPerson, {}}}};
    Result<std::shared_ptr<const Matcher>> matcher =
        Matcher::Build({list}, {{"arms", {"arms deal"}}});
    ASSERT_TRUE(matcher.ok()) << matcher.status().message();
    matcher_ = std::move(matcher).value();
  }

  Result<IngestStats> Run(const ParsedDocument& document,
                          const std::vector<WebhookEndpoint>& webhooks = {}) {
    return Ingest(*store_, *matcher_, "news", webhooks, document, "http://feed/", 1000);
  }

  TempDir dir_{"ingest"};
  std::unique_ptr<Store> store_;
  std::shared_ptr<const Matcher> matcher_;
};

ParsedDocument Feed(std::vector<Item> items) {
  ParsedDocument document;
  document.kind = DocumentKind::kRss;
  document.items = std::move(items);
  return document;
}

TEST_F(IngestTest, StoresNewItemsOnceAndQueuesAlertsPerWebhook) {
  WebhookEndpoint a{"a", "http://127.0.0.1:1/", "whsec_AAAA", std::chrono::seconds(1)};
  WebhookEndpoint b{"b", "http://127.0.0.1:2/", "whsec_AAAA", std::chrono::seconds(1)};
  ParsedDocument document = Feed({{"g1", "", "Diplomacy", "Sergei Lavrov spoke.", {}},
                                  {"g2", "", "Arms", "An arms deal was signed.", {}},
                                  {"g3", "", "Weather", "Sunny.", {}}});
  Result<IngestStats> first = Run(document, {a, b});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->items, 3);
  EXPECT_EQ(first->new_documents, 3);
  EXPECT_EQ(first->entity_hits, 1);
  EXPECT_EQ(first->keyword_hits, 1);
  // Only the item with an entity hit alerts, once per webhook.
  EXPECT_EQ(first->alerts_queued, 2);
  Result<std::vector<OutboxEntry>> alerts = store_->ListAlerts();
  ASSERT_TRUE(alerts.ok());
  ASSERT_EQ(alerts->size(), 2u);
  EXPECT_EQ((*alerts)[0].alert_id, (*alerts)[1].alert_id);
  EXPECT_NE((*alerts)[0].message_id, (*alerts)[1].message_id);

  Result<IngestStats> again = Run(document, {a, b});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->new_documents, 0);
  EXPECT_EQ(again->alerts_queued, 0);
  EXPECT_EQ(*store_->CountDocuments(), 3);
}

TEST_F(IngestTest, DedupesByGuidThenLinkThenContent) {
  Item by_link{"", "http://x/1", "t", "text one", {}};
  Item by_hash{"", "", "t", "text two", {}};
  ASSERT_TRUE(Run(Feed({by_link, by_hash})).ok());
  // Same link with edited text: still the same document.
  Item edited = by_link;
  edited.text = "text one, edited";
  Result<IngestStats> stats = Run(Feed({edited, by_hash}));
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->new_documents, 0);
  // Different text without guid or link: a new document.
  Result<IngestStats> changed = Run(Feed({Item{"", "", "t", "text three", {}}}));
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->new_documents, 1);
}

TEST_F(IngestTest, RepeatedItemInOneFeedIsStoredAndAlertedOnce) {
  WebhookEndpoint a{"a", "http://127.0.0.1:1/", "whsec_AAAA", std::chrono::seconds(1)};
  Item item{"same", "", "Diplomacy", "Sergei Lavrov spoke.", {}};
  Result<IngestStats> stats = Run(Feed({item, item}), {a});
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->new_documents, 1);
  EXPECT_EQ(stats->alerts_queued, 1);
  EXPECT_EQ(*store_->CountDocuments(), 1);
  EXPECT_EQ(store_->ListAlerts()->size(), 1u);
}

TEST_F(IngestTest, StopWhileMatchingStoresNothing) {
  std::atomic<bool> stop{true};
  Result<IngestStats> stats = Ingest(*store_, *matcher_, "news", {},
                                     Feed({{"g1", "", "t", "Sergei Lavrov spoke.", {}}}),
                                     "http://feed/", 1000, &stop);
  EXPECT_FALSE(stats.ok());
  EXPECT_EQ(*store_->CountDocuments(), 0);
  stop = false;
  stats = Ingest(*store_, *matcher_, "news", {}, Feed({{"g1", "", "t", "Sergei Lavrov.", {}}}),
                 "http://feed/", 1000, &stop);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->new_documents, 1);
}

TEST_F(IngestTest, PagesAreKeyedByContent) {
  Item page{"", "http://x/page", "Page", "Sergei Lavrov spoke.", {}};
  EXPECT_EQ(DedupeKey(page, DocumentKind::kHtml, "abc"), "hash:abc");
  EXPECT_EQ(DedupeKey(page, DocumentKind::kRss, "abc"), "link:http://x/page");
  page.guid = "g";
  EXPECT_EQ(DedupeKey(page, DocumentKind::kAtom, "abc"), "guid:g");
}

TEST_F(IngestTest, HitOffsetsPointIntoStoredText) {
  WebhookEndpoint a{"a", "http://127.0.0.1:1/", "whsec_AAAA", std::chrono::seconds(1)};
  Item item{"g", "", "Новости", "Глава МИД Sergei Lavrov спросил.", {}};
  ASSERT_TRUE(Run(Feed({item}), {a}).ok());
  std::string text = DocumentText(item, DocumentKind::kRss);
  EXPECT_EQ(text, "Новости\n\nГлава МИД Sergei Lavrov спросил.");
  Result<std::vector<OutboxEntry>> alerts = store_->ListAlerts();
  ASSERT_TRUE(alerts.ok());
  ASSERT_EQ(alerts->size(), 1u);
  const std::string& payload = (*alerts)[0].payload;
  size_t start = text.find("Sergei Lavrov");
  EXPECT_NE(payload.find("\"start\":" + std::to_string(start)), std::string::npos) << payload;
}

// An age beside a name is read against the item's year, or the fetch's
// when the item's date is none a feed could mean (the epoch): "Lavrov,
// 74," in 2024 is the listed man (born 1950), "Lavrov, 30," is not.
TEST_F(IngestTest, StatedAgesAreReadAgainstTheItemsYear) {
  Entity lavrov{"lavrov", "LAVROV, Sergei Viktorovich", EntityType::kPerson, {}};
  lavrov.birth_years = {1950};
  Result<std::shared_ptr<const Matcher>> matcher = Matcher::Build({Watchlist{"local", {lavrov}}}, {});
  ASSERT_TRUE(matcher.ok()) << matcher.status().message();
  const int64_t june_2024 = 1717200000000;  // 2024-06-01
  const int64_t fetched_2025 = 1748736000000;  // 2025-06-01
  Item agrees{"g1", "", "t", "Sergei Lavrov, 74, spoke.", june_2024};
  Item too_young{"g2", "", "t", "Sergei Lavrov, 30, a student, spoke.", june_2024};
  Item epoch_dated{"g3", "", "t", "Foreign minister Sergei Lavrov, 75, spoke.", int64_t{0}};
  Result<IngestStats> stats =
      Ingest(*store_, **matcher, "news", {}, Feed({agrees, too_young, epoch_dated}), "http://feed/", fetched_2025);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->new_documents, 3);
  // "74" in 2024 and "75" in 2025 (the fetch's year, the item's being 1970)
  // agree with 1950; "30" does not.
  EXPECT_EQ(stats->entity_hits, 2);
}

TEST(ContentHashTest, IsHexSha256) {
  EXPECT_EQ(ContentHash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace vigil
