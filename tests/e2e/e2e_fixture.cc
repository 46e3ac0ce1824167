#include "e2e_fixture.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "vigil/alert/signer.h"

namespace vigil::testing {

using namespace std::chrono_literals;

FeedServer::FeedServer() {
  server_ = std::make_unique<HttpServer>([this](const HttpRequest& request) {
    std::lock_guard<std::mutex> lock(mu_);
    auto found = served_.find(request.target);
    if (found == served_.end()) return HttpResponse{404, {}, "not found"};
    const Served& served = found->second;
    HttpResponse response;
    response.status = served.status;
    response.headers.push_back({"Content-Type", served.content_type});
    if (!served.etag.empty()) {
      response.headers.push_back({"ETag", served.etag});
      auto inm = request.headers.find("if-none-match");
      if (inm != request.headers.end() && inm->second == served.etag) {
        ++not_modified_;
        response.status = 304;
        return response;
      }
    }
    response.body = served.body;
    return response;
  });
}

void FeedServer::Serve(const std::string& path, Served served) {
  std::lock_guard<std::mutex> lock(mu_);
  served_[path] = std::move(served);
}

int FeedServer::CountRequests(const std::string& path) const {
  int count = 0;
  for (const HttpRequest& request : server_->requests()) count += request.target == path;
  return count;
}

WebhookReceiver::WebhookReceiver(uint16_t port) {
  server_ = std::make_unique<HttpServer>(
      [this](const HttpRequest& request) {
        ReceivedAlert alert;
        auto header = [&](const char* name) {
          auto found = request.headers.find(name);
          return found == request.headers.end() ? std::string() : found->second;
        };
        alert.webhook_id = header("webhook-id");
        alert.timestamp = header("webhook-timestamp");
        alert.signature = header("webhook-signature");
        alert.body = request.body;
        int64_t timestamp = alert.timestamp.empty() ? 0 : std::stoll(alert.timestamp);
        alert.verified =
            VerifyWebhook(kTestSecret, alert.webhook_id, timestamp, alert.body, alert.signature);
        alert.json = nlohmann::json::parse(alert.body, nullptr, false);
        int status = status_;
        std::lock_guard<std::mutex> lock(mu_);
        alerts_.push_back(alert);
        if (status / 100 == 2) delivered_.push_back(alert);
        return HttpResponse{status, {}, ""};
      },
      port);
}

std::vector<ReceivedAlert> WebhookReceiver::alerts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return alerts_;
}

std::vector<ReceivedAlert> WebhookReceiver::delivered() const {
  std::lock_guard<std::mutex> lock(mu_);
  return delivered_;
}

uint16_t UnusedPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

std::string SeedArticle() {
  std::ifstream in(std::string(VIGIL_TESTDATA) + "/seed-article.txt", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string XmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(nlohmann::json::parse(line, nullptr, false));
  }
  return lines;
}

std::string Rss(const std::vector<FeedItem>& items) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
      "<title>Test news</title><link>http://127.0.0.1/</link><description>t</description>\n";
  for (const FeedItem& item : items) {
    xml += "<item><guid isPermaLink=\"false\">" + XmlEscape(item.guid) + "</guid><title>" +
           XmlEscape(item.title) + "</title><link>" + XmlEscape(item.link) +
           "</link><pubDate>Thu, 14 Sep 2023 10:00:00 GMT</pubDate><description>" +
           XmlEscape(item.text) + "</description></item>\n";
  }
  return xml + "</channel></rss>\n";
}

void E2eTest::SetUp() {
  std::ofstream(dir_ / "watchlist.yaml") << R"(entities:
  - id: putin
    name: Vladimir Putin
    type: person
    aliases: ["PUTIN, Vladimir Vladimirovich", "Владимир Путин"]
  - id: kim-jong-un
    name: KIM, Jong Un
    type: person
  - id: lavrov
    name: LAVROV, Sergei Viktorovich
    type: person
  - id: peskov
    name: PESKOV, Dmitry Sergeyevich
    type: person
)";
}

void E2eTest::TearDown() {
  if (HasFailure()) {
    dir_.Keep();
    std::cerr << "e2e: kept " << dir_.path() << " for inspection\n";
  }
}

void E2eTest::WriteConfig(const std::string& sources, const std::string& webhooks,
                          const std::string& extra) {
  std::ofstream out(config());
  out << "storage:\n  path: vigil.db\nlog:\n  level: debug\n"
      << "daemon:\n  jitter: 0\n"
      << "watchlists:\n  - id: local\n    format: vigil-yaml\n    path: watchlist.yaml\n"
      << "keywords:\n  - id: arms\n    terms: [\"arms deal\", \"munitions\", \"spy satellites\"]\n"
      << "sources:\n" << (sources.empty() ? "  []\n" : sources)
      << "webhooks:\n" << (webhooks.empty() ? "  []\n" : webhooks) << extra;
}

std::string E2eTest::SourceYaml(const std::string& id, const std::string& url,
                                const std::string& interval) const {
  return "  - id: " + id + "\n    url: " + url + "\n    interval: " + interval + "\n";
}

std::string E2eTest::WebhookYaml(const std::string& id, const std::string& url) const {
  // Quick retries, about as many as the Standard Webhooks schedule has.
  return "  - id: " + id + "\n    url: " + url + "\n    secret: " + kTestSecret +
         "\n    backoff: [200ms, 400ms, 800ms, 1s, 1s, 1s, 1s, 1s, 1s, 1s, 1s]\n";
}

std::unique_ptr<VigilProcess> E2eTest::StartVigil() {
  auto log = dir_ / ("vigil-" + std::to_string(log_index_++) + ".log");
  auto vigil = std::make_unique<VigilProcess>(
      std::vector<std::string>{"run", "--config", config().string()}, log);
  EXPECT_TRUE(vigil->WaitForLog("ready", 10s)) << vigil->Log();
  return vigil;
}

void E2eTest::StopVigil(std::unique_ptr<VigilProcess>& vigil) {
  vigil->Signal(SIGTERM);
  std::optional<int> code = vigil->WaitExit(8s);
  ASSERT_TRUE(code.has_value()) << "vigil did not stop within 8 s\n" << vigil->Log();
  EXPECT_EQ(*code, 0) << vigil->Log();
  vigil.reset();
}

}  // namespace vigil::testing
