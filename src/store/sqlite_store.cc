#include "sqlite_store.h"

#include <set>
#include <utility>

namespace vigil {
namespace {

// Columns read into OutboxEntry, in ReadOutboxEntry's order.
#define VIGIL_OUTBOX_COLUMNS                                                 \
  "id, alert_id, webhook_id, message_id, payload, attempts, next_attempt_ms, " \
  "last_error, state, created_ms, delivered_ms"

constexpr std::string_view kHasDocument =
    "SELECT 1 FROM documents WHERE source_id = ?1 AND dedupe_key = ?2";
constexpr std::string_view kInsertDocument =
    "INSERT INTO documents (source_id, dedupe_key, url, guid, title, published_ms, "
    "fetched_ms, content_hash, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
    "ON CONFLICT (source_id, dedupe_key) DO NOTHING";
constexpr std::string_view kInsertHit =
    "INSERT INTO hits (document_id, kind, list_id, entity_id, entity_name, keyword_id, "
    "matched, \"start\", \"end\", snippet, score, matched_name, rule) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr std::string_view kInsertAlert =
    "INSERT INTO outbox (alert_id, webhook_id, message_id, document_id, payload, "
    "next_attempt_ms, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
// Ordered by due time so the longest-waiting alert goes first; the index on
// (state, next_attempt_ms) serves both the filter and the order.
constexpr std::string_view kDueAlerts =
    "SELECT " VIGIL_OUTBOX_COLUMNS
    " FROM outbox WHERE state = 'pending' AND next_attempt_ms <= ?1 "
    "ORDER BY next_attempt_ms, id LIMIT ?2";
constexpr std::string_view kDueAlertsFor =
    "SELECT " VIGIL_OUTBOX_COLUMNS
    " FROM outbox WHERE webhook_id = ?1 AND state = 'pending' AND next_attempt_ms <= ?2 "
    "ORDER BY next_attempt_ms, id LIMIT ?3";
constexpr std::string_view kPendingWebhookIds =
    "SELECT DISTINCT webhook_id FROM outbox WHERE state = 'pending' ORDER BY webhook_id";
constexpr std::string_view kParkPendingAlerts =
    "UPDATE outbox SET state = 'failed', last_error = ?2 "
    "WHERE webhook_id = ?1 AND state = 'pending'";
// The disabled state is read by the daemon, then acted on: a replay (another
// process) committing in between re-enables the webhook and makes rows
// pending, and must win. Checking webhook_state in the UPDATE itself closes
// that window.
constexpr std::string_view kParkPendingAlertsOfDisabled =
    "UPDATE outbox SET state = 'failed', last_error = ?2 "
    "WHERE webhook_id = ?1 AND state = 'pending' "
    "AND EXISTS (SELECT 1 FROM webhook_state WHERE webhook_id = ?1)";
constexpr std::string_view kListAlerts =
    "SELECT " VIGIL_OUTBOX_COLUMNS " FROM outbox ORDER BY id";
constexpr std::string_view kListAlertsInState =
    "SELECT " VIGIL_OUTBOX_COLUMNS " FROM outbox WHERE state = ?1 ORDER BY id";
// A row replayed keeps its alert_id, message_id and payload: the receiver
// sees the same webhook-id again and can deduplicate.
constexpr std::string_view kReplayAlert =
    "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_ms = ?2 "
    "WHERE id = ?1 AND state IN ('pending', 'failed') RETURNING webhook_id";
constexpr std::string_view kDisableWebhook =
    "INSERT INTO webhook_state (webhook_id, url, disabled_ms, reason) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (webhook_id) DO UPDATE SET url = excluded.url, "
    "disabled_ms = excluded.disabled_ms, reason = excluded.reason";
constexpr std::string_view kDisabledWebhooks =
    "SELECT webhook_id, url, disabled_ms, reason FROM webhook_state ORDER BY webhook_id";
constexpr std::string_view kEnableWebhook = "DELETE FROM webhook_state WHERE webhook_id = ?1";
constexpr std::string_view kNextAlertDue =
    "SELECT MIN(next_attempt_ms) FROM outbox WHERE state = 'pending'";
// Only pending rows change state: a delivered alert must never be re-queued
// and a parked one is not silently revived.
constexpr std::string_view kMarkDelivered =
    "UPDATE outbox SET state = 'delivered', delivered_ms = ?2, attempts = attempts + 1 "
    "WHERE id = ?1 AND state = 'pending'";
constexpr std::string_view kMarkAttemptFailed =
    "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?2, last_error = ?3, "
    "state = CASE WHEN ?4 THEN 'failed' ELSE 'pending' END "
    "WHERE id = ?1 AND state = 'pending'";
constexpr std::string_view kHitsForDocument =
    "SELECT kind, list_id, entity_id, entity_name, keyword_id, matched, \"start\", "
    "\"end\", snippet, score, matched_name, rule FROM hits WHERE document_id = ?1 "
    "ORDER BY id";

#undef VIGIL_OUTBOX_COLUMNS

std::string_view KindName(MatchKind kind) {
  return kind == MatchKind::kEntity ? "entity" : "keyword";
}

// The schema's CHECK keeps the column to these three names.
OutboxState ParseOutboxState(std::string_view name) {
  if (name == "delivered") return OutboxState::kDelivered;
  if (name == "failed") return OutboxState::kFailed;
  return OutboxState::kPending;
}

OutboxEntry ReadOutboxEntry(const SqliteStatement& row) {
  OutboxEntry entry;
  entry.id = row.ColumnInt(0);
  entry.alert_id = row.ColumnText(1);
  entry.webhook_id = row.ColumnText(2);
  entry.message_id = row.ColumnText(3);
  entry.payload = row.ColumnText(4);
  entry.attempts = static_cast<int>(row.ColumnInt(5));
  entry.next_attempt_unix_ms = row.ColumnInt(6);
  entry.last_error = row.ColumnText(7);
  entry.state = ParseOutboxState(row.ColumnText(8));
  entry.created_unix_ms = row.ColumnInt(9);
  entry.delivered_unix_ms = row.ColumnIsNull(10) ? 0 : row.ColumnInt(10);
  return entry;
}

Result<std::vector<OutboxEntry>> CollectAlerts(SqliteStatement& statement) {
  std::vector<OutboxEntry> entries;
  while (true) {
    Result<bool> row = statement.Step();
    if (!row.ok()) return row.status();
    if (!*row) return entries;
    entries.push_back(ReadOutboxEntry(statement));
  }
}

Result<Match> ReadHit(const SqliteStatement& row) {
  Match hit;
  std::string kind = row.ColumnText(0);
  if (kind == "entity") {
    hit.kind = MatchKind::kEntity;
  } else if (kind == "keyword") {
    hit.kind = MatchKind::kKeyword;
  } else {
    return Status::Error("unknown hit kind '" + kind + "'");
  }
  hit.list_id = row.ColumnText(1);
  hit.entity_id = row.ColumnText(2);
  hit.entity_name = row.ColumnText(3);
  hit.keyword_id = row.ColumnText(4);
  hit.matched = row.ColumnText(5);
  hit.start = static_cast<size_t>(row.ColumnInt(6));
  hit.end = static_cast<size_t>(row.ColumnInt(7));
  hit.snippet = row.ColumnText(8);
  hit.score = row.ColumnDouble(9);
  hit.matched_name = row.ColumnText(10);
  hit.rule = row.ColumnText(11);
  return hit;
}

}  // namespace

Result<bool> SqliteStore::HasDocument(const std::string& source_id,
                                      const std::string& dedupe_key) {
  Result<ScopedStatement> statement = db_->Prepare(kHasDocument);
  if (!statement.ok()) return StoreOpError("HasDocument", statement.status());
  (*statement)->BindText(1, source_id);
  (*statement)->BindText(2, dedupe_key);
  Result<bool> row = (*statement)->Step();
  if (!row.ok()) return StoreOpError("HasDocument", row.status());
  return *row;
}

Result<std::optional<int64_t>> SqliteStore::InsertDocument(
    const NewDocument& document, const std::vector<Match>& hits,
    const std::vector<NewAlert>& alerts) {
  Result<std::vector<std::optional<int64_t>>> ids =
      InsertDocuments({DocumentWrite{document, hits, alerts}});
  if (!ids.ok()) return ids.status();
  return ids->front();
}

Result<std::vector<std::optional<int64_t>>> SqliteStore::InsertDocuments(
    const std::vector<DocumentWrite>& writes) {
  constexpr std::string_view kOp = "InsertDocuments";
  // Any early return below rolls the transaction back, so the documents are
  // either stored with all their hits and alerts or not at all.
  SqliteTransaction transaction(*db_);
  if (Status status = transaction.Begin(); !status.ok()) return StoreOpError(kOp, status);
  std::vector<std::optional<int64_t>> ids;
  ids.reserve(writes.size());
  for (const DocumentWrite& write : writes) {
    Result<std::optional<int64_t>> id = InsertOne(write);
    if (!id.ok()) return StoreOpError(kOp, id.status());
    ids.push_back(*id);
  }
  if (Status status = transaction.Commit(); !status.ok()) return StoreOpError(kOp, status);
  return ids;
}

Result<std::optional<int64_t>> SqliteStore::InsertOne(const DocumentWrite& write) {
  Result<std::optional<int64_t>> inserted = InsertDocumentRow(write.document);
  if (!inserted.ok()) return inserted.status();
  if (!inserted->has_value()) return std::optional<int64_t>();  // duplicate
  int64_t document_id = **inserted;
  for (const Match& hit : write.hits) {
    if (Status status = InsertHit(document_id, hit); !status.ok()) return status;
  }
  // Alerts are due at once: the fetch time is "now" for this document.
  for (const NewAlert& alert : write.alerts) {
    if (Status status = InsertAlert(document_id, write.document.fetched_unix_ms, alert);
        !status.ok()) {
      return status;
    }
  }
  return std::optional<int64_t>(document_id);
}

Result<std::optional<int64_t>> SqliteStore::InsertDocumentRow(const NewDocument& document) {
  Result<ScopedStatement> statement = db_->Prepare(kInsertDocument);
  if (!statement.ok()) return statement.status();
  SqliteStatement& s = **statement;
  s.BindText(1, document.source_id);
  s.BindText(2, document.dedupe_key);
  s.BindText(3, document.url);
  s.BindText(4, document.guid);
  s.BindText(5, document.title);
  s.BindOptionalInt(6, document.published_unix_ms);
  s.BindInt(7, document.fetched_unix_ms);
  s.BindText(8, document.content_hash);
  s.BindText(9, document.text);
  if (Status status = s.Run(); !status.ok()) {
    return status.Prefixed("insert document");
  }
  // ON CONFLICT DO NOTHING: no change means (source, dedupe key) exists.
  if (db_->Changes() == 0) return std::optional<int64_t>();
  return std::optional<int64_t>(db_->LastInsertRowId());
}

Status SqliteStore::InsertHit(int64_t document_id, const Match& hit) {
  Result<ScopedStatement> statement = db_->Prepare(kInsertHit);
  if (!statement.ok()) return statement.status();
  SqliteStatement& s = **statement;
  s.BindInt(1, document_id);
  s.BindText(2, KindName(hit.kind));
  s.BindText(3, hit.list_id);
  s.BindText(4, hit.entity_id);
  s.BindText(5, hit.entity_name);
  s.BindText(6, hit.keyword_id);
  s.BindText(7, hit.matched);
  s.BindInt(8, static_cast<int64_t>(hit.start));
  s.BindInt(9, static_cast<int64_t>(hit.end));
  s.BindText(10, hit.snippet);
  s.BindDouble(11, hit.score);
  s.BindText(12, hit.matched_name);
  s.BindText(13, hit.rule);
  if (Status status = s.Run(); !status.ok()) {
    return status.Prefixed("insert hit");
  }
  return Status::Ok();
}

Status SqliteStore::InsertAlert(int64_t document_id, int64_t due_unix_ms,
                                const NewAlert& alert) {
  Result<ScopedStatement> statement = db_->Prepare(kInsertAlert);
  if (!statement.ok()) return statement.status();
  SqliteStatement& s = **statement;
  s.BindText(1, alert.alert_id);
  s.BindText(2, alert.webhook_id);
  s.BindText(3, alert.message_id);
  s.BindInt(4, document_id);
  s.BindText(5, alert.payload);
  s.BindInt(6, due_unix_ms);
  s.BindInt(7, due_unix_ms);
  if (Status status = s.Run(); !status.ok()) {
    return status.Prefixed("insert alert " + alert.message_id);
  }
  return Status::Ok();
}

std::string_view OutboxStateName(OutboxState state) {
  switch (state) {
    case OutboxState::kPending: return "pending";
    case OutboxState::kDelivered: return "delivered";
    case OutboxState::kFailed: return "failed";
  }
  return "pending";
}

Result<std::vector<OutboxEntry>> SqliteStore::DueAlerts(int64_t now_unix_ms, int limit) {
  Result<ScopedStatement> statement = db_->Prepare(kDueAlerts);
  if (!statement.ok()) return StoreOpError("DueAlerts", statement.status());
  (*statement)->BindInt(1, now_unix_ms);
  (*statement)->BindInt(2, limit);
  Result<std::vector<OutboxEntry>> entries = CollectAlerts(**statement);
  if (!entries.ok()) return StoreOpError("DueAlerts", entries.status());
  return entries;
}

Result<std::vector<OutboxEntry>> SqliteStore::DueAlertsFor(const std::string& webhook_id,
                                                         int64_t now_unix_ms, int limit) {
  Result<ScopedStatement> statement = db_->Prepare(kDueAlertsFor);
  if (!statement.ok()) return StoreOpError("DueAlertsFor", statement.status());
  (*statement)->BindText(1, webhook_id);
  (*statement)->BindInt(2, now_unix_ms);
  (*statement)->BindInt(3, limit);
  Result<std::vector<OutboxEntry>> entries = CollectAlerts(**statement);
  if (!entries.ok()) return StoreOpError("DueAlertsFor", entries.status());
  return entries;
}

Result<std::vector<std::string>> SqliteStore::PendingWebhookIds() {
  Result<ScopedStatement> statement = db_->Prepare(kPendingWebhookIds);
  if (!statement.ok()) return StoreOpError("PendingWebhookIds", statement.status());
  std::vector<std::string> ids;
  for (;;) {
    Result<bool> row = (*statement)->Step();
    if (!row.ok()) return StoreOpError("PendingWebhookIds", row.status());
    if (!*row) break;
    ids.push_back((*statement)->ColumnText(0));
  }
  return ids;
}

Result<int64_t> SqliteStore::ParkPendingAlerts(const std::string& webhook_id,
                                               const std::string& error) {
  Result<ScopedStatement> statement = db_->Prepare(kParkPendingAlerts);
  if (!statement.ok()) return StoreOpError("ParkPendingAlerts", statement.status());
  (*statement)->BindText(1, webhook_id);
  (*statement)->BindText(2, error);
  Status status = (*statement)->Run();
  if (!status.ok()) return StoreOpError("ParkPendingAlerts", status);
  return db_->Changes();
}

Result<int64_t> SqliteStore::ParkPendingAlertsOfDisabled(const std::string& webhook_id,
                                                         const std::string& error) {
  constexpr std::string_view kOp = "ParkPendingAlertsOfDisabled";
  Result<ScopedStatement> statement = db_->Prepare(kParkPendingAlertsOfDisabled);
  if (!statement.ok()) return StoreOpError(kOp, statement.status());
  (*statement)->BindText(1, webhook_id);
  (*statement)->BindText(2, error);
  Status status = (*statement)->Run();
  if (!status.ok()) return StoreOpError(kOp, status);
  return db_->Changes();
}

Result<std::optional<int64_t>> SqliteStore::NextAlertDue() {
  Result<ScopedStatement> statement = db_->Prepare(kNextAlertDue);
  if (!statement.ok()) return StoreOpError("NextAlertDue", statement.status());
  Result<bool> row = (*statement)->Step();
  if (!row.ok()) return StoreOpError("NextAlertDue", row.status());
  // MIN over no rows is NULL.
  if (!*row || (*statement)->ColumnIsNull(0)) return std::optional<int64_t>();
  return std::optional<int64_t>((*statement)->ColumnInt(0));
}

Status SqliteStore::MarkDelivered(int64_t outbox_id, int64_t now_unix_ms) {
  Result<ScopedStatement> statement = db_->Prepare(kMarkDelivered);
  if (!statement.ok()) return StoreOpError("MarkDelivered", statement.status());
  (*statement)->BindInt(1, outbox_id);
  (*statement)->BindInt(2, now_unix_ms);
  if (Status status = (*statement)->Run(); !status.ok()) {
    return StoreOpError("MarkDelivered", status);
  }
  if (db_->Changes() == 0) {
    return StoreOpError("MarkDelivered",
                   Status::Error("no pending outbox row " + std::to_string(outbox_id)));
  }
  return Status::Ok();
}

Status SqliteStore::MarkAttemptFailed(int64_t outbox_id, int64_t next_attempt_unix_ms,
                                      const std::string& error, bool give_up) {
  Result<ScopedStatement> statement = db_->Prepare(kMarkAttemptFailed);
  if (!statement.ok()) return StoreOpError("MarkAttemptFailed", statement.status());
  SqliteStatement& s = **statement;
  s.BindInt(1, outbox_id);
  s.BindInt(2, next_attempt_unix_ms);
  s.BindText(3, error);
  s.BindInt(4, give_up ? 1 : 0);
  if (Status status = s.Run(); !status.ok()) return StoreOpError("MarkAttemptFailed", status);
  if (db_->Changes() == 0) {
    return StoreOpError("MarkAttemptFailed",
                   Status::Error("no pending outbox row " + std::to_string(outbox_id)));
  }
  return Status::Ok();
}

Result<int64_t> SqliteStore::DisableWebhook(const DisabledWebhook& webhook) {
  constexpr std::string_view kOp = "DisableWebhook";
  SqliteTransaction transaction(*db_);
  if (Status status = transaction.Begin(); !status.ok()) return StoreOpError(kOp, status);
  Result<ScopedStatement> statement = db_->Prepare(kDisableWebhook);
  if (!statement.ok()) return StoreOpError(kOp, statement.status());
  SqliteStatement& s = **statement;
  s.BindText(1, webhook.webhook_id);
  s.BindText(2, webhook.url);
  s.BindInt(3, webhook.disabled_unix_ms);
  s.BindText(4, webhook.reason);
  if (Status status = s.Run(); !status.ok()) return StoreOpError(kOp, status);
  Result<ScopedStatement> park = db_->Prepare(kParkPendingAlerts);
  if (!park.ok()) return StoreOpError(kOp, park.status());
  (*park)->BindText(1, webhook.webhook_id);
  (*park)->BindText(2, webhook.reason);
  if (Status status = (*park)->Run(); !status.ok()) return StoreOpError(kOp, status);
  int64_t parked = db_->Changes();
  if (Status status = transaction.Commit(); !status.ok()) return StoreOpError(kOp, status);
  return parked;
}

Result<std::vector<DisabledWebhook>> SqliteStore::DisabledWebhooks() {
  constexpr std::string_view kOp = "DisabledWebhooks";
  Result<ScopedStatement> statement = db_->Prepare(kDisabledWebhooks);
  if (!statement.ok()) return StoreOpError(kOp, statement.status());
  std::vector<DisabledWebhook> webhooks;
  for (;;) {
    Result<bool> row = (*statement)->Step();
    if (!row.ok()) return StoreOpError(kOp, row.status());
    if (!*row) return webhooks;
    DisabledWebhook webhook;
    webhook.webhook_id = (*statement)->ColumnText(0);
    webhook.url = (*statement)->ColumnText(1);
    webhook.disabled_unix_ms = (*statement)->ColumnInt(2);
    webhook.reason = (*statement)->ColumnText(3);
    webhooks.push_back(std::move(webhook));
  }
}

Result<bool> SqliteStore::EnableWebhook(const std::string& webhook_id) {
  Result<ScopedStatement> statement = db_->Prepare(kEnableWebhook);
  if (!statement.ok()) return StoreOpError("EnableWebhook", statement.status());
  (*statement)->BindText(1, webhook_id);
  if (Status status = (*statement)->Run(); !status.ok()) return StoreOpError("EnableWebhook", status);
  return db_->Changes() > 0;
}

Result<int64_t> SqliteStore::ReplayAlerts(const std::vector<int64_t>& outbox_ids,
                                          int64_t now_unix_ms) {
  constexpr std::string_view kOp = "ReplayAlerts";
  // One transaction: the rows and their webhooks' re-enabling go together,
  // and the daemon (another connection) sees all of it or nothing.
  SqliteTransaction transaction(*db_);
  if (Status status = transaction.Begin(); !status.ok()) return StoreOpError(kOp, status);
  std::set<std::string> webhooks;
  int64_t replayed = 0;
  for (int64_t id : outbox_ids) {
    Result<ScopedStatement> statement = db_->Prepare(kReplayAlert);
    if (!statement.ok()) return StoreOpError(kOp, statement.status());
    (*statement)->BindInt(1, id);
    (*statement)->BindInt(2, now_unix_ms);
    Result<bool> row = (*statement)->Step();
    if (!row.ok()) return StoreOpError(kOp, row.status());
    if (!*row) continue;  // delivered or unknown
    webhooks.insert((*statement)->ColumnText(0));
    ++replayed;
  }
  for (const std::string& webhook_id : webhooks) {
    Result<ScopedStatement> statement = db_->Prepare(kEnableWebhook);
    if (!statement.ok()) return StoreOpError(kOp, statement.status());
    (*statement)->BindText(1, webhook_id);
    if (Status status = (*statement)->Run(); !status.ok()) return StoreOpError(kOp, status);
  }
  if (Status status = transaction.Commit(); !status.ok()) return StoreOpError(kOp, status);
  return replayed;
}

Result<std::vector<OutboxEntry>> SqliteStore::ListAlertsInState(OutboxState state) {
  Result<ScopedStatement> statement = db_->Prepare(kListAlertsInState);
  if (!statement.ok()) return StoreOpError("ListAlertsInState", statement.status());
  (*statement)->BindText(1, OutboxStateName(state));
  Result<std::vector<OutboxEntry>> entries = CollectAlerts(**statement);
  if (!entries.ok()) return StoreOpError("ListAlertsInState", entries.status());
  return entries;
}

Result<int64_t> SqliteStore::CountDocuments() {
  return Count("CountDocuments", "SELECT COUNT(*) FROM documents");
}

Result<int64_t> SqliteStore::CountHits() {
  return Count("CountHits", "SELECT COUNT(*) FROM hits");
}

Result<int64_t> SqliteStore::Count(std::string_view operation, std::string_view sql) {
  Result<int64_t> count = db_->QueryInt(sql);
  if (!count.ok()) return StoreOpError(operation, count.status());
  return count;
}

Result<std::vector<OutboxEntry>> SqliteStore::ListAlerts() {
  Result<ScopedStatement> statement = db_->Prepare(kListAlerts);
  if (!statement.ok()) return StoreOpError("ListAlerts", statement.status());
  Result<std::vector<OutboxEntry>> entries = CollectAlerts(**statement);
  if (!entries.ok()) return StoreOpError("ListAlerts", entries.status());
  return entries;
}

Result<std::vector<Match>> SqliteStore::HitsForDocument(int64_t document_id) {
  constexpr std::string_view kOp = "HitsForDocument";
  Result<ScopedStatement> statement = db_->Prepare(kHitsForDocument);
  if (!statement.ok()) return StoreOpError(kOp, statement.status());
  (*statement)->BindInt(1, document_id);
  std::vector<Match> hits;
  while (true) {
    Result<bool> row = (*statement)->Step();
    if (!row.ok()) return StoreOpError(kOp, row.status());
    if (!*row) return hits;
    Result<Match> hit = ReadHit(**statement);
    if (!hit.ok()) return StoreOpError(kOp, hit.status());
    hits.push_back(std::move(*hit));
  }
}

}  // namespace vigil
