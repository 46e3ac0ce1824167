// Turns a parsed document from a source into stored documents, hits and
// queued alerts: dedupe, match, store, all-or-nothing per item.
#ifndef VIGIL_PIPELINE_INGEST_H_
#define VIGIL_PIPELINE_INGEST_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/alert/webhook.h"
#include "vigil/match/matcher.h"
#include "vigil/parse/parser.h"
#include "vigil/store/document_store.h"

namespace vigil {

struct IngestStats {
  int items = 0;           // items in the document
  int new_documents = 0;   // not seen before, now stored
  int entity_hits = 0;     // in new documents
  int keyword_hits = 0;
  int alerts_queued = 0;   // outbox rows (documents with entity hits x webhooks)
  // One line per new document with hits, for the log:
  // "\"<title>\" <url>: putin x3, kim-jong-un; keywords: arms".
  std::vector<std::string> hit_summaries;
};

// Hex SHA-256 of `text`.
std::string ContentHash(std::string_view text);

// The dedupe key of an item: "guid:<guid>", else "link:<link>", else
// "hash:<content hash>". Pages and text files change under the same URL, so
// for them the key is always the content hash: an edited article is new.
std::string DedupeKey(const Item& item, DocumentKind kind, const std::string& content_hash);

// Stores every item of `document` not already stored for `source_id`, with
// its hits, and queues one alert per webhook for each new item with at least
// one entity hit. All new items go into one transaction. On a store error,
// or when `*stop` becomes true while items are matched, returns an error and
// nothing is stored: the items come again on the next poll (the caller must
// not advance the source's validators). Document URLs are stored and sent
// without credentials.
Result<IngestStats> Ingest(DocumentStore& store, const Matcher& matcher,
                           const std::string& source_id,
                           const std::vector<WebhookEndpoint>& webhooks,
                           const ParsedDocument& document, const std::string& fetched_url,
                           int64_t fetched_unix_ms, const std::atomic<bool>* stop = nullptr);

}  // namespace vigil

#endif  // VIGIL_PIPELINE_INGEST_H_
