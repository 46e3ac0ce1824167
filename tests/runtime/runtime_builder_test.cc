#include "vigil/runtime/runtime_builder.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include <boost/asio/steady_timer.hpp>

namespace vigil {
namespace {

using namespace std::chrono_literals;
namespace asio = boost::asio;

// A latch the test opens to let a blocked build finish.
class Gate {
 public:
  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    ++waiting_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
  }
  void Open() {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
    changed_.notify_all();
  }
  // Blocks until `count` threads have reached Wait().
  void AwaitWaiting(int count) {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return waiting_ >= count; });
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  bool open_ = false;
  int waiting_ = 0;
};

Watchlist List(const std::string& id, std::vector<std::pair<std::string, std::string>> entities) {
  Watchlist list;
  list.id = id;
  for (auto& [entity_id, name] : entities) {
    Entity entity;
    entity.id = entity_id;
    entity.name = name;
    list.entities.push_back(std::move(entity));
  }
  return list;
}

// A runtime with a local list and a downloaded one, as LoadRuntime makes.
std::shared_ptr<const Runtime> BaseRuntime() {
  Runtime runtime;
  WatchlistConfig local;
  local.id = "local";
  local.path = "/unused/local.yaml";
  WatchlistConfig remote;
  remote.id = "remote";
  remote.url = "http://127.0.0.1:1/remote.yaml";
  runtime.config.watchlists = {local, remote};
  runtime.watchlists = {List("local", {{"putin", "Vladimir Putin"}}),
                        List("remote", {{"alpha", "Alpha Trading Ltd"}})};
  runtime.matcher = Matcher::Build(runtime.watchlists, {}).value();
  runtime.entity_count = 2;
  runtime.downloaded_lists["remote"] = 1;
  return std::make_shared<const Runtime>(std::move(runtime));
}

std::vector<std::string> Found(const Runtime& runtime, const std::string& text) {
  std::vector<std::string> ids;
  for (const Match& match : runtime.matcher->Scan(text)) ids.push_back(match.entity_id);
  return ids;
}

TEST(ReplaceWatchlistsTest, SwapsInTheNewCopyOfOneListOnly) {
  std::shared_ptr<const Runtime> base = BaseRuntime();
  Result<Runtime> next =
      ReplaceWatchlists(*base, {List("remote", {{"bravo", "Bravo Shipping Co"}})});
  ASSERT_TRUE(next.ok()) << next.status().message();
  ASSERT_EQ(next->watchlists.size(), 2u);
  EXPECT_EQ(next->watchlists[0].id, "local");
  EXPECT_EQ(next->watchlists[1].id, "remote");
  EXPECT_EQ(next->entity_count, 2u);
  const std::string text = "Vladimir Putin met Alpha Trading Ltd and Bravo Shipping Co.";
  EXPECT_EQ(Found(*next, text), (std::vector<std::string>{"putin", "bravo"}));
  // The old runtime, as an in-flight scan holds it, is unchanged.
  EXPECT_EQ(Found(*base, text), (std::vector<std::string>{"putin", "alpha"}));
}

TEST(ReplaceWatchlistsTest, MissingListTakesItsPlaceAndUnknownIdsAreIgnored) {
  Runtime base = *BaseRuntime();
  base.watchlists.pop_back();
  base.missing_lists = {"remote"};
  base.downloaded_lists.clear();
  Result<Runtime> next = ReplaceWatchlists(
      base, {List("remote", {{"bravo", "Bravo Shipping Co"}}),
             List("local", {{"x", "Local Replacement"}}),   // not a downloaded list
             List("gone", {{"y", "Removed List Entity"}})});  // not configured any more
  ASSERT_TRUE(next.ok()) << next.status().message();
  EXPECT_TRUE(next->missing_lists.empty());
  EXPECT_EQ(next->downloaded_lists.count("remote"), 1u);
  EXPECT_EQ(Found(*next, "Vladimir Putin, Bravo Shipping Co, Local Replacement, "
                         "Removed List Entity"),
            (std::vector<std::string>{"putin", "bravo"}));
}

class RuntimeBuilderTest : public ::testing::Test {
 protected:
  RuntimeBuilder MakeBuilder() {
    return RuntimeBuilder(
        io_,
        [this]() -> Result<Runtime> {
          int call = ++loads_;
          if (call == 1) gate_.Wait();
          Runtime runtime = *BaseRuntime();
          runtime.config.file = "load-" + std::to_string(call);
          ++finished_loads_;  // the last touch of the fixture
          return runtime;
        },
        [this] { return current_; },
        [this](RuntimeBuilder::Built built) {
          built_.push_back(std::move(built));
          if (built_.back().runtime.ok()) {
            current_ = std::make_shared<const Runtime>(built_.back().runtime.value());
          }
        });
  }

  // Runs the io loop until `done` or 5 s.
  template <typename F>
  void RunUntil(F done) {
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      io_.restart();
      io_.run_for(10ms);
    }
  }

  asio::io_context io_;
  Gate gate_;
  std::atomic<int> loads_{0};
  std::atomic<int> finished_loads_{0};
  std::shared_ptr<const Runtime> current_ = BaseRuntime();
  std::vector<RuntimeBuilder::Built> built_;
};

TEST_F(RuntimeBuilderTest, ReloadsDuringABuildAreCoalescedIntoOneMore) {
  RuntimeBuilder builder = MakeBuilder();
  builder.RequestReload();
  gate_.AwaitWaiting(1);  // the first build is running (blocked)
  EXPECT_TRUE(builder.building());
  builder.RequestReload();
  builder.RequestReload();
  builder.RequestReload();
  EXPECT_TRUE(builder.reload_pending());
  gate_.Open();
  RunUntil([&] { return built_.size() >= 2 && !builder.building(); });
  io_.restart();
  io_.run_for(100ms);  // nothing more may come
  ASSERT_EQ(built_.size(), 2u);
  EXPECT_EQ(loads_, 2);
  EXPECT_TRUE(built_[0].reload);
  EXPECT_EQ(built_[1].runtime->config.file, "load-2");
  EXPECT_FALSE(builder.reload_pending());
}

TEST_F(RuntimeBuilderTest, IoThreadKeepsRunningDuringABuild) {
  RuntimeBuilder builder = MakeBuilder();
  builder.RequestReload();
  gate_.AwaitWaiting(1);
  // Timers (polls, deliveries, the watchdog) still fire while it builds.
  int ticks = 0;
  asio::steady_timer timer(io_);
  std::function<void()> tick = [&] {
    timer.expires_after(5ms);
    timer.async_wait([&](const boost::system::error_code& ec) {
      if (!ec && ++ticks < 5) tick();
    });
  };
  tick();
  RunUntil([&] { return ticks >= 5; });
  EXPECT_EQ(ticks, 5);
  EXPECT_TRUE(built_.empty());
  gate_.Open();
  RunUntil([&] { return built_.size() == 1; });
  EXPECT_EQ(built_.size(), 1u);
}

TEST_F(RuntimeBuilderTest, ListsWaitForTheRunningBuildThenApplyToItsResult) {
  RuntimeBuilder builder = MakeBuilder();
  builder.RequestReload();
  gate_.AwaitWaiting(1);
  builder.SubmitList(List("remote", {{"bravo", "Bravo Shipping Co"}}));
  builder.SubmitList(List("remote", {{"charlie", "Charlie Metals AG"}}));  // newer copy wins
  gate_.Open();
  RunUntil([&] { return built_.size() >= 2 && !builder.building(); });
  ASSERT_EQ(built_.size(), 2u);
  EXPECT_FALSE(built_[1].reload);
  EXPECT_EQ(built_[1].list_ids, std::vector<std::string>{"remote"});
  ASSERT_TRUE(built_[1].runtime.ok()) << built_[1].runtime.status().message();
  // Built on top of the reload's result, with the newest copy.
  EXPECT_EQ(built_[1].runtime->config.file, "load-1");
  EXPECT_EQ(Found(*built_[1].runtime, "Bravo Shipping Co and Charlie Metals AG"),
            std::vector<std::string>{"charlie"});
}

TEST_F(RuntimeBuilderTest, AbandonDropsTheRunningBuild) {
  RuntimeBuilder builder = MakeBuilder();
  builder.RequestReload();
  gate_.AwaitWaiting(1);
  builder.Abandon();
  EXPECT_TRUE(builder.left_running());
  builder.RequestReload();  // ignored once abandoned
  gate_.Open();
  // The abandoned thread runs on; the fixture must outlive its last touch.
  while (finished_loads_ < 1) std::this_thread::sleep_for(1ms);
  io_.restart();
  io_.run_for(100ms);
  EXPECT_TRUE(built_.empty());
  EXPECT_EQ(loads_, 1);
}

TEST_F(RuntimeBuilderTest, FailedReloadIsReported) {
  RuntimeBuilder builder(
      io_, [] { return Result<Runtime>(Status::Error("config.yaml:3:1: bad")); },
      [this] { return current_; },
      [this](RuntimeBuilder::Built built) { built_.push_back(std::move(built)); });
  builder.RequestReload();
  RunUntil([&] { return built_.size() == 1; });
  ASSERT_EQ(built_.size(), 1u);
  EXPECT_FALSE(built_[0].runtime.ok());
  EXPECT_EQ(built_[0].runtime.status().message(), "config.yaml:3:1: bad");
}

}  // namespace
}  // namespace vigil
