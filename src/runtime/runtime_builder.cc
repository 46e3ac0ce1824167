#include "vigil/runtime/runtime_builder.h"

namespace vigil {

namespace {

// A worker thread must not throw: an exception (e.g. bad_alloc on a huge
// list) becomes a failed build, and the runtime in use stays.
template <typename F>
Result<Runtime> Guarded(F build) {
  try {
    return build();
  } catch (const std::exception& e) {
    return Status::Error(std::string("index build failed: ") + e.what());
  }
}

}  // namespace

RuntimeBuilder::RuntimeBuilder(boost::asio::io_context& io, LoadFn load, CurrentFn current,
                               std::function<void(Built)> on_built)
    : load_(std::move(load)),
      current_(std::move(current)),
      on_built_(std::move(on_built)),
      jobs_(io) {}

void RuntimeBuilder::RequestReload() {
  reload_pending_ = true;
  StartNext();
}

void RuntimeBuilder::SubmitList(Watchlist list) {
  std::string id = list.id;
  pending_lists_.insert_or_assign(std::move(id), std::move(list));
  StartNext();
}

void RuntimeBuilder::Abandon() {
  abandoned_ = true;
  jobs_.Abandon();
}

void RuntimeBuilder::StartNext() {
  if (building_ || abandoned_) return;
  using Clock = std::chrono::steady_clock;
  if (reload_pending_) {
    reload_pending_ = false;
    pending_lists_.clear();  // their cached copies are what the reload reads
    building_ = true;
    jobs_.Run<Built>(
        [load = load_] {
          Clock::time_point start = Clock::now();
          Built built;
          built.reload = true;
          built.runtime = Guarded([&] { return load(); });
          built.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
          return built;
        },
        [this](Built built) { Finish(std::move(built)); });
    return;
  }
  if (pending_lists_.empty()) return;
  std::vector<Watchlist> lists;
  std::vector<std::string> ids;
  for (auto& [id, list] : pending_lists_) {
    ids.push_back(id);
    lists.push_back(std::move(list));
  }
  pending_lists_.clear();
  building_ = true;
  jobs_.Run<Built>(
      [base = current_(), lists = std::move(lists), ids = std::move(ids)]() mutable {
        Clock::time_point start = Clock::now();
        Built built;
        built.list_ids = std::move(ids);
        built.runtime = Guarded([&] { return ReplaceWatchlists(*base, std::move(lists)); });
        built.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        return built;
      },
      [this](Built built) { Finish(std::move(built)); });
}

void RuntimeBuilder::Finish(Built built) {
  building_ = false;
  on_built_(std::move(built));
  StartNext();
}

}  // namespace vigil
