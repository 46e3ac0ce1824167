// The long-running Vigil process: polls sources, ingests, delivers alerts,
// reacts to SIGHUP (reload) and SIGTERM/SIGINT (graceful stop).
#ifndef VIGIL_DAEMON_DAEMON_H_
#define VIGIL_DAEMON_DAEMON_H_

#include <filesystem>
#include <string>

#include "vigil/model/exit_codes.h"

namespace vigil {

// Runs the daemon in the foreground until SIGTERM/SIGINT. Returns an exit
// code (vigil/model/exit_codes.h): kExitConfig when the config or a watchlist is bad at start-up,
// kExitDatabaseCorrupt when the database fails its integrity check or is
// not a database, kExitFailure when it cannot be opened otherwise. A non-empty `log_level`
// overrides log.level from the config, across reloads too.
int RunDaemon(const std::filesystem::path& config_file, const std::string& log_level = "");

}  // namespace vigil

#endif  // VIGIL_DAEMON_DAEMON_H_
