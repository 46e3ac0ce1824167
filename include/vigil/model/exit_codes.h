// The process exit codes every `vigil` command and the daemon share. Here,
// below the daemon and the CLI, so the code that knows a condition (a damaged
// database, a bad config) can name its exit code without reaching up.
#ifndef VIGIL_MODEL_EXIT_CODES_H_
#define VIGIL_MODEL_EXIT_CODES_H_

namespace vigil {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitConfig = 78;  // EX_CONFIG (sysexits.h)
// The database file is damaged or not a database; it was left untouched and
// the log says how to recover. A restart does not help (EX_DATAERR).
inline constexpr int kExitDatabaseCorrupt = 65;

}  // namespace vigil

#endif  // VIGIL_MODEL_EXIT_CODES_H_
