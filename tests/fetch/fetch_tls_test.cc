// TLS certificate verification is always on: a real TLS server on loopback
// (openssl s_server) with a self-signed certificate must be refused, unless
// the source's fetch.ca_file names that certificate as a trust anchor.
#include "vigil/fetch/http_client.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/curl_environment.h"
#include "tests/support/temp_dir.h"

extern char** environ;

namespace vigil {
namespace {

// Runs argv to completion with output discarded; true on exit status 0.
bool RunQuietly(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return false;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

uint16_t FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool Accepts(uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

class FetchTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string cert = (dir_ / "cert.pem").string(), key = (dir_ / "key.pem").string();
    if (!RunQuietly({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                     "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                     "-keyout", key, "-out", cert})) {
      GTEST_SKIP() << "the openssl command is not available (scripts/setup installs it)";
    }
    port_ = FreePort();
    std::vector<std::string> args = {"openssl", "s_server", "-quiet", "-www",
                                     "-accept", std::to_string(port_), "-cert", cert,
                                     "-key", key};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    ASSERT_EQ(posix_spawnp(&server_, "openssl", &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < 200 && !Accepts(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_TRUE(Accepts(port_)) << "openssl s_server did not start";
  }

  void TearDown() override {
    if (server_ > 0) {
      kill(server_, SIGTERM);
      waitpid(server_, nullptr, 0);
    }
  }

  TempDir dir_{"fetch-tls"};
  uint16_t port_ = 0;
  pid_t server_ = -1;
};

TEST_F(FetchTlsTest, RefusesSelfSignedCertificate) {
  FetchRequest request;
  request.url = "https://127.0.0.1:" + std::to_string(port_) + "/";
  request.limits.timeout = std::chrono::seconds(5);
  Result<FetchResponse> response = Fetch(request);
  ASSERT_FALSE(response.ok()) << "a self-signed certificate was accepted";
  EXPECT_THAT(response.status().message(), ::testing::HasSubstr("certificate"));
}

TEST_F(FetchTlsTest, WebhookPostRefusesSelfSignedCertificate) {
  PostRequest request;
  request.url = "https://127.0.0.1:" + std::to_string(port_) + "/hook";
  request.body = "{}";
  request.timeout = std::chrono::seconds(5);
  Result<PostResponse> response = Post(request);
  ASSERT_FALSE(response.ok()) << "a self-signed certificate was accepted";
  EXPECT_THAT(response.status().message(), ::testing::HasSubstr("certificate"));
}

TEST_F(FetchTlsTest, TrustsCertificateFromCaFile) {
  FetchRequest request;
  request.url = "https://127.0.0.1:" + std::to_string(port_) + "/";
  request.limits.timeout = std::chrono::seconds(5);
  request.limits.ca_file = dir_ / "cert.pem";
  Result<FetchResponse> response = Fetch(request);
  ASSERT_TRUE(response.ok()) << response.status().message();
  EXPECT_EQ(response->http_status, 200);
  EXPECT_FALSE(response->body.empty());
}

TEST_F(FetchTlsTest, CaFileOfAnotherAuthorityIsRefused) {
  std::string other_cert = (dir_ / "other.pem").string();
  ASSERT_TRUE(RunQuietly({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                          "1", "-subj", "/CN=127.0.0.1", "-addext",
                          "subjectAltName=IP:127.0.0.1", "-keyout",
                          (dir_ / "other.key").string(), "-out", other_cert}));
  FetchRequest request;
  request.url = "https://127.0.0.1:" + std::to_string(port_) + "/";
  request.limits.timeout = std::chrono::seconds(5);
  request.limits.ca_file = other_cert;
  Result<FetchResponse> response = Fetch(request);
  ASSERT_FALSE(response.ok()) << "a certificate outside ca_file was accepted";
  EXPECT_THAT(response.status().message(), ::testing::HasSubstr("certificate"));
}

TEST_F(FetchTlsTest, MissingCaFileIsAnError) {
  FetchRequest request;
  request.url = "https://127.0.0.1:" + std::to_string(port_) + "/";
  request.limits.timeout = std::chrono::seconds(5);
  request.limits.ca_file = dir_ / "absent.pem";
  Result<FetchResponse> response = Fetch(request);
  ASSERT_FALSE(response.ok());
  EXPECT_THAT(response.status().message(), ::testing::HasSubstr("absent.pem"));
}

}  // namespace
}  // namespace vigil
