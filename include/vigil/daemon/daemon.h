// The long-running Vigil process: polls sources, ingests, delivers alerts,
// reacts to SIGHUP (reload) and SIGTERM/SIGINT (graceful stop).
#ifndef VIGIL_DAEMON_DAEMON_H_
#define VIGIL_DAEMON_DAEMON_H_

#include <filesystem>
#include <string>

namespace vigil {

// Exit codes of Run().
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitConfig = 78;  // EX_CONFIG (sysexits.h)
// The database file is damaged or not a database; it was left untouched and
// the log says how to recover. A restart does not help (EX_DATAERR).
inline constexpr int kExitDatabaseCorrupt = 65;

// Runs the daemon in the foreground until SIGTERM/SIGINT. Returns an exit
// code: kExitConfig when the config or a watchlist is bad at start-up,
// kExitDatabaseCorrupt when the database fails its integrity check or is
// not a database, kExitFailure when it cannot be opened otherwise. A non-empty `log_level`
// overrides log.level from the config, across reloads too.
int RunDaemon(const std::filesystem::path& config_file, const std::string& log_level = "");

}  // namespace vigil

#endif  // VIGIL_DAEMON_DAEMON_H_
