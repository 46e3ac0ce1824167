// End-to-end: the real vigil binary against a database that becomes locked
// or full while it runs, and one that is damaged before it starts. The
// faults are real: a second SQLite connection holding the write lock, a
// small tmpfs filled up, pages of the file overwritten.
#include <sqlite3.h>
#include <sys/mount.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "e2e_fixture.h"

namespace vigil::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

FeedItem KremlinItem(int n, const std::string& padding = "") {
  return {"k-" + std::to_string(n), "Kremlin " + std::to_string(n),
          "Dmitry Peskov said " + std::to_string(n) + ". " + padding,
          "http://news.example/" + std::to_string(n)};
}

std::set<std::string> DeliveredUrls(const WebhookReceiver& receiver) {
  std::set<std::string> urls;
  for (const ReceivedAlert& alert : receiver.delivered()) {
    if (alert.verified) urls.insert(alert.json["document"]["url"].get<std::string>());
  }
  return urls;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A connection of another process, e.g. an operator's sqlite3 shell.
class Locker {
 public:
  explicit Locker(const fs::path& path) {
    sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_busy_timeout(db_, 10'000);  // vigil may be writing right now
  }
  ~Locker() { sqlite3_close(db_); }
  Locker(const Locker&) = delete;
  Locker& operator=(const Locker&) = delete;
  int Exec(const char* sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }
  // The first column of the first row of `sql`, or -1.
  int64_t Count(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    int64_t n = -1;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
      n = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    return n;
  }

 private:
  sqlite3* db_ = nullptr;
};

TEST_F(E2eTest, LockedDatabaseIsLoggedOnceAndMissedAlertsFollowWhenItClears) {
  WebhookReceiver receiver;
  feeds_.Serve("/feed.xml", {Rss({KremlinItem(1)}), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), WebhookYaml("ops", receiver.url()));
  auto vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return DeliveredUrls(receiver).size() == 1; }, 15s)) << vigil->Log();

  Locker locker(dir_ / "vigil.db");
  // The receiver has the alert a moment before vigil records the delivery;
  // the lock must not catch that write instead of the next poll's.
  ASSERT_TRUE(WaitUntil([&] {
    return locker.Count("SELECT count(*) FROM outbox WHERE state != 'delivered'") == 0;
  }, 10s)) << vigil->Log();
  ASSERT_EQ(locker.Exec("BEGIN EXCLUSIVE"), SQLITE_OK);
  feeds_.Serve("/feed.xml", {Rss({KremlinItem(1), KremlinItem(2)}), "application/rss+xml", ""});
  // vigil waits busy_timeout (5 s) per write, then gives up on the poll.
  ASSERT_TRUE(vigil->WaitForLog("storage: database locked", 20s)) << vigil->Log();
  // Polled again (backed off) and still locked: no second error line.
  ASSERT_TRUE(vigil->WaitForLog("storage: still locked", 25s)) << vigil->Log();
  EXPECT_EQ(vigil->CountInLog("storage: database locked"), 1) << vigil->Log();
  EXPECT_EQ(DeliveredUrls(receiver).size(), 1u);

  ASSERT_EQ(locker.Exec("COMMIT"), SQLITE_OK);
  ASSERT_TRUE(WaitUntil([&] { return DeliveredUrls(receiver).size() == 2; }, 30s)) << vigil->Log();
  EXPECT_TRUE(DeliveredUrls(receiver).count("http://news.example/2"));
  EXPECT_TRUE(vigil->WaitForLog("database is writable again", 5s)) << vigil->Log();
  EXPECT_EQ(vigil->CountInLog("storage: database locked"), 1) << vigil->Log();
  StopVigil(vigil);
}

// A tmpfs of a few MiB, unmounted at the end. Skips the test where mounting
// is not allowed (not root, or no CAP_SYS_ADMIN in a container).
class SmallDisk {
 public:
  explicit SmallDisk(fs::path where) : path_(std::move(where)) {
    fs::create_directories(path_);
    mounted_ = ::mount("tmpfs", path_.c_str(), "tmpfs", 0, "size=4m") == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  bool mounted() const { return mounted_; }
  // Writes a file until the disk is full.
  void Fill() const {
    std::ofstream out(path_ / "filler", std::ios::binary);
    std::string block(64 * 1024, 'f');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size())) && out.flush()) {
    }
  }
  void Free() const { fs::remove(path_ / "filler"); }

 private:
  fs::path path_;
  bool mounted_ = false;
};

TEST_F(E2eTest, FullDiskIsLoggedOnceAndMissedAlertsFollowWhenSpaceReturns) {
  SmallDisk disk(dir_ / "disk");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (needs root/CAP_SYS_ADMIN)";
  WebhookReceiver receiver;
  feeds_.Serve("/feed.xml", {Rss({KremlinItem(1)}), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml")), WebhookYaml("ops", receiver.url()));
  {
    std::ifstream in(config());
    std::string text((std::istreambuf_iterator<char>(in)), {});
    text.replace(text.find("path: vigil.db"), 14, "path: disk/vigil.db");
    std::ofstream(config()) << text;
  }
  auto vigil = StartVigil();
  ASSERT_TRUE(WaitUntil([&] { return DeliveredUrls(receiver).size() == 1; }, 15s)) << vigil->Log();

  disk.Fill();
  // A large new item: its write must grow the WAL, which a full disk refuses.
  feeds_.Serve("/feed.xml", {Rss({KremlinItem(1), KremlinItem(2, std::string(512 * 1024, 'x'))}),
                             "application/rss+xml", ""});
  ASSERT_TRUE(vigil->WaitForLog("storage: database disk full", 15s)) << vigil->Log();
  ASSERT_TRUE(vigil->WaitForLog("storage: still disk full", 15s)) << vigil->Log();
  EXPECT_EQ(vigil->CountInLog("storage: database disk full"), 1) << vigil->Log();
  EXPECT_EQ(DeliveredUrls(receiver).size(), 1u);

  disk.Free();
  ASSERT_TRUE(WaitUntil([&] { return DeliveredUrls(receiver).size() == 2; }, 20s)) << vigil->Log();
  EXPECT_TRUE(DeliveredUrls(receiver).count("http://news.example/2"));
  EXPECT_TRUE(vigil->WaitForLog("database is writable again", 5s)) << vigil->Log();
  EXPECT_EQ(vigil->CountInLog("storage: database disk full"), 1) << vigil->Log();
  StopVigil(vigil);
}

TEST_F(E2eTest, DamagedDatabaseStopsStartupWithAWayOutAndIsLeftAlone) {
  // A real database of a few hundred documents with text.
  std::vector<FeedItem> items;
  for (int i = 0; i < 300; ++i) items.push_back(KremlinItem(i, std::string(1500, 'p')));
  feeds_.Serve("/feed.xml", {Rss(items), "application/rss+xml", ""});
  WriteConfig(SourceYaml("news", feeds_.url("/feed.xml"), "1h"), "");
  auto vigil = StartVigil();
  ASSERT_TRUE(vigil->WaitForLog("300 new", 15s)) << vigil->Log();
  StopVigil(vigil);

  fs::path db = dir_ / "vigil.db";
  ASSERT_FALSE(fs::exists(db.string() + "-wal")) << "WAL not checkpointed at stop";
  const int64_t page = 4096;
  int64_t pages = static_cast<int64_t>(fs::file_size(db)) / page;
  ASSERT_GT(pages, 50);
  {
    std::fstream file(db, std::ios::binary | std::ios::in | std::ios::out);
    std::string garbage(static_cast<size_t>(page) * 3, '\x5a');
    file.seekp((pages / 2) * page);
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  std::string damaged = ReadBytes(db);

  VigilProcess broken({"run", "--config", config().string()}, dir_ / "broken.log");
  std::optional<int> code = broken.WaitExit(30s);
  ASSERT_TRUE(code.has_value()) << broken.Log();
  EXPECT_EQ(*code, 65) << broken.Log();
  std::string log = broken.Log();
  EXPECT_NE(log.find("is damaged"), std::string::npos) << log;
  EXPECT_NE(log.find("has not changed or deleted it"), std::string::npos) << log;
  EXPECT_NE(log.find("mv " + db.string() + " " + db.string() + ".damaged"), std::string::npos)
      << log;
  EXPECT_EQ(log.find("ready"), std::string::npos) << log;
  EXPECT_EQ(ReadBytes(db), damaged) << "the damaged file was modified";
}

}  // namespace
}  // namespace vigil::testing
