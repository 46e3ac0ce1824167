// SqliteStore: per-source polling state and counters, and the integrity
// check. The rest of SqliteStore is in sqlite_store.cc.
#include <charconv>
#include <string>
#include <string_view>
#include <utility>

#include "integrity_check.h"
#include "sqlite_store.h"

namespace vigil {
namespace {

#define VIGIL_SOURCE_COLUMNS                                                      \
  "source_id, etag, last_modified, next_poll_ms, error_count, last_error, "      \
  "last_success_ms, url, polls_total, failures_total, last_error_kind, "         \
  "last_failure_ms, failures_by_kind"

constexpr std::string_view kGetSourceState =
    "SELECT " VIGIL_SOURCE_COLUMNS " FROM source_state WHERE source_id = ?1";
constexpr std::string_view kListSourceStates =
    "SELECT " VIGIL_SOURCE_COLUMNS " FROM source_state ORDER BY source_id";
constexpr std::string_view kPutSourceState =
    "INSERT INTO source_state (" VIGIL_SOURCE_COLUMNS
    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
    "ON CONFLICT (source_id) DO UPDATE SET etag = excluded.etag, "
    "last_modified = excluded.last_modified, next_poll_ms = excluded.next_poll_ms, "
    "error_count = excluded.error_count, last_error = excluded.last_error, "
    "last_success_ms = excluded.last_success_ms, url = excluded.url, "
    "polls_total = excluded.polls_total, failures_total = excluded.failures_total, "
    "last_error_kind = excluded.last_error_kind, last_failure_ms = excluded.last_failure_ms, "
    "failures_by_kind = excluded.failures_by_kind";

#undef VIGIL_SOURCE_COLUMNS

// failures_by_kind is stored as "http=3,timeout=1": kinds are our own
// lower-case words (PollFailureName), and a text column keeps the state one
// row per source.
std::string EncodeCounts(const std::map<PollFailure, int64_t>& counts) {
  std::string out;
  for (const auto& [kind, count] : counts) {
    if (!out.empty()) out += ',';
    out += std::string(PollFailureName(kind)) + '=' + std::to_string(count);
  }
  return out;
}

// Pairs that are not a known kind and a count are skipped: only Vigil writes
// the column, and a damaged value must not stop the daemon.
std::map<PollFailure, int64_t> DecodeCounts(std::string_view text) {
  std::map<PollFailure, int64_t> counts;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view pair = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    size_t equals = pair.find('=');
    if (equals == std::string_view::npos || equals == 0) continue;
    int64_t count = 0;
    std::string_view number = pair.substr(equals + 1);
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), count);
    if (error != std::errc() || end != number.data() + number.size()) continue;
    std::optional<PollFailure> kind = ParsePollFailure(pair.substr(0, equals));
    if (kind) counts[*kind] = count;
  }
  return counts;
}

SourceState ReadSourceState(const SqliteStatement& s) {
  SourceState state;
  state.source_id = s.ColumnText(0);
  state.etag = s.ColumnText(1);
  state.last_modified = s.ColumnText(2);
  state.next_poll_unix_ms = s.ColumnInt(3);
  state.error_count = static_cast<int>(s.ColumnInt(4));
  state.last_error = s.ColumnText(5);
  state.last_success_unix_ms = s.ColumnInt(6);
  state.url = s.ColumnText(7);
  state.polls_total = s.ColumnInt(8);
  state.failures_total = s.ColumnInt(9);
  state.last_error_kind = ParsePollFailure(s.ColumnText(10));
  state.last_failure_unix_ms = s.ColumnInt(11);
  state.failures_by_kind = DecodeCounts(s.ColumnText(12));
  return state;
}

}  // namespace

Result<std::optional<SourceState>> SqliteStore::GetSourceState(const std::string& source_id) {
  constexpr std::string_view kOp = "GetSourceState";
  Result<ScopedStatement> statement = db_->Prepare(kGetSourceState);
  if (!statement.ok()) return StoreOpError(kOp, statement.status());
  SqliteStatement& s = **statement;
  s.BindText(1, source_id);
  Result<bool> row = s.Step();
  if (!row.ok()) return StoreOpError(kOp, row.status());
  if (!*row) return std::optional<SourceState>();
  return std::optional<SourceState>(ReadSourceState(s));
}

Result<std::vector<SourceState>> SqliteStore::ListSourceStates() {
  constexpr std::string_view kOp = "ListSourceStates";
  Result<ScopedStatement> statement = db_->Prepare(kListSourceStates);
  if (!statement.ok()) return StoreOpError(kOp, statement.status());
  std::vector<SourceState> states;
  while (true) {
    Result<bool> row = (*statement)->Step();
    if (!row.ok()) return StoreOpError(kOp, row.status());
    if (!*row) return states;
    states.push_back(ReadSourceState(**statement));
  }
}

Status SqliteStore::PutSourceState(const SourceState& state) {
  Result<ScopedStatement> statement = db_->Prepare(kPutSourceState);
  if (!statement.ok()) return StoreOpError("PutSourceState", statement.status());
  SqliteStatement& s = **statement;
  s.BindText(1, state.source_id);
  s.BindText(2, state.etag);
  s.BindText(3, state.last_modified);
  s.BindInt(4, state.next_poll_unix_ms);
  s.BindInt(5, state.error_count);
  s.BindText(6, state.last_error);
  s.BindInt(7, state.last_success_unix_ms);
  s.BindText(8, state.url);
  s.BindInt(9, state.polls_total);
  s.BindInt(10, state.failures_total);
  s.BindText(11, state.last_error_kind ? PollFailureName(*state.last_error_kind) : "");
  s.BindInt(12, state.last_failure_unix_ms);
  s.BindText(13, EncodeCounts(state.failures_by_kind));
  Status status = s.Run();
  if (!status.ok()) return StoreOpError("PutSourceState", status);
  return Status::Ok();
}

Status SqliteStore::CheckIntegrity() {
  Status status = RunQuickCheck(*db_);
  return status.ok() ? status : StoreOpError("CheckIntegrity", status);
}

}  // namespace vigil
