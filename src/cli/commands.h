// The `vigil` subcommands. Each returns the process exit code.
#ifndef VIGIL_CLI_COMMANDS_H_
#define VIGIL_CLI_COMMANDS_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "vigil/base/time.h"

namespace vigil {

int CheckConfigCommand(const std::filesystem::path& config_file);

struct ScanCommandOptions {
  std::filesystem::path config_file;
  std::vector<std::string> inputs;  // paths, or "-" for stdin; empty = stdin
  std::string type = "auto";        // auto | feed | html | text
  bool explain = false;             // add matched_name and rule to each line
  bool candidates = false;          // also print candidates ("candidate": true)
};
int ScanCommand(const ScanCommandOptions& options);

// A time in the listing commands' tables: RFC 3339, or "-" for never.
inline std::string TimeOrDash(int64_t unix_ms) {
  return unix_ms > 0 ? FormatRfc3339(unix_ms) : "-";
}

}  // namespace vigil

#endif  // VIGIL_CLI_COMMANDS_H_
