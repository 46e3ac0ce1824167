#include "vigil/pipeline/ingest.h"

#include <openssl/sha.h>

#include <algorithm>

#include "vigil/alert/payload.h"
#include "vigil/base/time.h"
#include "vigil/pipeline/document_text.h"
#include "vigil/fetch/http_client.h"

namespace vigil {

std::string ContentHash(std::string_view text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof digest);
  for (unsigned char byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 15]);
  }
  return hex;
}

std::string DedupeKey(const Item& item, DocumentKind kind, const std::string& content_hash) {
  bool is_page = kind == DocumentKind::kHtml || kind == DocumentKind::kText;
  if (!is_page && !item.guid.empty()) return "guid:" + item.guid;
  if (!is_page && !item.link.empty()) return "link:" + item.link;
  return "hash:" + content_hash;
}

namespace {

bool HasEntityHit(const std::vector<Match>& matches) {
  for (const Match& match : matches) {
    if (match.kind == MatchKind::kEntity) return true;
  }
  return false;
}

std::string HitSummary(const NewDocument& doc, const std::vector<Match>& matches) {
  // Counts in order of first appearance.
  std::vector<std::pair<std::string, int>> entities, keywords;
  for (const Match& match : matches) {
    bool entity = match.kind == MatchKind::kEntity;
    auto& counts = entity ? entities : keywords;
    const std::string& id = entity ? match.entity_id : match.keyword_id;
    auto found = std::find_if(counts.begin(), counts.end(),
                              [&](const auto& c) { return c.first == id; });
    if (found == counts.end()) counts.push_back({id, 1});
    else ++found->second;
  }
  auto join = [](const std::vector<std::pair<std::string, int>>& counts) {
    std::string out;
    for (const auto& [id, n] : counts) {
      if (!out.empty()) out += ", ";
      out += n > 1 ? id + " x" + std::to_string(n) : id;
    }
    return out;
  };
  std::string summary = "\"" + doc.title + "\" " + doc.url + ":";
  if (!entities.empty()) summary += " " + join(entities);
  if (!keywords.empty()) summary += (entities.empty() ? " " : "; ") + std::string("keywords: ") + join(keywords);
  return summary;
}

}  // namespace

namespace {

// The document, hits and alerts to write for a new item.
DocumentWrite PrepareWrite(const Matcher& matcher, const std::string& source_id,
                           const std::vector<WebhookEndpoint>& webhooks,
                           const ParsedDocument& document, const Item& item,
                           std::string text, std::string hash, std::string key,
                           const std::string& fetched_url, int64_t fetched_unix_ms) {
  DocumentWrite write;
  // The document's year turns an age beside a name into a birth year: its
  // publication's, unless that is no date a feed could mean (the epoch, or
  // after the fetch), else the fetch's.
  int year = UtcYear(fetched_unix_ms);
  if (item.published_unix_ms) {
    int published = UtcYear(*item.published_unix_ms);
    if (published >= 1980 && published <= year) year = published;
  }
  write.hits = matcher.Scan(text, ScanOptions{.document_year = year});
  NewDocument& doc = write.document;
  doc.source_id = source_id;
  doc.dedupe_key = std::move(key);
  doc.url = RedactUrl(item.link.empty() ? fetched_url : item.link);
  doc.guid = item.guid;
  doc.title = item.title.empty() ? document.title : item.title;
  doc.published_unix_ms = item.published_unix_ms;
  doc.fetched_unix_ms = fetched_unix_ms;
  doc.content_hash = std::move(hash);
  // The text is kept only where hits point into it; for the rest the key
  // and hash are enough to never process the item again.
  if (!write.hits.empty()) doc.text = std::move(text);

  if (HasEntityHit(write.hits) && !webhooks.empty()) {
    AlertDocument alert_doc{doc.url, doc.title, doc.published_unix_ms, fetched_unix_ms};
    std::string alert_id = NewAlertId();
    std::string payload = BuildAlertPayload(alert_id, source_id, alert_doc, write.hits);
    for (const WebhookEndpoint& webhook : webhooks) {
      write.alerts.push_back(
          {alert_id, webhook.id, WebhookMessageId(alert_id, webhook.id), payload});
    }
  }
  return write;
}

}  // namespace

Result<IngestStats> Ingest(DocumentStore& store, const Matcher& matcher,
                           const std::string& source_id,
                           const std::vector<WebhookEndpoint>& webhooks,
                           const ParsedDocument& document, const std::string& fetched_url,
                           int64_t fetched_unix_ms, const std::atomic<bool>* stop) {
  IngestStats stats;
  stats.items = static_cast<int>(document.items.size());
  std::vector<DocumentWrite> writes;
  for (const Item& item : document.items) {
    if (stop != nullptr && *stop) return Status::Error(StatusCode::kCancelled, "interrupted by stop");
    std::string text = DocumentText(item, document.kind);
    std::string hash = ContentHash(text);
    std::string key = DedupeKey(item, document.kind, hash);
    // Checked before matching so a seen item costs one indexed lookup.
    Result<bool> seen = store.HasDocument(source_id, key);
    if (!seen.ok()) return seen.status();
    if (*seen) continue;
    writes.push_back(PrepareWrite(matcher, source_id, webhooks, document, item, std::move(text),
                                  std::move(hash), std::move(key), fetched_url,
                                  fetched_unix_ms));
  }
  if (writes.empty()) return stats;
  // One transaction, so one disk sync, for the whole poll.
  Result<std::vector<std::optional<int64_t>>> ids = store.InsertDocuments(writes);
  if (!ids.ok()) return ids.status();
  for (size_t i = 0; i < writes.size(); ++i) {
    if (!(*ids)[i].has_value()) continue;  // a repeat of an earlier item of this feed
    const DocumentWrite& write = writes[i];
    ++stats.new_documents;
    if (!write.hits.empty()) stats.hit_summaries.push_back(HitSummary(write.document, write.hits));
    stats.alerts_queued += static_cast<int>(write.alerts.size());
    for (const Match& match : write.hits) {
      ++(match.kind == MatchKind::kEntity ? stats.entity_hits : stats.keyword_hits);
    }
  }
  return stats;
}

}  // namespace vigil
