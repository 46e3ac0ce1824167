#include "source_scheduler.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

#include "vigil/base/time.h"
#include "vigil/pipeline/ingest.h"
#include "vigil/pipeline/poll.h"

namespace vigil {

namespace asio = boost::asio;
using std::chrono::milliseconds;

struct SourceScheduler::Poller {
  Poller(asio::io_context& io, SourceConfig source) : config(std::move(source)), timer(io) {}
  SourceConfig config;
  SourceState state;
  asio::steady_timer timer;
  bool in_flight = false;
  uint64_t generation = 0;  // changes when the config changes under a poll
  std::string last_warnings;  // of the last parse, to log changes once
  // Kind of the failure last logged at warning level; none once recovered.
  // Not persisted, so a restarted daemon says once what is still wrong.
  std::optional<PollFailure> logged_kind;
};

namespace {

// What an operator can do about each database condition.
std::string_view StorageAdvice(StorageFault fault) {
  switch (fault) {
    case StorageFault::kFull: return "free space on the database's file system";
    case StorageFault::kReadOnly:
      return "make the database file, its folder and file system writable for vigil";
    case StorageFault::kLocked:
      return "another process holds the database's write lock; end it or its transaction";
    case StorageFault::kCorrupt:
      return "stop vigil and restart it: the start-up integrity check says how to recover";
    default: return "check the file system under the database";
  }
}

}  // namespace

milliseconds NextPollDelay(milliseconds interval, double jitter, int error_count,
                           milliseconds max_backoff, double unit_random) {
  double base = static_cast<double>(interval.count());
  if (error_count > 0) {
    double cap = static_cast<double>(std::max(max_backoff, interval).count());
    base = std::min(cap, base * std::pow(2.0, std::min(error_count, 30)));
  }
  double factor = 1.0 + jitter * (2.0 * unit_random - 1.0);
  return milliseconds(static_cast<int64_t>(std::max(1.0, base * factor)));
}

SourceScheduler::SourceScheduler(DaemonContext& context, std::function<void()> on_alerts_queued)
    : context_(context),
      on_alerts_queued_(std::move(on_alerts_queued)),
      pool_(static_cast<size_t>(std::max(1, context.runtime->config.daemon.max_concurrent_fetches))),
      random_state_(std::random_device{}()) {}

SourceScheduler::~SourceScheduler() {
  pool_.stop();
  pool_.join();
}

double SourceScheduler::UnitRandom() {
  // splitmix64: plenty for jitter, and no shared RNG state across threads.
  uint64_t z = (random_state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) / 9007199254740992.0;
}

void SourceScheduler::Start() { Reconfigure(); }

void SourceScheduler::Reconfigure() {
  const std::vector<SourceConfig>& sources = context_.runtime->config.sources;
  for (auto it = pollers_.begin(); it != pollers_.end();) {
    bool kept = std::any_of(sources.begin(), sources.end(),
                            [&](const SourceConfig& s) { return s.id == it->first; });
    if (kept) {
      ++it;
      continue;
    }
    spdlog::info("source {}: removed from config", it->first);
    it = pollers_.erase(it);  // cancels its timer; a late result is dropped
  }
  int64_t now = NowUnixMs();
  for (const SourceConfig& source : sources) {
    auto found = pollers_.find(source.id);
    if (found != pollers_.end()) {
      Poller& poller = *found->second;
      bool url_changed = poller.config.url != source.url;
      bool interval_changed = poller.config.interval != source.interval;
      poller.config = source;
      if (url_changed) {
        ForgetValidators(poller);
        poller.generation = next_generation_++;
        poller.in_flight = false;
        SaveState(poller);
      }
      if ((url_changed || interval_changed) && !poller.in_flight) Arm(poller, milliseconds(0));
      continue;
    }
    auto poller = std::make_unique<Poller>(context_.io, source);
    poller->generation = next_generation_++;
    poller->state.source_id = source.id;
    Result<std::optional<SourceState>> stored = context_.store.GetSourceState(source.id);
    if (!stored.ok()) {
      spdlog::error("source {}: cannot read polling state: {}", source.id, stored.status().message());
    } else if (stored->has_value()) {
      poller->state = **stored;
      if (poller->state.url != source.url) ForgetValidators(*poller);
    }
    poller->state.url = source.url;
    milliseconds delay(std::max<int64_t>(0, poller->state.next_poll_unix_ms - now));
    // A shortened interval in the new config should not wait out the old one.
    delay = std::min(delay, source.interval);
    Poller& ref = *poller;
    pollers_.emplace(source.id, std::move(poller));
    Arm(ref, delay);
  }
}

void SourceScheduler::ForgetValidators(Poller& poller) {
  // Validators belong to the URL they came from: sent to another URL, a
  // 304 would hide the new feed until it changes.
  poller.state.url = poller.config.url;
  poller.state.etag.clear();
  poller.state.last_modified.clear();
  poller.state.next_poll_unix_ms = 0;
}

void SourceScheduler::Stop() {
  for (auto& [id, poller] : pollers_) poller->timer.cancel();
}

int SourceScheduler::failing() const {
  return static_cast<int>(std::count_if(pollers_.begin(), pollers_.end(),
                                        [](const auto& p) { return p.second->state.error_count > 0; }));
}

void SourceScheduler::Arm(Poller& poller, milliseconds delay) {
  poller.timer.expires_after(delay);
  std::string id = poller.config.id;
  poller.timer.async_wait([this, id](const boost::system::error_code& ec) {
    if (ec || context_.stopping) return;  // cancelled: the poller may be gone
    StartPoll(id);
  });
}

void SourceScheduler::StartPoll(const std::string& id) {
  auto found = pollers_.find(id);
  if (found == pollers_.end()) return;
  Poller& poller = *found->second;
  if (poller.in_flight) return;
  poller.in_flight = true;
  ++in_flight_;

  FetchRequest request;
  request.url = poller.config.url;
  request.etag = poller.state.etag;
  request.last_modified = poller.state.last_modified;
  request.limits = poller.config.limits;
  request.headers = poller.config.headers;
  request.cancel = &context_.cancel;
  std::string type = poller.config.type;
  uint64_t generation = poller.generation;
  spdlog::debug("source {}: polling {}", id, RedactUrl(request.url));

  // The work guard keeps io.run() alive until the result is posted back.
  auto work = asio::make_work_guard(context_.io);
  asio::post(pool_, [this, id, generation, request = std::move(request), type,
                     work = std::move(work)]() mutable {
    PollResult outcome = PollSource(request, type);
    asio::post(context_.io, [this, id, generation, outcome = std::move(outcome)]() mutable {
      FinishPoll(id, generation, std::move(outcome));
    });
  });
}

void SourceScheduler::FinishPoll(const std::string& id, uint64_t generation,
                                 PollResult outcome) {
  --in_flight_;
  ++context_.counters.polls;
  auto found = pollers_.find(id);
  if (found == pollers_.end() || found->second->generation != generation) return;
  Poller& poller = *found->second;
  poller.in_flight = false;
  int64_t now = NowUnixMs();
  const Result<FetchResponse>& fetched = outcome.fetch;
  if (!fetched.ok()) {
    // Aborted by the stop: not the source's fault; its state stays as it was.
    if (context_.stopping) return;
    ++poller.state.polls_total;
    RecordFailure(poller, FetchFailure(fetched.status()), fetched.status().message(), now);
    return;
  }
  ++poller.state.polls_total;
  if (fetched->not_modified) {
    spdlog::debug("source {}: not modified", id);
  } else {
    const Result<ParsedDocument>& parsed = *outcome.parsed;
    if (!parsed.ok()) {
      RecordFailure(poller, PollFailure::kParse, parsed.status().message(), now);
      return;
    }
    LogParseWarnings(poller, parsed->warnings);
    Result<IngestStats> stats =
        Ingest(context_.store, *context_.runtime->matcher, id, context_.runtime->config.webhooks,
               *parsed, fetched->effective_url, outcome.fetched_unix_ms, &context_.cancel);
    if (!stats.ok() && context_.stopping) return;  // the rest comes again after the restart
    if (!stats.ok()) {
      // Nothing of the poll was written (one transaction) and the
      // validators are not advanced: the items come again next time.
      NoteStorage(stats.status(), "storing new items of source " + id);
      RecordFailure(poller, PollFailure::kStorage, "storage: " + stats.status().message(), now);
      return;
    }
    context_.counters.new_documents += stats->new_documents;
    context_.counters.alerts_queued += stats->alerts_queued;
    if (stats->new_documents > 0) {
      spdlog::info("source {}: {} items, {} new, {} entity hits, {} keyword hits, {} alerts queued",
                   id, stats->items, stats->new_documents, stats->entity_hits,
                   stats->keyword_hits, stats->alerts_queued);
    } else {
      spdlog::debug("source {}: {} items, none new", id, stats->items);
    }
    for (const std::string& summary : stats->hit_summaries) {
      spdlog::info("source {}: hits in {}", id, summary);
    }
    if (stats->alerts_queued > 0) on_alerts_queued_();
    poller.state.etag = fetched->etag;
    poller.state.last_modified = fetched->last_modified;
  }
  if (poller.state.error_count > 0) {
    spdlog::info("source {}: recovered after {} failed polls", id, poller.state.error_count);
  }
  poller.logged_kind.reset();
  poller.state.error_count = 0;
  poller.state.last_error.clear();
  poller.state.last_success_unix_ms = now;
  milliseconds delay = NextPollDelay(poller.config.interval, context_.runtime->config.daemon.jitter,
                                     0, context_.runtime->config.daemon.max_backoff, UnitRandom());
  poller.state.next_poll_unix_ms = now + delay.count();
  SaveState(poller);
  if (!context_.stopping) Arm(poller, delay);
}

void SourceScheduler::RecordFailure(Poller& poller, PollFailure kind,
                                    const std::string& error, int64_t now_ms) {
  ++poller.state.error_count;
  ++poller.state.failures_total;
  ++poller.state.failures_by_kind[kind];
  poller.state.last_error_kind = kind;
  poller.state.last_failure_unix_ms = now_ms;
  const DaemonConfig& daemon = context_.runtime->config.daemon;
  milliseconds delay = NextPollDelay(poller.config.interval, daemon.jitter,
                                     poller.state.error_count, daemon.max_backoff, UnitRandom());
  // Logged once per change of kind, not once per poll: a slow or flapping
  // source whose message varies (byte counts, 500/502/503) is one state.
  // A database fault is logged once for all sources by NoteStorage.
  if (kind != poller.logged_kind && kind != PollFailure::kStorage) {
    spdlog::warn("source {}: {} (retrying in {}s)", poller.config.id, error, delay.count() / 1000);
  } else {
    spdlog::debug("source {}: still failing ({} times, {}): {}", poller.config.id,
                  poller.state.error_count, PollFailureName(kind), error);
  }
  poller.logged_kind = kind;
  poller.state.last_error = error;
  poller.state.next_poll_unix_ms = now_ms + delay.count();
  // After a failed write another one would fail the same way (and, on a
  // locked database, wait busy_timeout again); the state is kept in memory
  // and saved with the next successful poll.
  if (kind != PollFailure::kStorage) SaveState(poller);
  if (!context_.stopping) Arm(poller, delay);
}

void SourceScheduler::NoteStorage(const Status& status, const std::string& what) {
  StorageFault fault = ClassifyStorageError(status);
  if (fault == storage_fault_) {
    if (!status.ok()) spdlog::debug("storage: still {}: {}", StorageFaultName(fault), what);
    return;
  }
  if (fault == StorageFault::kNone) {
    spdlog::info("storage: the database is writable again (was {}); missed items are stored "
                 "as their sources are polled",
                 StorageFaultName(storage_fault_));
  } else {
    spdlog::error("storage: database {} while {}: {}. Stored documents and alerts are kept; "
                  "new items are not stored and will be fetched again. To fix: {}",
                  StorageFaultName(fault), what, status.message(), StorageAdvice(fault));
  }
  storage_fault_ = fault;
}

void SourceScheduler::LogParseWarnings(Poller& poller, const std::vector<std::string>& warnings) {
  std::string joined;
  for (const std::string& warning : warnings) joined += (joined.empty() ? "" : "; ") + warning;
  // A feed that is broken the same way every poll is reported once.
  if (!joined.empty() && joined != poller.last_warnings) {
    spdlog::warn("source {}: {}", poller.config.id, joined);
  } else if (!joined.empty()) {
    spdlog::debug("source {}: {}", poller.config.id, joined);
  }
  poller.last_warnings = joined;
}

void SourceScheduler::SaveState(const Poller& poller) {
  NoteStorage(context_.store.PutSourceState(poller.state),
              "saving the polling state of source " + poller.config.id);
}

}  // namespace vigil
