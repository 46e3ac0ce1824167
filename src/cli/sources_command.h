// `vigil sources`: per-source polling health from the database (polls,
// failures by kind, last error, last success), safe to run against the
// database of a running daemon (SQLite WAL: a reader never blocks it).
#ifndef VIGIL_CLI_SOURCES_COMMAND_H_
#define VIGIL_CLI_SOURCES_COMMAND_H_

#include <filesystem>

namespace CLI {
class App;
}  // namespace CLI

namespace vigil {

struct SourcesCommandOptions {
  std::filesystem::path config_file;
  bool json = false;  // one JSON object per source per line
};

// Adds the `sources` subcommand; returns it.
CLI::App* AddSourcesCommand(CLI::App& app, SourcesCommandOptions& options);

// Prints one row per configured source (and per source still in the
// database but no longer configured). Returns the exit code.
int SourcesCommand(const SourcesCommandOptions& options);

}  // namespace vigil

#endif  // VIGIL_CLI_SOURCES_COMMAND_H_
