// Vigil's SQLite database: polling state, documents, hits, alert outbox.
#ifndef VIGIL_STORE_STORE_H_
#define VIGIL_STORE_STORE_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/model/match.h"
#include "vigil/model/poll_failure.h"

namespace vigil {

// Per-source polling state; survives restarts.
struct SourceState {
  std::string source_id;
  // The URL the validators below belong to; state saved for another URL
  // (the source's url was edited) must not be sent to the new one.
  std::string url;
  std::string etag;
  std::string last_modified;
  int64_t next_poll_unix_ms = 0;  // 0: poll at once
  int error_count = 0;            // consecutive failures
  std::string last_error;
  int64_t last_success_unix_ms = 0;
  // Lifetime counters, for `vigil sources` and the logs (schema version 2).
  int64_t polls_total = 0;
  int64_t failures_total = 0;
  std::optional<PollFailure> last_error_kind;  // of the last failure; none before one
  int64_t last_failure_unix_ms = 0;
  // Failures by kind since the source was first polled, e.g. {kHttp: 3}.
  std::map<PollFailure, int64_t> failures_by_kind;
};

// What kind of storage trouble a store error is, so the daemon can say so
// once per change and an operator knows what to fix.
enum class StorageFault {
  kNone,      // not a storage error (or no error)
  kFull,      // disk (or the database's size limit) full: SQLITE_FULL
  kReadOnly,  // file, folder or file system not writable: SQLITE_READONLY
  kLocked,    // another process holds the write lock past busy_timeout
  kCorrupt,   // damaged file or not a database: SQLITE_CORRUPT / SQLITE_NOTADB
  kIo,        // other I/O errors: SQLITE_IOERR, SQLITE_CANTOPEN
  kOther,
};

// "disk full", "read-only", "locked", "corrupt", "I/O error", "error".
std::string_view StorageFaultName(StorageFault fault);

// Classifies an error returned by the store (any Status from a Store
// method or Store::Open). Ok statuses are kNone.
StorageFault ClassifyStorageError(const Status& status);

// Store::CheckIntegrity on a read-only connection, before Store::Open
// writes anything (WAL switch, migrations) to a file that may be damaged.
// Ok when the file does not exist yet. A damaged file, or one that is not
// a database, classifies as kCorrupt.
Status CheckDatabaseIntegrity(const std::filesystem::path& path);

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

// Where an alert is in the outbox: waiting to be sent (or retried),
// delivered, or given up on and kept as a dead letter.
enum class OutboxState { kPending, kDelivered, kFailed };
// "pending", "delivered", "failed": the names stored and shown.
std::string_view OutboxStateName(OutboxState state);

struct OutboxEntry {
  int64_t id = 0;
  std::string alert_id;
  std::string webhook_id;
  std::string message_id;
  std::string payload;
  int attempts = 0;
  int64_t next_attempt_unix_ms = 0;
  std::string last_error;
  OutboxState state = OutboxState::kPending;
  int64_t created_unix_ms = 0;
  int64_t delivered_unix_ms = 0;  // 0 unless delivered
};

// A webhook whose endpoint answered 410 Gone: no deliveries until its URL
// changes in the config or an alert of it is replayed.
struct DisabledWebhook {
  std::string webhook_id;
  std::string url;  // the URL that answered 410
  int64_t disabled_unix_ms = 0;
  std::string reason;
};

// Thread-compatible: use from one thread (the daemon's io thread).
class Store {
 public:
  // Opens or creates the database (WAL mode, foreign keys on) and migrates
  // the schema to the current version. Fails with a clear message when the
  // file is not a database or is newer than this binary understands.
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& path);

  // For tooling (`vigil alerts`) beside a running daemon, which owns the
  // schema: opens an EXISTING database, never creates, converts or migrates
  // it. kReadOnly reads whatever version it finds (a read-only connection:
  // nothing in the file changes). kReadWrite refuses a schema version other
  // than CurrentSchemaVersion(), so an upgraded or older binary never writes
  // under a daemon that expects another layout.
  enum class Access { kReadOnly, kReadWrite };
  static Result<std::unique_ptr<Store>> OpenExisting(const std::filesystem::path& path,
                                                     Access access);
  // The schema version this binary creates and migrates to.
  static int CurrentSchemaVersion();
  virtual ~Store() = default;

  virtual int SchemaVersion() = 0;

  // PRAGMA quick_check: page-level damage (b-trees, freelist, records). On a
  // 240 MB database of 100k documents it takes 1.8 s warm, 9 s cold
  // (integrity_check, which also cross-checks every index: 3.1 s / 8.5 s).
  // Ok, or an error naming the first problems found.
  virtual Status CheckIntegrity() = 0;

  // nullopt when never stored.
  virtual Result<std::optional<SourceState>> GetSourceState(const std::string& source_id) = 0;
  virtual Status PutSourceState(const SourceState& state) = 0;
  // Every stored source state, by source id.
  virtual Result<std::vector<SourceState>> ListSourceStates() = 0;

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

  // Pending alerts with next_attempt <= now, oldest first.
  virtual Result<std::vector<OutboxEntry>> DueAlerts(int64_t now_unix_ms, int limit) = 0;
  // The same for one webhook only.
  virtual Result<std::vector<OutboxEntry>> DueAlertsFor(const std::string& webhook_id,
                                                        int64_t now_unix_ms, int limit) = 0;
  // Webhook ids that have pending alerts.
  virtual Result<std::vector<std::string>> PendingWebhookIds() = 0;
  // Parks every pending alert of `webhook_id` as "failed" with `error` (kept,
  // not deleted); returns how many.
  virtual Result<int64_t> ParkPendingAlerts(const std::string& webhook_id,
                                            const std::string& error) = 0;
  // The same, but only while `webhook_id` is still disabled in the database
  // (webhook_state), checked in the same statement: a `vigil alerts replay`
  // that re-enabled it after the caller last looked is not undone.
  virtual Result<int64_t> ParkPendingAlertsOfDisabled(const std::string& webhook_id,
                                                      const std::string& error) = 0;
  // Earliest next_attempt among pending alerts, or nullopt if none.
  virtual Result<std::optional<int64_t>> NextAlertDue() = 0;
  virtual Status MarkDelivered(int64_t outbox_id, int64_t now_unix_ms) = 0;
  // Records a failed attempt; `give_up` parks the alert as "failed".
  virtual Status MarkAttemptFailed(int64_t outbox_id, int64_t next_attempt_unix_ms,
                                   const std::string& error, bool give_up) = 0;

  // Dead letters and 410 Gone (`vigil alerts`). Each is one transaction, so
  // `vigil alerts replay` can run against the live daemon's database.
  //
  // Disables `webhook.webhook_id` and parks its pending alerts as failed
  // with `webhook.reason`; returns how many were parked.
  virtual Result<int64_t> DisableWebhook(const DisabledWebhook& webhook) = 0;
  virtual Result<std::vector<DisabledWebhook>> DisabledWebhooks() = 0;
  // True when it was disabled.
  virtual Result<bool> EnableWebhook(const std::string& webhook_id) = 0;
  // Makes the failed or pending outbox rows `outbox_ids` pending again, due
  // at `now_unix_ms`, attempts reset to 0, same webhook-id (message_id) and
  // payload; re-enables their webhooks. Delivered rows are left alone.
  // Returns how many rows were replayed.
  virtual Result<int64_t> ReplayAlerts(const std::vector<int64_t>& outbox_ids,
                                       int64_t now_unix_ms) = 0;
  // Alerts in one state, oldest first.
  virtual Result<std::vector<OutboxEntry>> ListAlertsInState(OutboxState state) = 0;

  // For tests and `vigil` tooling: counts by table.
  virtual Result<int64_t> CountDocuments() = 0;
  virtual Result<int64_t> CountHits() = 0;
  virtual Result<std::vector<OutboxEntry>> ListAlerts() = 0;
  // The stored hits of one document, in insertion order (empty when the
  // document has none or does not exist).
  virtual Result<std::vector<Match>> HitsForDocument(int64_t document_id) = 0;
};

}  // namespace vigil

#endif  // VIGIL_STORE_STORE_H_
