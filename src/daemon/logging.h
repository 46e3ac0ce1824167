// Process-wide logging set-up (spdlog's default logger).
#ifndef VIGIL_SRC_DAEMON_LOGGING_H_
#define VIGIL_SRC_DAEMON_LOGGING_H_

#include <string>

#include "vigil/base/status.h"

namespace vigil {

// Logs to stderr. Under journald (JOURNAL_STREAM set) lines carry no
// timestamp (journald adds its own) but an sd-daemon "<N>" priority prefix
// so `journalctl -p` works; on a terminal they carry a local timestamp.
void SetupLogging();

// Sets the level: trace|debug|info|warn|error|critical|off.
Status SetLogLevel(const std::string& level);

}  // namespace vigil

#endif  // VIGIL_SRC_DAEMON_LOGGING_H_
