// `vigil alerts list|replay`: the outbox and its dead letters, run against
// the database of a running daemon (SQLite WAL: readers never block it;
// writes wait up to the store's busy timeout).
#ifndef VIGIL_CLI_ALERTS_COMMAND_H_
#define VIGIL_CLI_ALERTS_COMMAND_H_

#include <filesystem>
#include <string>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace vigil {

struct AlertsCommandOptions {
  std::filesystem::path config_file;
  // list
  bool failed_only = false;
  bool json = false;
  // replay: outbox row ids ("42"), alert ids ("alrt_...", every webhook of
  // the alert) or webhook-ids ("msg_...")
  std::vector<std::string> ids;
  bool all_failed = false;
};

// Adds the `alerts` subcommand and its `list` and `replay` subcommands.
// Returns the `alerts` subcommand.
CLI::App* AddAlertsCommand(CLI::App& app, AlertsCommandOptions& options);

// Runs whichever of `list` / `replay` was parsed. Returns the exit code.
int AlertsCommand(const CLI::App& alerts, const AlertsCommandOptions& options);

}  // namespace vigil

#endif  // VIGIL_CLI_ALERTS_COMMAND_H_
