// State shared by the daemon's parts. Owned by the daemon; used only on the
// io_context's thread, except `cancel`, which worker threads read.
#ifndef VIGIL_DAEMON_DAEMON_CONTEXT_H_
#define VIGIL_DAEMON_DAEMON_CONTEXT_H_

#include <atomic>
#include <cstdint>
#include <memory>

#include <boost/asio/io_context.hpp>

#include "vigil/runtime/runtime.h"
#include "vigil/store/store.h"

namespace vigil {

struct DaemonCounters {
  int64_t polls = 0;
  int64_t new_documents = 0;
  int64_t alerts_queued = 0;
  int64_t alerts_delivered = 0;
};

struct DaemonContext {
  DaemonContext(boost::asio::io_context& io_context, Store& db,
                std::shared_ptr<const Runtime> initial)
      : io(io_context), store(db), runtime(std::move(initial)) {}

  boost::asio::io_context& io;
  Store& store;
  // Swapped whole on reload; holders of the old one keep it alive.
  std::shared_ptr<const Runtime> runtime;
  // Set once at stop: in-flight transfers abort promptly.
  std::atomic<bool> cancel{false};
  bool stopping = false;
  DaemonCounters counters;
};

}  // namespace vigil

#endif  // VIGIL_DAEMON_DAEMON_CONTEXT_H_
