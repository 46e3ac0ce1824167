// Runs the real `vigil` binary as a child process for end-to-end tests.
#ifndef VIGIL_TESTS_E2E_VIGIL_PROCESS_H_
#define VIGIL_TESTS_E2E_VIGIL_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vigil::testing {

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs `vigil args...` to completion (stdin from `input`), capturing output.
CommandResult RunVigil(const std::vector<std::string>& args, const std::string& input = "");

// A `vigil run` child whose stderr (the log) goes to a file.
class VigilProcess {
 public:
  // `env` entries ("NAME=value") are added to this process's environment.
  VigilProcess(std::vector<std::string> args, std::filesystem::path log_file,
               const std::vector<std::string>& env = {});
  ~VigilProcess();  // SIGKILLs the child if still running
  VigilProcess(const VigilProcess&) = delete;  // owns a child process
  VigilProcess& operator=(const VigilProcess&) = delete;

  void Signal(int signal) const;
  pid_t pid() const { return pid_; }
  // The exit code once it exited within `timeout`, -1 if killed by a signal;
  // nullopt if still running.
  std::optional<int> WaitExit(std::chrono::milliseconds timeout);
  std::string Log() const;
  // True once the log contains `needle` (at least `count` times).
  bool WaitForLog(const std::string& needle, std::chrono::milliseconds timeout,
                  int count = 1) const;
  int CountInLog(const std::string& needle) const;

 private:
  pid_t pid_ = -1;
  std::filesystem::path log_file_;
};

// Polls `condition` every 20 ms until true or `timeout`; returns its last value.
template <typename F>
bool WaitUntil(F condition, std::chrono::milliseconds timeout);

}  // namespace vigil::testing

#include <thread>

namespace vigil::testing {
template <typename F>
bool WaitUntil(F condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return condition();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}
}  // namespace vigil::testing

#endif  // VIGIL_TESTS_E2E_VIGIL_PROCESS_H_
