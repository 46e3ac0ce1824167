#include "store_migrations.h"

namespace vigil {
namespace {

// Version 1: polling state, documents, hits and the alert outbox.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE source_state (
  source_id TEXT PRIMARY KEY,
  url TEXT,
  etag TEXT,
  last_modified TEXT,
  next_poll_ms INTEGER,
  error_count INTEGER,
  last_error TEXT,
  last_success_ms INTEGER
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  url TEXT,
  guid TEXT,
  title TEXT,
  published_ms INTEGER NULL,
  fetched_ms INTEGER NOT NULL,
  content_hash TEXT,
  text TEXT,
  UNIQUE (source_id, dedupe_key)
);

CREATE TABLE hits (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('entity', 'keyword')),
  list_id TEXT,
  entity_id TEXT,
  entity_name TEXT,
  keyword_id TEXT,
  matched TEXT,
  "start" INTEGER,
  "end" INTEGER,
  snippet TEXT,
  score REAL,
  matched_name TEXT,
  rule TEXT
);
-- Hits are read per document, and ON DELETE CASCADE looks them up by it.
CREATE INDEX hits_document_id ON hits (document_id);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  alert_id TEXT NOT NULL,
  webhook_id TEXT NOT NULL,
  message_id TEXT NOT NULL UNIQUE,
  document_id INTEGER REFERENCES documents(id),
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER NOT NULL,
  created_ms INTEGER NOT NULL,
  delivered_ms INTEGER,
  last_error TEXT
);
-- DueAlerts and NextAlertDue: pending rows by next attempt time.
CREATE INDEX outbox_state_next_attempt ON outbox (state, next_attempt_ms);
-- DueAlertsFor: one webhook's due rows, so one dead endpoint's backlog never
-- hides the others' alerts.
CREATE INDEX outbox_webhook_state_next_attempt ON outbox (webhook_id, state, next_attempt_ms);
)sql";

// Version 2: webhooks disabled because their endpoint answered 410 Gone,
// remembered across restarts so a restart does not hammer a dead endpoint.
// `url` is the URL that answered: a config with another URL re-enables.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE webhook_state (
  webhook_id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  disabled_ms INTEGER NOT NULL,
  reason TEXT NOT NULL
);
)sql";

// Version 3: lifetime poll and failure counters per source, for
// `vigil sources`. failures_by_kind is "kind=count,..." (e.g. "http=3").
constexpr std::string_view kSchemaV3 = R"sql(
ALTER TABLE source_state ADD COLUMN polls_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source_state ADD COLUMN failures_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source_state ADD COLUMN last_error_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE source_state ADD COLUMN last_failure_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source_state ADD COLUMN failures_by_kind TEXT NOT NULL DEFAULT '';
)sql";

}  // namespace

const std::vector<std::string_view>& SchemaMigrations() {
  static const std::vector<std::string_view> kMigrations = {kSchemaV1, kSchemaV2, kSchemaV3};
  return kMigrations;
}

}  // namespace vigil
