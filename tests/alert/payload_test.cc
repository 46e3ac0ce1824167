#include "vigil/alert/payload.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace vigil {
namespace {

using nlohmann::json;

constexpr int64_t kPublished = 1694685600000;  // 2023-09-14T10:00:00Z
constexpr int64_t kFetched = 1694686523000;    // 2023-09-14T10:15:23Z

Match EntityMatch() {
  Match match;
  match.kind = MatchKind::kEntity;
  match.list_id = "local";
  match.entity_id = "putin";
  match.entity_name = "Vladimir Putin";
  match.matched = "Vladimir Putin";
  match.start = 120;
  match.end = 134;
  match.snippet = "... said Vladimir Putin on ...";
  match.score = 1.0;
  match.matched_name = "Vladimir Putin";
  match.rule = "exact";
  return match;
}

Match KeywordMatch() {
  Match match;
  match.kind = MatchKind::kKeyword;
  match.keyword_id = "arms";
  match.matched = "arms deal";
  match.start = 900;
  match.end = 909;
  match.snippet = "an arms deal worth";
  match.matched_name = "arms deal";
  match.rule = "exact";
  return match;
}

AlertDocument Document() {
  AlertDocument document;
  document.url = "https://news.example/world/1";
  document.title = "Kremlin: talks in Zürich — Путин";
  document.published_unix_ms = kPublished;
  document.fetched_unix_ms = kFetched;
  return document;
}

TEST(BuildAlertPayloadTest, HasEveryDocumentedField) {
  std::string text =
      BuildAlertPayload("alrt_1", "world-news", Document(), {EntityMatch(), KeywordMatch()});
  json payload = json::parse(text);

  EXPECT_EQ(payload.size(), 5u);
  EXPECT_EQ(payload["type"], "vigil.hit");
  EXPECT_EQ(payload["alert_id"], "alrt_1");
  EXPECT_EQ(payload["source"], "world-news");

  const json& doc = payload["document"];
  EXPECT_EQ(doc.size(), 4u);
  EXPECT_EQ(doc["url"], "https://news.example/world/1");
  EXPECT_EQ(doc["title"], "Kremlin: talks in Zürich — Путин");
  EXPECT_EQ(doc["published"], "2023-09-14T10:00:00Z");
  EXPECT_EQ(doc["fetched_at"], "2023-09-14T10:15:23Z");

  ASSERT_TRUE(payload["matches"].is_array());
  ASSERT_EQ(payload["matches"].size(), 2u);
  const json& entity = payload["matches"][0];
  EXPECT_EQ(entity.size(), 11u);
  EXPECT_EQ(entity["kind"], "entity");
  EXPECT_EQ(entity["list"], "local");
  EXPECT_EQ(entity["entity_id"], "putin");
  EXPECT_EQ(entity["name"], "Vladimir Putin");
  EXPECT_EQ(entity["matched"], "Vladimir Putin");
  EXPECT_EQ(entity["start"], 120);
  EXPECT_EQ(entity["end"], 134);
  EXPECT_EQ(entity["snippet"], "... said Vladimir Putin on ...");
  EXPECT_TRUE(entity["score"].is_number_float());
  EXPECT_DOUBLE_EQ(entity["score"].get<double>(), 1.0);
  EXPECT_EQ(entity["matched_name"], "Vladimir Putin");
  EXPECT_EQ(entity["rule"], "exact");

  const json& keyword = payload["matches"][1];
  EXPECT_EQ(keyword.size(), 6u);
  EXPECT_EQ(keyword["kind"], "keyword");
  EXPECT_EQ(keyword["keyword_id"], "arms");
  EXPECT_EQ(keyword["matched"], "arms deal");
  EXPECT_EQ(keyword["start"], 900);
  EXPECT_EQ(keyword["end"], 909);
  EXPECT_EQ(keyword["snippet"], "an arms deal worth");
}

TEST(BuildAlertPayloadTest, IsCompactWithKeysInDocumentedOrder) {
  std::string text = BuildAlertPayload("alrt_1", "world-news", Document(), {KeywordMatch()});
  EXPECT_EQ(text,
            R"({"type":"vigil.hit","alert_id":"alrt_1","source":"world-news",)"
            R"("document":{"url":"https://news.example/world/1",)"
            R"("title":"Kremlin: talks in Zürich — Путин",)"
            R"("published":"2023-09-14T10:00:00Z","fetched_at":"2023-09-14T10:15:23Z"},)"
            R"("matches":[{"kind":"keyword","keyword_id":"arms","matched":"arms deal",)"
            R"("start":900,"end":909,"snippet":"an arms deal worth"}]})");
}

TEST(BuildAlertPayloadTest, KeepsUtf8Unescaped) {
  std::string text = BuildAlertPayload("alrt_1", "s", Document(), {});
  EXPECT_NE(text.find("Zürich — Путин"), std::string::npos);
  EXPECT_EQ(text.find("\\u"), std::string::npos);
}

TEST(BuildAlertPayloadTest, PublishedIsNullWhenUnknown) {
  AlertDocument document = Document();
  document.published_unix_ms.reset();
  json payload = json::parse(BuildAlertPayload("alrt_1", "s", document, {}));
  ASSERT_TRUE(payload["document"].contains("published"));
  EXPECT_TRUE(payload["document"]["published"].is_null());
  EXPECT_TRUE(payload["matches"].is_array());
  EXPECT_TRUE(payload["matches"].empty());
}

TEST(BuildAlertPayloadTest, EscapesJsonSpecialCharacters) {
  AlertDocument document = Document();
  document.title = "He said \"no\"\n\\ done";
  json payload = json::parse(BuildAlertPayload("alrt_1", "s", document, {}));
  EXPECT_EQ(payload["document"]["title"], "He said \"no\"\n\\ done");
}

TEST(BuildAlertPayloadTest, ReplacesInvalidUtf8InsteadOfThrowing) {
  AlertDocument document = Document();
  document.title = "bad \xff\xfe byte";
  Match match = KeywordMatch();
  match.snippet = "cut \xe2\x82";  // truncated euro sign
  std::string text;
  ASSERT_NO_THROW(text = BuildAlertPayload("alrt_1", "s", document, {match}));
  json payload = json::parse(text);  // the output itself is valid UTF-8 JSON
  std::string title = payload["document"]["title"];
  EXPECT_EQ(title.rfind("bad ", 0), 0u);
  EXPECT_NE(title.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  EXPECT_NE(title.find(" byte"), std::string::npos);
  EXPECT_NE(payload["matches"][0]["snippet"].get<std::string>().find("\xEF\xBF\xBD"),
            std::string::npos);
}

TEST(NewAlertIdTest, IsPrefixedRandomHex) {
  std::regex pattern("alrt_[0-9a-f]{32}");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewAlertId();
    ASSERT_TRUE(std::regex_match(id, pattern)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(WebhookMessageIdTest, IsStablePerAlertAndWebhook) {
  std::string id = WebhookMessageId("alrt_1", "ops");
  EXPECT_TRUE(std::regex_match(id, std::regex("msg_[0-9a-f]{32}"))) << id;
  EXPECT_EQ(id, WebhookMessageId("alrt_1", "ops"));
  EXPECT_NE(id, WebhookMessageId("alrt_1", "legal"));
  EXPECT_NE(id, WebhookMessageId("alrt_2", "ops"));
}

TEST(WebhookMessageIdTest, IsFirstHalfOfSha256) {
  // sha256("alrt_1\nops"), computed independently with sha256sum.
  EXPECT_EQ(WebhookMessageId("alrt_1", "ops"), "msg_d26f6620240b7f4df370043f796e5ada");
}

TEST(WebhookMessageIdTest, SeparatorPreventsAmbiguity) {
  EXPECT_NE(WebhookMessageId("alrt_1", "2ops"), WebhookMessageId("alrt_12", "ops"));
}

}  // namespace
}  // namespace vigil
