// Blocking work (a list download, a matcher build) on a thread of its own,
// with the result handed back to the io thread. Unlike a thread pool, the
// owner can walk away: Abandon() drops the results of jobs still running,
// so a stop never waits for a multi-second build (see RunDaemon's exit).
#ifndef VIGIL_RUNTIME_BACKGROUND_JOBS_H_
#define VIGIL_RUNTIME_BACKGROUND_JOBS_H_

#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

namespace vigil {

// Run() and Abandon() are called on the io thread; `done` runs there too.
class BackgroundJobs {
 public:
  explicit BackgroundJobs(boost::asio::io_context& io) : shared_(std::make_shared<Shared>(io)) {}
  ~BackgroundJobs() { Abandon(); }
  BackgroundJobs(const BackgroundJobs&) = delete;  // jobs point at its shared state
  BackgroundJobs& operator=(const BackgroundJobs&) = delete;

  // Runs `work()` on a new detached thread, then `done(result)` on the io
  // thread, unless Abandon() was called in between.
  template <typename T>
  void Run(std::function<T()> work, std::function<void(T)> done) {
    ++shared_->running;
    std::thread([shared = shared_, work = std::move(work), done = std::move(done)]() mutable {
      T result = work();
      std::lock_guard<std::mutex> lock(shared->mu);
      // Once abandoned the io_context may be gone: touch nothing of it.
      if (shared->abandoned) return;
      boost::asio::post(shared->io, [shared, done = std::move(done),
                                     result = std::move(result)]() mutable {
        if (shared->abandoned) return;
        --shared->running;
        done(std::move(result));
      });
    }).detach();
  }

  // Forgets running jobs: their results are dropped when they finish.
  void Abandon() {
    std::lock_guard<std::mutex> lock(shared_->mu);
    if (!shared_->abandoned && shared_->running > 0) shared_->abandoned_running = true;
    shared_->abandoned = true;
  }

  int running() const { return shared_->running; }
  // True when Abandon() left a job running (its thread may still be busy).
  bool left_running() const { return shared_->abandoned_running; }

 private:
  struct Shared {
    explicit Shared(boost::asio::io_context& context) : io(context) {}
    std::mutex mu;
    boost::asio::io_context& io;
    bool abandoned = false;  // written under mu; read under mu or on the io thread
    bool abandoned_running = false;
    int running = 0;  // io thread only
  };
  std::shared_ptr<Shared> shared_;
};

}  // namespace vigil

#endif  // VIGIL_RUNTIME_BACKGROUND_JOBS_H_
