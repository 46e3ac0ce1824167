// systemd notification (sd_notify) for Type=notify units. Every call is a
// no-op when not started by systemd (NOTIFY_SOCKET unset).
#ifndef VIGIL_SRC_DAEMON_SD_NOTIFY_H_
#define VIGIL_SRC_DAEMON_SD_NOTIFY_H_

#include <chrono>
#include <optional>
#include <string>

namespace vigil {

class SystemdNotifier {
 public:
  void Ready() const;
  void Reloading() const;  // before a reload; Ready() ends it
  void Stopping() const;
  void Status(const std::string& status) const;
  void Watchdog() const;
  // The interval at which Watchdog() must be called (half of WatchdogSec),
  // or nullopt when the watchdog is off.
  std::optional<std::chrono::milliseconds> WatchdogPingInterval() const;
};

}  // namespace vigil

#endif  // VIGIL_SRC_DAEMON_SD_NOTIFY_H_
