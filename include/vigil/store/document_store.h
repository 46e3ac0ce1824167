// The store's documents and hits, and the outbox rows written with them: what
// ingest writes, one transaction per poll.
#ifndef VIGIL_STORE_DOCUMENT_STORE_H_
#define VIGIL_STORE_DOCUMENT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/model/match.h"

namespace vigil {

struct NewDocument {
  std::string source_id;
  // Dedupe key: "guid:<guid>", else "link:<url>", else "hash:<content hash>".
  std::string dedupe_key;
  std::string url;
  std::string guid;
  std::string title;
  std::optional<int64_t> published_unix_ms;
  int64_t fetched_unix_ms = 0;
  std::string content_hash;  // hex SHA-256 of the text
  std::string text;          // the UTF-8 text the hit offsets refer to
};

// One alert to queue for one webhook, in the same transaction as the hits.
struct NewAlert {
  std::string alert_id;    // shared by all webhooks for this document
  std::string webhook_id;  // config id of the webhook
  std::string message_id;  // Standard Webhooks "webhook-id", stable across retries
  std::string payload;     // the JSON body, exactly as it will be signed
};

// A document with everything written alongside it.
struct DocumentWrite {
  NewDocument document;
  std::vector<Match> hits;
  std::vector<NewAlert> alerts;
};

// The part of the store ingest uses.
class DocumentStore {
 public:
  virtual ~DocumentStore() = default;

  virtual Result<bool> HasDocument(const std::string& source_id,
                                   const std::string& dedupe_key) = 0;
  // In one transaction: the document, its hits and its alerts. Returns the
  // new document's row id, or nullopt when (source_id, dedupe_key) is
  // already stored (nothing written then).
  virtual Result<std::optional<int64_t>> InsertDocument(
      const NewDocument& document, const std::vector<Match>& hits,
      const std::vector<NewAlert>& alerts) = 0;
  // Many documents in ONE transaction (one disk sync for a whole poll). For
  // each entry, in order: the new row id, or nullopt when its (source_id,
  // dedupe_key) was already stored, including by an earlier entry of the
  // same call (its hits and alerts are then not written). On error nothing
  // at all is written.
  virtual Result<std::vector<std::optional<int64_t>>> InsertDocuments(
      const std::vector<DocumentWrite>& writes) = 0;
  // For tests and `vigil` tooling: rows by table.
  virtual Result<int64_t> CountDocuments() = 0;
  virtual Result<int64_t> CountHits() = 0;
  // The stored hits of one document, in insertion order (empty when the
  // document has none or does not exist).
  virtual Result<std::vector<Match>> HitsForDocument(int64_t document_id) = 0;
};

}  // namespace vigil

#endif  // VIGIL_STORE_DOCUMENT_STORE_H_
