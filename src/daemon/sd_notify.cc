#include "sd_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <ctime>

namespace vigil {
namespace {

uint64_t MonotonicMicros() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000 + static_cast<uint64_t>(ts.tv_nsec) / 1000;
}

}  // namespace

void SystemdNotifier::Ready() const { sd_notify(0, "READY=1"); }

void SystemdNotifier::Reloading() const {
  // MONOTONIC_USEC lets systemd >= 253 tell this reload from a stale one.
  std::string message = "RELOADING=1\nMONOTONIC_USEC=" + std::to_string(MonotonicMicros());
  sd_notify(0, message.c_str());
}

void SystemdNotifier::Stopping() const { sd_notify(0, "STOPPING=1"); }

void SystemdNotifier::Status(const std::string& status) const {
  std::string message = "STATUS=" + status;
  sd_notify(0, message.c_str());
}

void SystemdNotifier::Watchdog() const { sd_notify(0, "WATCHDOG=1"); }

std::optional<std::chrono::milliseconds> SystemdNotifier::WatchdogPingInterval() const {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::milliseconds(usec / 2000);
}

}  // namespace vigil
