#include "vigil/daemon/daemon.h"

#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <spdlog/spdlog.h>

#include "alert_dispatcher.h"
#include "daemon_context.h"
#include "vigil/runtime/runtime_builder.h"
#include "source_scheduler.h"
#include "store_startup.h"
#include "logging.h"
#include "sd_notify.h"
#include "vigil/runtime/watchlist_refresher.h"

namespace vigil {

namespace asio = boost::asio;

namespace {

// How long a stop waits for in-flight work before abandoning it. Abandoned
// work is safe: an unfinished poll is repeated, an unrecorded delivery is
// sent again under the same webhook-id.
constexpr std::chrono::seconds kStopGrace(4);

void LogMultiline(spdlog::level::level_enum level, const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) spdlog::log(level, "{}", line);
}

class Daemon {
 public:
  Daemon(std::filesystem::path config_file, std::string log_level_override, Runtime runtime,
         std::unique_ptr<Store> store)
      : config_file_(std::move(config_file)),
        log_level_override_(std::move(log_level_override)),
        store_(std::move(store)),
        context_{io_, *store_, std::make_shared<const Runtime>(std::move(runtime))},
        scheduler_(context_, [this] { dispatcher_.Kick(); }),
        dispatcher_(context_),
        builder_(
            io_, [file = config_file_] { return LoadRuntime(file); },
            [this] { return context_.runtime; }, [this](RuntimeBuilder::Built built) { Built(std::move(built)); }),
        refresher_(
            io_, [this] { return context_.runtime; }, context_.cancel,
            [this](Watchlist list) { builder_.SubmitList(std::move(list)); }),
        signals_(io_, SIGINT, SIGTERM, SIGHUP),
        watchdog_timer_(io_),
        status_timer_(io_),
        stop_deadline_(io_) {}

  int Run() {
    ReceiveSignalsOnOneThread();
    WaitForSignal();
    scheduler_.Start();
    dispatcher_.Start();
    LogListState(*context_.runtime);
    refresher_.Start();
    StartWatchdog();
    UpdateStatus();
    notifier_.Ready();
    const Runtime& runtime = *context_.runtime;
    spdlog::info("vigil {} ready: {} sources, {} watchlists ({} entities), {} keyword groups, "
                 "{} webhooks",
                 VIGIL_VERSION, runtime.config.sources.size(), runtime.watchlists.size(),
                 runtime.entity_count, runtime.config.keywords.size(),
                 runtime.config.webhooks.size());
    io_.run();
    spdlog::info("vigil stopped");
    return kExitOk;
  }

  // True when a build or download was abandoned at stop and may still be
  // running on its own thread.
  bool left_work_running() const { return builder_.left_running() || refresher_.left_running(); }

 private:
  // SIGHUP, SIGINT and SIGTERM reach the process on a thread of their own,
  // blocked everywhere else; asio's handler then hands them to io_. Any
  // thread with them unblocked may take a process signal, and libcurl
  // starts a short-lived resolver thread for every poll: under
  // ThreadSanitizer, which runs handlers late, a signal taken by such a
  // thread as it ended was lost (a SIGHUP never reloaded). Threads started
  // later inherit the blocked mask from this one.
  static void ReceiveSignalsOnOneThread() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGHUP);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([signals] {
      pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
      sigset_t none;
      sigemptyset(&none);
      // Each signal runs asio's handler here, then the wait goes on; the
      // thread ends with the process.
      for (;;) sigsuspend(&none);
    }).detach();
  }

  void WaitForSignal() {
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      if (signal == SIGHUP) {
        RequestReload();
        WaitForSignal();
      } else {
        BeginStop(signal);
      }
    });
  }

  // The config and lists are loaded and the index built on a worker thread
  // (polling, deliveries and the watchdog go on meanwhile); Built() swaps
  // the result in. A SIGHUP during a build is coalesced into one more.
  void RequestReload() {
    notifier_.Reloading();
    if (builder_.building()) {
      spdlog::info("reload of {} requested; will run after the build in progress",
                   config_file_.string());
    } else {
      spdlog::info("reloading {}", config_file_.string());
    }
    builder_.RequestReload();
  }

  void Built(RuntimeBuilder::Built built) {
    if (context_.stopping) return;
    if (built.reload) {
      ApplyReload(std::move(built.runtime), built.took);
      if (!builder_.reload_pending()) notifier_.Ready();
    } else {
      ApplyLists(std::move(built));
    }
    UpdateStatus();
  }

  void ApplyReload(Result<Runtime> loaded, std::chrono::milliseconds took) {
    if (!loaded.ok()) {
      spdlog::error("reload failed; keeping the running configuration:");
      LogMultiline(spdlog::level::err, loaded.status().message());
      return;
    }
    if (loaded->config.storage.path != context_.runtime->config.storage.path) {
      spdlog::warn("storage.path changed to {}: takes effect after a restart",
                   loaded->config.storage.path.string());
    }
    if (loaded->config.daemon.max_concurrent_fetches !=
        context_.runtime->config.daemon.max_concurrent_fetches) {
      spdlog::warn("daemon.max_concurrent_fetches change takes effect after a restart");
    }
    if (log_level_override_.empty()) {
      Status level = SetLogLevel(loaded->config.log.level);
      if (!level.ok()) spdlog::warn("{}", level.message());
    }
    // In-flight scans keep the old runtime (and matcher) alive until done.
    context_.runtime = std::make_shared<const Runtime>(std::move(loaded).value());
    scheduler_.Reconfigure();
    dispatcher_.Reconfigure();
    refresher_.Reconfigure();
    // A reload is also the operator's way to say "check the lists now".
    refresher_.RefreshNow();
    const Runtime& runtime = *context_.runtime;
    spdlog::info("reloaded in {} ms: {} sources, {} watchlists ({} entities), {} keyword groups, "
                 "{} webhooks",
                 took.count(), runtime.config.sources.size(), runtime.watchlists.size(),
                 runtime.entity_count, runtime.config.keywords.size(),
                 runtime.config.webhooks.size());
    LogListState(runtime);
  }

  void ApplyLists(RuntimeBuilder::Built built) {
    std::string ids;
    for (const std::string& id : built.list_ids) ids += (ids.empty() ? "'" : ", '") + id + "'";
    if (!built.runtime.ok()) {
      spdlog::error("watchlist {}: index rebuild failed; keeping the lists in use: {}", ids,
                    built.runtime.status().message());
      return;
    }
    context_.runtime = std::make_shared<const Runtime>(std::move(built.runtime).value());
    const Runtime& runtime = *context_.runtime;
    spdlog::info("watchlist {} swapped in: index rebuilt in {} ms ({} watchlists, {} entities, "
                 "{} name variants)",
                 ids, built.took.count(), runtime.watchlists.size(), runtime.entity_count,
                 runtime.matcher->name_count());
  }

  // "; 1 watchlist missing, 2 failing to refresh" or empty.
  std::string ListStatus() const {
    std::string status;
    if (size_t missing = context_.runtime->missing_lists.size(); missing > 0) {
      status += fmt::format("; {} watchlist{} missing", missing, missing == 1 ? "" : "s");
    }
    if (int failing = refresher_.failing(); failing > 0) {
      status += fmt::format("; {} watchlist{} failing to refresh", failing,
                            failing == 1 ? "" : "s");
    }
    return status;
  }

  static void LogListState(const Runtime& runtime) {
    for (const std::string& warning : runtime.warnings) spdlog::error("{}", warning);
  }

  void BeginStop(int signal) {
    spdlog::info("received {}, stopping", signal == SIGINT ? "SIGINT" : "SIGTERM");
    notifier_.Stopping();
    context_.stopping = true;
    context_.cancel = true;
    signals_.cancel();
    watchdog_timer_.cancel();
    status_timer_.cancel();
    scheduler_.Stop();
    dispatcher_.Stop();
    // A list build or download can take long and holds nothing that must be
    // finished: abandon it rather than wait.
    builder_.Abandon();
    refresher_.Stop();
    // In-flight work holds io work guards; io_.run() returns once it has
    // posted back, or this deadline abandons it.
    stop_deadline_.expires_after(kStopGrace);
    stop_deadline_.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      spdlog::warn("stop: abandoning {} polls and {} deliveries still in flight",
                   scheduler_.in_flight(), dispatcher_.in_flight());
      io_.stop();
    });
    WaitForIdle();
  }

  // Ends the loop once nothing is in flight any more. Stopping the loop
  // (rather than letting it drain) also drops timer handlers that had
  // already fired when the stop began.
  void WaitForIdle() {
    if (scheduler_.in_flight() == 0 && dispatcher_.in_flight() == 0) {
      io_.stop();
      return;
    }
    idle_check_.emplace(io_);
    idle_check_->expires_after(std::chrono::milliseconds(20));
    idle_check_->async_wait([this](const boost::system::error_code& ec) {
      if (!ec) WaitForIdle();
    });
  }

  void StartWatchdog() {
    std::optional<std::chrono::milliseconds> every = notifier_.WatchdogPingInterval();
    if (!every) return;
    notifier_.Watchdog();
    watchdog_timer_.expires_after(*every);
    watchdog_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (!ec && !context_.stopping) StartWatchdog();
    });
  }

  // "; database disk full" while writes fail, so `systemctl status` shows it.
  std::string StorageStatus() const {
    StorageFault fault = scheduler_.storage_fault();
    if (fault == StorageFault::kNone) return "";
    return "; database " + std::string(StorageFaultName(fault));
  }

  void UpdateStatus() {
    const DaemonCounters& c = context_.counters;
    notifier_.Status(fmt::format("{} sources ({} failing); {} polls, {} new documents, "
                                 "{} alerts queued, {} delivered",
                                 scheduler_.source_count(), scheduler_.failing(), c.polls,
                                 c.new_documents, c.alerts_queued, c.alerts_delivered) +
                     StorageStatus() +
                     ListStatus());
    status_timer_.expires_after(std::chrono::seconds(5));
    status_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (!ec && !context_.stopping) UpdateStatus();
    });
  }

  std::filesystem::path config_file_;
  std::string log_level_override_;  // from the command line; wins over log.level
  asio::io_context io_;
  std::unique_ptr<Store> store_;
  DaemonContext context_;
  SystemdNotifier notifier_;
  SourceScheduler scheduler_;
  AlertDispatcher dispatcher_;
  RuntimeBuilder builder_;
  WatchlistRefresher refresher_;
  asio::signal_set signals_;
  asio::steady_timer watchdog_timer_;
  asio::steady_timer status_timer_;
  asio::steady_timer stop_deadline_;
  std::optional<asio::steady_timer> idle_check_;
};

}  // namespace

int RunDaemon(const std::filesystem::path& config_file, const std::string& log_level) {
  SetupLogging();
  if (!log_level.empty()) {
    Status level = SetLogLevel(log_level);
    if (!level.ok()) {
      spdlog::critical("{}", level.message());
      return kExitConfig;
    }
  }
  Result<Runtime> runtime = LoadRuntime(config_file);
  if (!runtime.ok()) {
    spdlog::critical("cannot start: bad configuration:");
    LogMultiline(spdlog::level::critical, runtime.status().message());
    return kExitConfig;
  }
  if (log_level.empty()) {
    Status level = SetLogLevel(runtime->config.log.level);
    if (!level.ok()) spdlog::warn("{}", level.message());
  }
  int store_exit_code = kExitFailure;
  Result<std::unique_ptr<Store>> store =
      OpenStoreAtStartup(runtime->config.storage.path, &store_exit_code);
  if (!store.ok()) return store_exit_code;
  int code;
  bool left_work_running;
  {
    Daemon daemon(config_file, log_level, std::move(runtime).value(), std::move(store).value());
    code = daemon.Run();
    left_work_running = daemon.left_work_running();
  }
  if (left_work_running) {
    // An abandoned index build still runs on a detached thread; end the
    // process here (the database is closed, logs flushed) rather than let
    // static destructors run under it.
    spdlog::default_logger()->flush();
    std::fflush(nullptr);
    std::_Exit(code);
  }
  return code;
}

}  // namespace vigil
