// The SQLite implementation of Store. Private to the store module.
#ifndef VIGIL_STORE_SQLITE_STORE_H_
#define VIGIL_STORE_SQLITE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sqlite_db.h"
#include "vigil/store/store.h"

namespace vigil {

// Owns one connection and its cached statements. Thread-compatible, like
// Store. Every write is one transaction; every value is a bound parameter.
class SqliteStore : public Store {
 public:
  // `db` is open, configured and migrated to `schema_version`.
  SqliteStore(std::unique_ptr<SqliteDb> db, int schema_version)
      : db_(std::move(db)), schema_version_(schema_version) {}

  // For the store's fault tests only: the connection itself, e.g. to set
  // PRAGMA max_page_count (a per-connection limit) for a real SQLITE_FULL.
  sqlite3* HandleForTesting() const { return db_->handle(); }

  int SchemaVersion() override { return schema_version_; }
  // In sqlite_store_sources.cc:
  Status CheckIntegrity() override;
  Result<std::optional<SourceState>> GetSourceState(const std::string& source_id) override;
  Status PutSourceState(const SourceState& state) override;
  Result<std::vector<SourceState>> ListSourceStates() override;
  Result<bool> HasDocument(const std::string& source_id,
                           const std::string& dedupe_key) override;
  Result<std::vector<std::optional<int64_t>>> InsertDocuments(
      const std::vector<DocumentWrite>& writes) override;
  Result<std::optional<int64_t>> InsertDocument(const NewDocument& document,
                                                const std::vector<Match>& hits,
                                                const std::vector<NewAlert>& alerts) override;
  Result<std::vector<OutboxEntry>> DueAlerts(int64_t now_unix_ms, int limit) override;
  Result<std::vector<OutboxEntry>> DueAlertsFor(const std::string& webhook_id,
                                                int64_t now_unix_ms, int limit) override;
  Result<std::vector<std::string>> PendingWebhookIds() override;
  Result<int64_t> ParkPendingAlerts(const std::string& webhook_id,
                                    const std::string& error) override;
  Result<int64_t> ParkPendingAlertsOfDisabled(const std::string& webhook_id,
                                              const std::string& error) override;
  Result<std::optional<int64_t>> NextAlertDue() override;
  Status MarkDelivered(int64_t outbox_id, int64_t now_unix_ms) override;
  Status MarkAttemptFailed(int64_t outbox_id, int64_t next_attempt_unix_ms,
                           const std::string& error, bool give_up) override;
  Result<int64_t> DisableWebhook(const DisabledWebhook& webhook) override;
  Result<std::vector<DisabledWebhook>> DisabledWebhooks() override;
  Result<bool> EnableWebhook(const std::string& webhook_id) override;
  Result<int64_t> ReplayAlerts(const std::vector<int64_t>& outbox_ids,
                               int64_t now_unix_ms) override;
  Result<std::vector<OutboxEntry>> ListAlertsInState(OutboxState state) override;
  Result<int64_t> CountDocuments() override;
  Result<int64_t> CountHits() override;
  Result<std::vector<OutboxEntry>> ListAlerts() override;
  Result<std::vector<Match>> HitsForDocument(int64_t document_id) override;

 private:
  // Steps of InsertDocuments, run inside its transaction.
  Result<std::optional<int64_t>> InsertDocumentRow(const NewDocument& document);
  Result<std::optional<int64_t>> InsertOne(const DocumentWrite& write);
  Status InsertHit(int64_t document_id, const Match& hit);
  Status InsertAlert(int64_t document_id, int64_t due_unix_ms, const NewAlert& alert);

  Result<int64_t> Count(std::string_view operation, std::string_view sql);

  std::unique_ptr<SqliteDb> db_;
  int schema_version_;
};

// A store operation's error: the cause, prefixed with the operation's name.
inline Status StoreOpError(std::string_view operation, const Status& cause) {
  return cause.Prefixed("store: " + std::string(operation));
}

}  // namespace vigil

#endif  // VIGIL_STORE_SQLITE_STORE_H_
