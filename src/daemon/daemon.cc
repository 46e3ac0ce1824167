#include "vigil/daemon/daemon.h"

#include <optional>
#include <sstream>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <spdlog/spdlog.h>

#include "alert_dispatcher.h"
#include "daemon_context.h"
#include "source_scheduler.h"
#include "vigil/daemon/logging.h"
#include "vigil/daemon/sd_notify.h"

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
        signals_(io_, SIGINT, SIGTERM, SIGHUP),
        watchdog_timer_(io_),
        status_timer_(io_),
        stop_deadline_(io_) {}

  int Run() {
    WaitForSignal();
    scheduler_.Start();
    dispatcher_.Start();
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

 private:
  void WaitForSignal() {
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      if (signal == SIGHUP) {
        Reload();
        WaitForSignal();
      } else {
        BeginStop(signal);
      }
    });
  }

  void Reload() {
    notifier_.Reloading();
    spdlog::info("reloading {}", config_file_.string());
    Result<Runtime> loaded = LoadRuntime(config_file_);
    if (!loaded.ok()) {
      spdlog::error("reload failed; keeping the running configuration:");
      LogMultiline(spdlog::level::err, loaded.status().message());
      notifier_.Ready();
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
    context_.runtime = std::make_shared<const Runtime>(std::move(loaded).value());
    scheduler_.Reconfigure();
    dispatcher_.Reconfigure();
    const Runtime& runtime = *context_.runtime;
    spdlog::info("reloaded: {} sources, {} watchlists ({} entities), {} keyword groups, "
                 "{} webhooks",
                 runtime.config.sources.size(), runtime.watchlists.size(), runtime.entity_count,
                 runtime.config.keywords.size(), runtime.config.webhooks.size());
    UpdateStatus();
    notifier_.Ready();
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

  void UpdateStatus() {
    const DaemonCounters& c = context_.counters;
    notifier_.Status(fmt::format("{} sources ({} failing); {} polls, {} new documents, "
                                 "{} alerts queued, {} delivered",
                                 scheduler_.source_count(), scheduler_.failing(), c.polls,
                                 c.new_documents, c.alerts_queued, c.alerts_delivered));
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
  Result<std::unique_ptr<Store>> store = Store::Open(runtime->config.storage.path);
  if (!store.ok()) {
    spdlog::critical("cannot open database {}: {}", runtime->config.storage.path.string(),
                     store.status().message());
    return kExitFailure;
  }
  Daemon daemon(config_file, log_level, std::move(runtime).value(), std::move(store).value());
  return daemon.Run();
}

}  // namespace vigil
