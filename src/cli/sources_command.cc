#include "sources_command.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "vigil/base/time.h"
#include "vigil/config/config.h"
#include "vigil/daemon/daemon.h"
#include "vigil/store/store.h"

namespace vigil {
namespace {

std::string Counts(const std::map<PollFailure, int64_t>& counts) {
  std::string out;
  for (const auto& [kind, count] : counts) {
    out += (out.empty() ? "" : ",") + std::string(PollFailureName(kind)) + "=" +
           std::to_string(count);
  }
  return out.empty() ? "-" : out;
}

std::string KindName(const std::optional<PollFailure>& kind) {
  return kind ? std::string(PollFailureName(*kind)) : "";
}

struct Row {
  SourceState state;
  bool configured = false;
  bool polled = false;
};

nlohmann::ordered_json ToJson(const Row& row) {
  const SourceState& s = row.state;
  nlohmann::ordered_json json;
  json["source"] = s.source_id;
  json["configured"] = row.configured;
  json["polls"] = s.polls_total;
  json["failures"] = s.failures_total;
  json["failing_for"] = s.error_count;  // consecutive failed polls, 0 when healthy
  nlohmann::ordered_json by_kind = nlohmann::ordered_json::object();
  for (const auto& [kind, count] : s.failures_by_kind) by_kind[PollFailureName(kind)] = count;
  json["failures_by_kind"] = by_kind;
  json["last_error_kind"] = KindName(s.last_error_kind);
  json["last_error"] = s.last_error;
  json["last_success"] = s.last_success_unix_ms > 0 ? FormatRfc3339(s.last_success_unix_ms) : "";
  json["last_failure"] = s.last_failure_unix_ms > 0 ? FormatRfc3339(s.last_failure_unix_ms) : "";
  json["next_poll"] = s.next_poll_unix_ms > 0 ? FormatRfc3339(s.next_poll_unix_ms) : "";
  return json;
}

void PrintTable(const std::vector<Row>& rows) {
  std::vector<std::vector<std::string>> cells = {
      {"SOURCE", "STATE", "POLLS", "FAILURES", "BY KIND", "LAST SUCCESS", "LAST FAILURE",
       "LAST ERROR"}};
  for (const Row& row : rows) {
    const SourceState& s = row.state;
    std::string state = !row.configured ? "removed"
                        : !row.polled   ? "never polled"
                        : s.error_count > 0
                            ? "failing x" + std::to_string(s.error_count) + " (" +
                                  KindName(s.last_error_kind) + ")"
                            : "ok";
    cells.push_back({s.source_id, state, std::to_string(s.polls_total),
                     std::to_string(s.failures_total), Counts(s.failures_by_kind),
                     TimeOrDash(s.last_success_unix_ms), TimeOrDash(s.last_failure_unix_ms),
                     s.error_count > 0 ? s.last_error : "-"});
  }
  std::vector<size_t> widths(cells[0].size(), 0);
  for (const auto& line : cells) {
    for (size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], line[i].size());
  }
  for (const auto& line : cells) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      text += line[i];
      // The last column (the error message) is not padded.
      if (i + 1 < line.size()) text += std::string(widths[i] - line[i].size() + 2, ' ');
    }
    std::cout << text << "\n";
  }
}

}  // namespace

CLI::App* AddSourcesCommand(CLI::App& app, SourcesCommandOptions& options) {
  auto* sources = app.add_subcommand(
      "sources", "Show each source's polls, failures by kind and last error, from the database");
  sources->add_option("-c,--config", options.config_file, "Config file (YAML)")->required();
  sources->add_flag("--json", options.json, "One JSON object per source per line");
  return sources;
}

int SourcesCommand(const SourcesCommandOptions& options) {
  Result<Config> config = LoadConfig(options.config_file);
  if (!config.ok()) {
    std::cerr << config.status().message() << "\n";
    return kExitConfig;
  }
  const std::filesystem::path& path = config->storage.path;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    std::cerr << "vigil sources: no database at " << path.string() << " (storage.path of "
              << options.config_file.string() << "); has the daemon run yet?\n";
    return kExitFailure;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  if (!store.ok()) {
    std::cerr << "vigil sources: " << store.status().message() << "\n";
    return kExitFailure;
  }
  Result<std::vector<SourceState>> states = (*store)->ListSourceStates();
  if (!states.ok()) {
    std::cerr << "vigil sources: " << states.status().message() << "\n";
    return kExitFailure;
  }
  // Configured sources in config order, then those only in the database.
  std::vector<Row> rows;
  for (const SourceConfig& source : config->sources) {
    Row row;
    row.configured = true;
    row.state.source_id = source.id;
    auto found = std::find_if(states->begin(), states->end(),
                              [&](const SourceState& s) { return s.source_id == source.id; });
    if (found != states->end()) {
      row.state = *found;
      row.polled = found->polls_total > 0 || found->last_success_unix_ms > 0 ||
                   found->error_count > 0;
    }
    rows.push_back(std::move(row));
  }
  for (const SourceState& state : *states) {
    bool configured = std::any_of(config->sources.begin(), config->sources.end(),
                                  [&](const SourceConfig& s) { return s.id == state.source_id; });
    if (!configured) rows.push_back(Row{state, false, true});
  }
  if (options.json) {
    for (const Row& row : rows) std::cout << ToJson(row).dump() << "\n";
  } else {
    PrintTable(rows);
  }
  return kExitOk;
}

}  // namespace vigil
