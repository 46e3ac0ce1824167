// vigil: command line entry point. Subcommands in one table-like block.
#include <CLI/CLI.hpp>
#include <libxml/parser.h>

#include <iostream>

#include "alerts_command.h"
#include "commands.h"
#include "sources_command.h"
#include "vigil/daemon/daemon.h"
#include "vigil/fetch/http_client.h"

int main(int argc, char** argv) {
  vigil::CurlGlobal curl;  // before any thread starts
  xmlInitParser();  // libxml2 is thread-safe for parsing only once initialised
  CLI::App app{"Vigil: watches news sources for sanctioned entities and keywords", "vigil"};
  app.set_version_flag("--version", std::string("vigil ") + VIGIL_VERSION);
  app.require_subcommand(1);

  std::string config_file;
  auto* run = app.add_subcommand("run", "Run the daemon in the foreground");
  run->add_option("-c,--config", config_file, "Config file (YAML)")->required();
  std::string log_level;
  run->add_option("--log-level", log_level, "Overrides log.level from the config")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));

  std::string check_file;
  auto* check = app.add_subcommand(
      "check-config", "Load the config and every watchlist it names; report errors as file:line:col");
  check->add_option("-c,--config", check_file, "Config file (YAML)")->required();

  vigil::ScanCommandOptions scan_options;
  auto* scan = app.add_subcommand(
      "scan", "Match text, HTML or feed files (or stdin) against the configured watchlists and "
              "keywords; print one JSON object per match per line. Nothing is stored or sent.");
  scan->add_option("-c,--config", scan_options.config_file, "Config file (YAML)")->required();
  scan->add_option("--type", scan_options.type, "Input type")
      ->check(CLI::IsMember({"auto", "feed", "html", "text"}))
      ->default_val("auto");
  scan->add_flag("--explain", scan_options.explain,
                 "Also print which list name matched and by which rule");
  scan->add_flag("--candidates", scan_options.candidates,
                 "Also print candidates: weak or low-scoring hits that never alert");
  scan->add_option("inputs", scan_options.inputs, "Files to scan, or - for stdin (default)");

  vigil::AlertsCommandOptions alerts_options;
  auto* alerts = vigil::AddAlertsCommand(app, alerts_options);

  vigil::SourcesCommandOptions sources_options;
  auto* sources = vigil::AddSourcesCommand(app, sources_options);

  CLI11_PARSE(app, argc, argv);
  try {
    if (*run) return vigil::RunDaemon(config_file, log_level);
    if (*check) return vigil::CheckConfigCommand(check_file);
    if (*scan) return vigil::ScanCommand(scan_options);
    if (*sources) return vigil::SourcesCommand(sources_options);
    if (*alerts) return vigil::AlertsCommand(*alerts, alerts_options);
  } catch (const std::exception& e) {
    // Last resort: modules return errors as values; this is a bug.
    std::cerr << "vigil: internal error: " << e.what() << "\n";
    return vigil::kExitFailure;
  }
  return vigil::kExitFailure;
}
