// End-to-end: systemd notification protocol and graceful stop.
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <poll.h>

#include "e2e_fixture.h"

namespace vigil::testing {
namespace {

using namespace std::chrono_literals;

// A NOTIFY_SOCKET as systemd provides it: a unix datagram socket.
class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path) : path_(path) {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0) << path;
  }
  ~NotifySocket() { close(fd_); }
  NotifySocket(const NotifySocket&) = delete;  // owns a socket
  NotifySocket& operator=(const NotifySocket&) = delete;

  // Reads datagrams until one contains `needle` or `timeout` passes.
  bool WaitFor(const std::string& needle, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      for (const std::string& message : messages_) {
        if (message.find(needle) != std::string::npos) return true;
      }
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 50) == 1) {
        char buffer[4096];
        ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
        if (n > 0) messages_.emplace_back(buffer, static_cast<size_t>(n));
      }
    }
    return false;
  }
  std::string All() const {
    std::string all;
    for (const std::string& message : messages_) all += message + "\n---\n";
    return all;
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<std::string> messages_;
};

TEST_F(E2eTest, SpeaksTheSystemdNotifyProtocol) {
  feeds_.Serve("/feed.xml", {Rss({{"1", "Weather", "Sunny.", "http://x/1"}}),
                             "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), "");
  NotifySocket notify(dir_ / "notify.sock");
  VigilProcess vigil({"run", "--config", config().string()}, dir_ / "vigil.log",
                     {"NOTIFY_SOCKET=" + (dir_ / "notify.sock").string(),
                      "WATCHDOG_USEC=400000"});
  EXPECT_TRUE(notify.WaitFor("READY=1", 10s)) << notify.All() << vigil.Log();
  EXPECT_TRUE(notify.WaitFor("STATUS=1 sources", 5s)) << notify.All();
  EXPECT_TRUE(notify.WaitFor("WATCHDOG=1", 5s)) << notify.All();
  vigil.Signal(SIGHUP);
  EXPECT_TRUE(notify.WaitFor("RELOADING=1", 5s)) << notify.All();
  vigil.Signal(SIGTERM);
  EXPECT_TRUE(notify.WaitFor("STOPPING=1", 5s)) << notify.All();
  EXPECT_EQ(vigil.WaitExit(5s), 0) << vigil.Log();
}

TEST_F(E2eTest, StopsPromptlyWithTransfersInFlight) {
  // A feed that drips one byte a second would hold a poll for its whole
  // 30 s timeout; SIGTERM must not wait for it.
  HttpServer slow([](const HttpRequest&) {
    HttpResponse response;
    response.body = std::string(100, ' ');
    response.drip_bytes = 1;
    response.drip_delay_ms = 1000;
    return response;
  });
  WriteConfig(SourceYaml("slow", slow.url("/feed.xml")), "");
  auto vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return !slow.requests().empty(); }, 5s));
  std::this_thread::sleep_for(300ms);
  auto stop_started = std::chrono::steady_clock::now();
  vigil->Signal(SIGTERM);
  std::optional<int> code = vigil->WaitExit(10s);
  auto took = std::chrono::steady_clock::now() - stop_started;
  ASSERT_TRUE(code.has_value()) << vigil->Log();
  EXPECT_EQ(*code, 0) << vigil->Log();
  EXPECT_LT(took, 3s) << vigil->Log();
  // An aborted poll is not the source's failure.
  EXPECT_EQ(vigil->CountInLog("warning source slow"), 0) << vigil->Log();
}

}  // namespace
}  // namespace vigil::testing

namespace vigil::testing {
namespace {

using namespace std::chrono_literals;

TEST_F(E2eTest, LogLevelFlagOverridesConfig) {
  feeds_.Serve("/feed.xml", {Rss({{"1", "Weather", "Sunny.", "http://x/1"}}),
                             "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), "");  // log.level: debug
  VigilProcess vigil({"run", "--config", config().string(), "--log-level", "warn"},
                     dir_ / "vigil.log");
  ASSERT_TRUE(WaitUntil([&] { return feeds_.CountRequests("/feed.xml") >= 2; }, 10s));
  vigil.Signal(SIGHUP);  // a reload keeps the override
  ASSERT_TRUE(WaitUntil([&] { return feeds_.CountRequests("/feed.xml") >= 4; }, 10s));
  vigil.Signal(SIGTERM);
  EXPECT_EQ(vigil.WaitExit(5s), 0);
  std::string log = vigil.Log();
  EXPECT_EQ(log.find("debug"), std::string::npos) << log;
  EXPECT_EQ(log.find("info"), std::string::npos) << log;
}

}  // namespace
}  // namespace vigil::testing
