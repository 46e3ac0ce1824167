// Intel Hyperscan as the peer a user would try instead of Vigil: every name a
// caseless literal pattern, compiled into one block-mode database, scanned
// article by article. Prints one JSON object with compile time, memory, scan
// throughput and hit counts.
//
//   hyperscan_bench --corpus FILE --names FILE [--label NAME] [--reps N]
//
// Flags: HS_FLAG_CASELESS only. Not HS_FLAG_SINGLEMATCH: every occurrence is
// reported, as Vigil and pyahocorasick report every occurrence. Word
// boundaries cannot be expressed by a pure literal (they would need the regex
// compiler, \b, which is far slower to compile at this scale), so Hyperscan
// finds names inside words too ("DAN" in "Sudan"); the callback also counts
// the hits that happen to lie on word boundaries, for comparison with Vigil.
// Caseless is ASCII-only in Hyperscan; the names are ASCII.

#include <hs.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "bench_util.h"

namespace vigil::bench {
namespace {

struct ScanContext {
  std::string_view text;
  const std::vector<size_t>* lengths = nullptr;
  size_t hits = 0;
  size_t word_hits = 0;
};

int OnMatch(unsigned id, unsigned long long /*from*/, unsigned long long to,
            unsigned /*flags*/, void* context) {
  auto* c = static_cast<ScanContext*>(context);
  ++c->hits;
  size_t end = static_cast<size_t>(to);
  size_t start = end - (*c->lengths)[id];
  bool left = start == 0 || !IsWordByte(c->text[start - 1]);
  bool right = end == c->text.size() || !IsWordByte(c->text[end]);
  if (left && right) ++c->word_hits;
  return 0;  // go on
}

int Run(int argc, char** argv) {
  std::string corpus_path, names_path, label = "names";
  int reps = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--corpus") corpus_path = argv[i + 1];
    else if (flag == "--names") names_path = argv[i + 1];
    else if (flag == "--label") label = argv[i + 1];
    else if (flag == "--reps") reps = std::max(1, std::stoi(argv[i + 1]));
    else {
      std::fprintf(stderr, "unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  if (corpus_path.empty() || names_path.empty()) {
    std::fprintf(stderr,
                 "usage: hyperscan_bench --corpus FILE --names FILE [--label "
                 "NAME] [--reps N]\n");
    return 2;
  }

  std::vector<std::string> names = ReadLines(names_path);
  if (names.empty()) return 1;
  std::vector<const char*> patterns;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags(names.size(), HS_FLAG_CASELESS);
  std::vector<unsigned> ids;
  for (size_t i = 0; i < names.size(); ++i) {
    patterns.push_back(names[i].data());
    lengths.push_back(names[i].size());
    ids.push_back(static_cast<unsigned>(i));
  }

  double rss_before = CurrentRssMb();
  double cpu0 = CpuSeconds(), wall0 = WallSeconds();
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(patterns.data(), flags.data(), ids.data(),
                           lengths.data(), static_cast<unsigned>(names.size()),
                           HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
    std::fprintf(stderr, "hs_compile_lit_multi: %s (pattern %d)\n",
                 error->message, error->expression);
    hs_free_compile_error(error);
    return 1;
  }
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
    std::fprintf(stderr, "hs_alloc_scratch failed\n");
    return 1;
  }
  double build_cpu = CpuSeconds() - cpu0, build_wall = WallSeconds() - wall0;
  double index_mb = CurrentRssMb() - rss_before;
  double build_peak_mb = PeakRssMb();
  size_t db_size = 0, scratch_size = 0;
  hs_database_size(db, &db_size);
  hs_scratch_size(scratch, &scratch_size);

  std::string corpus = ReadFile(corpus_path);
  if (corpus.empty()) return 1;
  std::vector<std::string_view> articles = SplitArticles(corpus);
  size_t bytes = TotalBytes(articles);

  std::vector<double> cpu_times, wall_times;
  ScanContext context;
  context.lengths = &lengths;
  for (int rep = 0; rep < reps; ++rep) {
    size_t hits = 0, word_hits = 0;
    double c0 = CpuSeconds(), w0 = WallSeconds();
    for (std::string_view a : articles) {
      context.text = a;
      context.hits = context.word_hits = 0;
      if (hs_scan(db, a.data(), static_cast<unsigned>(a.size()), 0, scratch,
                  OnMatch, &context) != HS_SUCCESS) {
        std::fprintf(stderr, "hs_scan failed\n");
        return 1;
      }
      hits += context.hits;
      word_hits += context.word_hits;
    }
    cpu_times.push_back(CpuSeconds() - c0);
    wall_times.push_back(WallSeconds() - w0);
    context.hits = hits;
    context.word_hits = word_hits;
  }
  std::sort(cpu_times.begin(), cpu_times.end());
  std::sort(wall_times.begin(), wall_times.end());
  double cpu = cpu_times[cpu_times.size() / 2];
  double wall = wall_times[wall_times.size() / 2];

  std::printf(
      "{\"tool\": \"hyperscan\", \"label\": \"%s\", \"names\": %zu, "
      "\"build_cpu_s\": %.3f, \"build_wall_s\": %.3f, \"index_mb\": %.1f, "
      "\"db_mb\": %.1f, \"scratch_mb\": %.2f, \"build_peak_mb\": %.1f, "
      "\"peak_rss_mb\": %.1f, \"bytes\": %zu, \"articles\": %zu, "
      "\"scan_cpu_s\": %.4f, \"scan_wall_s\": %.4f, \"mb_per_s\": %.2f, "
      "\"hits\": %zu, \"word_hits\": %zu, \"reps\": %d}\n",
      label.c_str(), names.size(), build_cpu, build_wall, index_mb,
      static_cast<double>(db_size) / 1e6,
      static_cast<double>(scratch_size) / 1e6, build_peak_mb, PeakRssMb(),
      bytes, articles.size(), cpu, wall, static_cast<double>(bytes) / 1e6 / cpu,
      context.hits, context.word_hits, reps);
  hs_free_scratch(scratch);
  hs_free_database(db);
  return 0;
}

}  // namespace
}  // namespace vigil::bench

int main(int argc, char** argv) { return vigil::bench::Run(argc, argv); }
