#include "alerts_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "commands.h"
#include "vigil/base/time.h"
#include "vigil/alert/sender.h"
#include "vigil/daemon/daemon.h"
#include "vigil/store/store.h"

namespace vigil {
namespace {

// What `vigil alerts` needs of the config: the database and the webhook ids.
struct AlertsConfig {
  std::filesystem::path database;
  std::set<std::string> webhook_ids;
};

// A light read of the config, not LoadConfig: the full load resolves every
// secret ({credential: ...} needs $CREDENTIALS_DIRECTORY, which only the
// systemd unit has), and an operator runs this from a shell. storage.path is
// resolved like LoadConfig does: against the config file's folder, default
// "vigil.db".
Result<AlertsConfig> ReadAlertsConfig(const std::filesystem::path& config_file) {
  AlertsConfig config;
  std::string storage_path = "vigil.db";
  try {
    YAML::Node root = YAML::LoadFile(config_file.string());
    if (YAML::Node storage = root["storage"]; storage && storage.IsMap()) {
      if (YAML::Node path = storage["path"]; path && path.IsScalar()) {
        storage_path = path.as<std::string>();
      }
    }
    if (YAML::Node webhooks = root["webhooks"]; webhooks && webhooks.IsSequence()) {
      for (const YAML::Node& webhook : webhooks) {
        if (!webhook.IsMap()) continue;
        if (YAML::Node id = webhook["id"]; id && id.IsScalar()) {
          config.webhook_ids.insert(id.as<std::string>());
        }
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::Error(config_file.string() + ": " + e.what());
  }
  if (storage_path.empty()) return Status::Error("storage.path must not be empty");
  std::filesystem::path base = config_file.parent_path();
  config.database = (base / storage_path).lexically_normal();
  return config;
}

// The daemon's database, which must exist: creating an empty one here would
// only hide a wrong --config. Never migrated here: the daemon owns the schema.
Result<std::unique_ptr<Store>> OpenDatabase(const AlertsConfig& config,
                                            const std::filesystem::path& config_file,
                                            Store::Access access) {
  const std::filesystem::path& path = config.database;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Status::Error("no database at " + path.string() + " (storage.path of " +
                         config_file.string() + "); has the daemon run yet?");
  }
  return Store::OpenExisting(path, access);
}

nlohmann::ordered_json ToJson(const OutboxEntry& entry) {
  nlohmann::ordered_json json;
  json["id"] = entry.id;
  json["alert_id"] = entry.alert_id;
  json["webhook"] = entry.webhook_id;
  json["webhook_id"] = entry.message_id;
  json["state"] = OutboxStateName(entry.state);
  json["attempts"] = entry.attempts;
  json["created"] = FormatRfc3339(entry.created_unix_ms);
  json["next_attempt"] = entry.state == OutboxState::kPending
                             ? nlohmann::ordered_json(FormatRfc3339(entry.next_attempt_unix_ms))
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
      options.failed_only ? store.ListAlertsInState(OutboxState::kFailed) : store.ListAlerts();
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
                << TimeOrDash(webhook.disabled_unix_ms) << ": " << WebhookOrigin(webhook.url)
                << " answered " << webhook.reason << "\n";
    }
  }
  std::cout << "ID\tSTATE\tATTEMPTS\tWEBHOOK\tALERT\tWEBHOOK-ID\tCREATED\tNEXT/DELIVERED\tLAST "
               "ERROR\n";
  for (const OutboxEntry& entry : *entries) {
    std::string when = entry.state == OutboxState::kPending     ? TimeOrDash(entry.next_attempt_unix_ms)
                       : entry.state == OutboxState::kDelivered ? TimeOrDash(entry.delivered_unix_ms)
                                                                : "-";
    std::cout << entry.id << "\t" << OutboxStateName(entry.state) << "\t" << entry.attempts << "\t"
              << entry.webhook_id << "\t" << entry.alert_id << "\t" << entry.message_id << "\t"
              << TimeOrDash(entry.created_unix_ms) << "\t" << when << "\t"
              << (entry.last_error.empty() ? "-" : entry.last_error) << "\n";
  }
  return kExitOk;
}

int Replay(Store& store, const AlertsCommandOptions& options,
           const std::set<std::string>& webhook_ids) {
  if (options.all_failed == !options.ids.empty()) {
    std::cerr << "vigil alerts replay: give alert ids or --all-failed (not both)\n";
    return kExitFailure;
  }
  Result<std::vector<OutboxEntry>> all =
      options.all_failed ? store.ListAlertsInState(OutboxState::kFailed) : store.ListAlerts();
  if (!all.ok()) {
    std::cerr << "vigil alerts replay: " << all.status().message() << "\n";
    return kExitFailure;
  }
  std::vector<int64_t> rows;
  // An alert of a webhook the config no longer has would wait forever.
  auto configured = [&](const OutboxEntry& entry) {
    if (webhook_ids.count(entry.webhook_id)) return true;
    std::cerr << "vigil alerts replay: " << entry.id << " (" << entry.message_id
              << ") is for webhook '" << entry.webhook_id
              << "', which the config no longer has; skipped\n";
    return false;
  };
  if (options.all_failed) {
    for (const OutboxEntry& entry : *all) {
      if (configured(entry)) rows.push_back(entry.id);
    }
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
        if (entry->state == OutboxState::kDelivered) {
          std::cerr << "vigil alerts replay: " << entry->id << " (" << entry->message_id
                    << ") was already delivered to " << entry->webhook_id << "; left alone\n";
          continue;
        }
        if (configured(*entry)) rows.push_back(entry->id);
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
  Result<AlertsConfig> config = ReadAlertsConfig(options.config_file);
  if (!config.ok()) {
    std::cerr << "vigil alerts: " << config.status().message() << "\n";
    return kExitFailure;
  }
  const bool list = alerts.got_subcommand("list");
  // `list` only reads (a read-only connection, whatever the schema version);
  // `replay` writes, and only to the schema this binary knows.
  Result<std::unique_ptr<Store>> store = OpenDatabase(
      *config, options.config_file, list ? Store::Access::kReadOnly : Store::Access::kReadWrite);
  if (!store.ok()) {
    std::cerr << "vigil alerts: " << store.status().message() << "\n";
    return kExitFailure;
  }
  if (list) return List(**store, options);
  return Replay(**store, options, config->webhook_ids);
}

}  // namespace vigil
