// A development timing tool: builds a matcher from OFAC SDN names or a
// names-per-line file and scans a corpus, printing build time, resident
// memory and scan throughput. The benchmark harness is match_bench.cc and
// scripts/bench; this is for quick checks while changing the matcher.
//
//   vigil_match_timing sdn <sdn.csv> <alt.csv> <corpus> [repeats]
//   vigil_match_timing lines <names.txt> <corpus> [repeats]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/match/normalize.h"
#include "vigil/match/matcher.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// CPU time of this thread: wall time means little on a shared machine.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

long RssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

// The quoted fields of one OFAC CSV line (enough for sdn.csv and alt.csv).
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.push_back(field);
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}

vigil::EntityType OfacType(const std::string& type) {
  if (type == "individual") return vigil::EntityType::kPerson;
  if (type == "vessel") return vigil::EntityType::kVessel;
  if (type == "aircraft") return vigil::EntityType::kAircraft;
  return vigil::EntityType::kOrganization;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: vigil_match_timing sdn <sdn.csv> <alt.csv> <corpus> [repeats]\n"
                 "       vigil_match_timing lines <names.txt> <corpus> [repeats]\n";
    return 2;
  }
  std::string mode = argv[1];
  vigil::Watchlist list{"bench", {}};
  std::string corpus_path;
  int repeats = 3;
  if (mode == "sdn" && argc >= 5) {
    std::ifstream sdn(argv[2]);
    std::string line;
    std::unordered_map<std::string, size_t> index;
    while (std::getline(sdn, line)) {
      auto f = CsvFields(line);
      if (f.size() < 3) continue;
      index[f[0]] = list.entities.size();
      list.entities.push_back(vigil::Entity{f[0], f[1], OfacType(f[2]), {}});
    }
    std::ifstream alt(argv[3]);
    while (std::getline(alt, line)) {
      auto f = CsvFields(line);
      if (f.size() < 4) continue;
      auto it = index.find(f[0]);
      if (it != index.end()) list.entities[it->second].aliases.push_back(f[3]);
    }
    corpus_path = argv[4];
    if (argc > 5) repeats = std::atoi(argv[5]);
  } else if (mode == "lines") {
    std::ifstream names(argv[2]);
    std::string line;
    size_t n = 0;
    while (std::getline(names, line)) {
      if (line.empty()) continue;
      list.entities.push_back(vigil::Entity{std::to_string(n++), line, vigil::EntityType::kOther, {}});
    }
    corpus_path = argv[3];
    if (argc > 4) repeats = std::atoi(argv[4]);
  } else {
    std::cerr << "unknown mode\n";
    return 2;
  }
  std::string corpus = ReadFile(corpus_path);
  long rss_before = RssKb();
  auto t0 = std::chrono::steady_clock::now();
  double b0 = CpuSeconds();
  auto matcher = vigil::Matcher::Build({list}, {});
  auto t1 = std::chrono::steady_clock::now();
  double build_cpu = CpuSeconds() - b0;
  if (!matcher.ok()) {
    std::cerr << matcher.status().message() << "\n";
    return 1;
  }
  size_t entity_count = list.entities.size();
  list.entities.clear();
  list.entities.shrink_to_fit();
  long rss_after = RssKb();
  std::printf("entities %zu, variants %zu, build %.2f s wall %.2f s CPU, index RSS +%.0f MB (total %.0f MB)\n",
              entity_count,
              (*matcher)->name_count(), std::chrono::duration<double>(t1 - t0).count(), build_cpu,
              static_cast<double>(rss_after - rss_before) / 1024.0,
              static_cast<double>(rss_after) / 1024.0);
  // Scan article by article (blank-line separated), as the daemon does.
  std::vector<std::string_view> articles;
  std::string_view all(corpus);
  for (size_t pos = 0; pos < all.size();) {
    size_t end = all.find("\n\n", pos);
    if (end == std::string_view::npos) end = all.size();
    articles.push_back(all.substr(pos, end - pos));
    pos = end + 2;
  }
  if (std::getenv("TIMING_DUMP") != nullptr) {
    std::unordered_map<std::string, int> counts;
    for (std::string_view article : articles) {
      for (const vigil::Match& m : (*matcher)->Scan(article, {.include_candidates = true})) {
        ++counts[(m.alert ? "A " : "c ") + m.matched + " | " + m.matched_name + " | " + m.rule];
      }
    }
    std::vector<std::pair<int, std::string>> sorted;
    for (auto& [k, v] : counts) sorted.emplace_back(v, k);
    std::sort(sorted.rbegin(), sorted.rend());
    for (auto& [v, k] : sorted) std::printf("%6d %s\n", v, k.c_str());
    return 0;
  }
  {
    // Calibration: cutting the text into words alone, at today's load.
    std::vector<vigil::WordSpan> spans;
    double c0 = CpuSeconds();
    size_t words = 0;
    for (std::string_view article : articles) {
      spans.clear();
      vigil::FindWords(article, &spans);
      words += spans.size();
    }
    double cpu = CpuSeconds() - c0;
    std::printf("tokenise only: %zu words, %.3f s CPU: %.0f MB/s\n", words, cpu,
                static_cast<double>(corpus.size()) / 1e6 / cpu);
  }
  for (int r = 0; r < repeats; ++r) {
    size_t hits = 0;
    size_t alerts = 0;
    auto s0 = std::chrono::steady_clock::now();
    double c0 = CpuSeconds();
    for (std::string_view article : articles) {
      for (const vigil::Match& m : (*matcher)->Scan(article)) {
        ++hits;
        alerts += m.alert ? 1 : 0;
      }
    }
    double cpu = CpuSeconds() - c0;
    auto s1 = std::chrono::steady_clock::now();
    double seconds = std::chrono::duration<double>(s1 - s0).count();
    std::printf("scan %.1f MB in %.3f s wall, %.3f s CPU: %.0f MB/s (CPU), %zu hits, %zu alerts\n",
                static_cast<double>(corpus.size()) / 1e6, seconds, cpu,
                static_cast<double>(corpus.size()) / 1e6 / cpu, hits, alerts);
  }
  return 0;
}
