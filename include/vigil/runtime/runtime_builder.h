// Builds new runtimes off the io thread, one at a time: a config reload
// (SIGHUP) or downloaded lists to swap in. Requests that arrive while a
// build runs are coalesced into one more build after it.
#ifndef VIGIL_RUNTIME_RUNTIME_BUILDER_H_
#define VIGIL_RUNTIME_RUNTIME_BUILDER_H_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "vigil/runtime/background_jobs.h"
#include "vigil/runtime/runtime.h"

namespace vigil {

// Not thread-safe: lives on the io thread; only the build itself runs on a
// worker thread, on copies.
class RuntimeBuilder {
 public:
  struct Built {
    bool reload = false;                 // a config reload; else downloaded lists
    std::vector<std::string> list_ids;   // the lists swapped in (not for reloads)
    Result<Runtime> runtime = Status::Error("not built");
    std::chrono::milliseconds took{0};
  };
  using LoadFn = std::function<Result<Runtime>()>;
  using CurrentFn = std::function<std::shared_ptr<const Runtime>()>;

  // `load` reads the config and lists (for a reload; runs on the worker);
  // `current` is the runtime downloaded lists are applied to (read on the io
  // thread when such a build starts); `on_built` gets each finished build on
  // the io thread, before the next one starts.
  RuntimeBuilder(boost::asio::io_context& io, LoadFn load, CurrentFn current,
                 std::function<void(Built)> on_built);
  RuntimeBuilder(const RuntimeBuilder&) = delete;  // jobs call back into it
  RuntimeBuilder& operator=(const RuntimeBuilder&) = delete;

  // A reload: now if idle, else once after the running build (however many
  // requests arrive meanwhile). A reload re-reads every cached list, so it
  // absorbs list updates still waiting.
  void RequestReload();
  // A downloaded list to swap in; a newer copy of the same list replaces a
  // waiting one.
  void SubmitList(Watchlist list);
  // Stops starting builds and drops the result of a running one.
  void Abandon();

  bool building() const { return building_; }
  bool reload_pending() const { return reload_pending_; }
  // True when Abandon() left a build running on its thread.
  bool left_running() const { return jobs_.left_running(); }

 private:
  void StartNext();
  void Finish(Built built);

  LoadFn load_;
  CurrentFn current_;
  std::function<void(Built)> on_built_;
  bool building_ = false;
  bool abandoned_ = false;
  bool reload_pending_ = false;
  std::map<std::string, Watchlist> pending_lists_;
  BackgroundJobs jobs_;  // last: its destructor abandons before the rest goes
};

}  // namespace vigil

#endif  // VIGIL_RUNTIME_RUNTIME_BUILDER_H_
