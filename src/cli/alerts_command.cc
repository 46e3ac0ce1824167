#include "alerts_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "vigil/base/time.h"
#include "vigil/config/config.h"
#include "vigil/daemon/daemon.h"
#include "vigil/fetch/http_client.h"
#include "vigil/store/store.h"

namespace vigil {
namespace {

// The daemon's database, which must exist: creating an empty one here would
// only hide a wrong --config.
Result<std::unique_ptr<Store>> OpenDatabase(const std::filesystem::path& config_file) {
  Result<Config> config = LoadConfig(config_file);
  if (!config.ok()) return config.status();
  const std::filesystem::path& path = config->storage.path;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Status::Error("no database at " + path.string() + " (storage.path of " +
                         config_file.string() + "); has the daemon run yet?");
  }
  return Store::Open(path);
}

std::string Time(int64_t unix_ms) { return unix_ms > 0 ? FormatRfc3339(unix_ms) : "-"; }

nlohmann::ordered_json ToJson(const OutboxEntry& entry) {
  nlohmann::ordered_json json;
  json["id"] = entry.id;
  json["alert_id"] = entry.alert_id;
  json["webhook"] = entry.webhook_id;
  json["webhook_id"] = entry.message_id;
  json["state"] = entry.state;
  json["attempts"] = entry.attempts;
  json["created"] = FormatRfc3339(entry.created_unix_ms);
  json["next_attempt"] =
      entry.state == "pending" ? nlohmann::ordered_json(FormatRfc3339(entry.next_attempt_unix_ms))
                               : nlohmann::ordered_json(nullptr);
  json["delivered"] = entry.delivered_unix_ms > 0
                          ? nlohmann::ordered_json(FormatRfc3339(entry.delivered_unix_ms))
                          : nlohmann::ordered_json(nullptr);
  json["last_error"] = entry.last_error.empty() ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(entry.last_error);
  return json;
}

int List(Store& store, const AlertsCommandOptions& options) {
  Result<std::vector<OutboxEntry>> entries =
      options.failed_only ? store.ListAlertsInState("failed") : store.ListAlerts();
  if (!entries.ok()) {
    std::cerr << "vigil alerts list: " << entries.status().message() << "\n";
    return kExitFailure;
  }
  if (options.json) {
    // One object per line, like `vigil scan`.
    for (const OutboxEntry& entry : *entries) {
      std::cout << ToJson(entry).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    }
    return kExitOk;
  }
  Result<std::vector<DisabledWebhook>> disabled = store.DisabledWebhooks();
  if (disabled.ok()) {
    for (const DisabledWebhook& webhook : *disabled) {
      std::cout << "# webhook " << webhook.webhook_id << " is DISABLED since "
                << Time(webhook.disabled_unix_ms) << ": " << RedactUrl(webhook.url)
                << " answered " << webhook.reason << "\n";
    }
  }
  std::cout << "ID\tSTATE\tATTEMPTS\tWEBHOOK\tALERT\tWEBHOOK-ID\tCREATED\tNEXT/DELIVERED\tLAST "
               "ERROR\n";
  for (const OutboxEntry& entry : *entries) {
    std::string when = entry.state == "pending"     ? Time(entry.next_attempt_unix_ms)
                       : entry.state == "delivered" ? Time(entry.delivered_unix_ms)
                                                    : "-";
    std::cout << entry.id << "\t" << entry.state << "\t" << entry.attempts << "\t"
              << entry.webhook_id << "\t" << entry.alert_id << "\t" << entry.message_id << "\t"
              << Time(entry.created_unix_ms) << "\t" << when << "\t"
              << (entry.last_error.empty() ? "-" : entry.last_error) << "\n";
  }
  return kExitOk;
}

int Replay(Store& store, const AlertsCommandOptions& options) {
  if (options.all_failed == !options.ids.empty()) {
    std::cerr << "vigil alerts replay: give alert ids or --all-failed (not both)\n";
    return kExitFailure;
  }
  Result<std::vector<OutboxEntry>> all =
      options.all_failed ? store.ListAlertsInState("failed") : store.ListAlerts();
  if (!all.ok()) {
    std::cerr << "vigil alerts replay: " << all.status().message() << "\n";
    return kExitFailure;
  }
  std::vector<int64_t> rows;
  if (options.all_failed) {
    for (const OutboxEntry& entry : *all) rows.push_back(entry.id);
  } else {
    for (const std::string& id : options.ids) {
      std::vector<const OutboxEntry*> matched;
      for (const OutboxEntry& entry : *all) {
        if (std::to_string(entry.id) == id || entry.alert_id == id || entry.message_id == id) {
          matched.push_back(&entry);
        }
      }
      if (matched.empty()) {
        std::cerr << "vigil alerts replay: no alert '" << id << "' in the outbox\n";
        return kExitFailure;
      }
      for (const OutboxEntry* entry : matched) {
        if (entry->state == "delivered") {
          std::cerr << "vigil alerts replay: " << entry->id << " (" << entry->message_id
                    << ") was already delivered to " << entry->webhook_id << "; left alone\n";
          continue;
        }
        rows.push_back(entry->id);
      }
    }
  }
  Result<int64_t> replayed = store.ReplayAlerts(rows, NowUnixMs());
  if (!replayed.ok()) {
    std::cerr << "vigil alerts replay: " << replayed.status().message() << "\n";
    return kExitFailure;
  }
  std::cout << "replayed " << *replayed
            << " alerts: pending again under the same webhook-id, attempts reset; a running "
               "daemon sends them within seconds\n";
  return *replayed > 0 || options.all_failed ? kExitOk : kExitFailure;
}

}  // namespace

CLI::App* AddAlertsCommand(CLI::App& app, AlertsCommandOptions& options) {
  CLI::App* alerts = app.add_subcommand(
      "alerts", "The alert outbox and its dead letters (works beside a running daemon)");
  alerts->require_subcommand(1);
  CLI::App* list = alerts->add_subcommand("list", "List queued, delivered and failed alerts");
  list->add_option("-c,--config", options.config_file, "Config file (YAML)")->required();
  list->add_flag("--failed", options.failed_only, "Only the dead letters (state failed)");
  list->add_flag("--json", options.json, "One JSON object per alert per line");
  CLI::App* replay = alerts->add_subcommand(
      "replay", "Queue failed alerts again, same webhook-id, attempts reset");
  replay->add_option("-c,--config", options.config_file, "Config file (YAML)")->required();
  replay->add_option("ids", options.ids,
                     "Outbox ids (first column of `list`), alert ids (alrt_...) or webhook-ids "
                     "(msg_...)");
  replay->add_flag("--all-failed", options.all_failed, "Every dead letter");
  return alerts;
}

int AlertsCommand(const CLI::App& alerts, const AlertsCommandOptions& options) {
  Result<std::unique_ptr<Store>> store = OpenDatabase(options.config_file);
  if (!store.ok()) {
    std::cerr << "vigil alerts: " << store.status().message() << "\n";
    return kExitFailure;
  }
  if (alerts.got_subcommand("list")) return List(**store, options);
  return Replay(**store, options);
}

}  // namespace vigil
