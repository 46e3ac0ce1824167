// Intel Hyperscan as the peer a user would try instead of Vigil: every name a
// caseless literal pattern, compiled into one block-mode database, scanned
// article by article. Prints one JSON object with compile time, memory, scan
// throughput and hit counts.
//
//   hyperscan_bench --corpus FILE --names FILE [--label NAME] [--reps N]
//                   [--paired N]
//
// --paired N: then builds Vigil's matcher on the same names (as match_bench
// --names does) and runs N rounds, each one Hyperscan pass and then Vigil
// passes for at least half a second, and adds to the JSON each tool's median
// MB/s over these rounds and the median, lowest and highest of the rounds'
// ratios (Vigil ÷ Hyperscan). The machine's speed drifts by 10-20% within
// minutes; a ratio of two scans a second apart drifts far less than one of
// two programs run minutes apart.
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
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench_util.h"
#include "vigil_side.h"

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

// One Hyperscan pass over the articles: hits into `context`, false on error.
bool ScanAll(const hs_database_t* db, hs_scratch_t* scratch,
             const std::vector<std::string_view>& articles, ScanContext* context) {
  size_t hits = 0, word_hits = 0;
  for (std::string_view a : articles) {
    context->text = a;
    context->hits = context->word_hits = 0;
    if (hs_scan(db, a.data(), static_cast<unsigned>(a.size()), 0, scratch, OnMatch,
                context) != HS_SUCCESS) {
      std::fprintf(stderr, "hs_scan failed\n");
      return false;
    }
    hits += context->hits;
    word_hits += context->word_hits;
  }
  context->hits = hits;
  context->word_hits = word_hits;
  return true;
}

// The --paired rounds (see the top of the file), as JSON fields to append,
// or an empty string with a message on stderr.
std::string PairedRounds(const std::vector<std::string>& names, const hs_database_t* db,
                         hs_scratch_t* scratch, const std::vector<std::string_view>& articles,
                         size_t bytes, ScanContext* context, int rounds) {
  std::vector<Watchlist> lists = {LiteralsWatchlist(names)};
  Result<std::shared_ptr<const Matcher>> built = Matcher::Build(lists, {});
  if (!built.ok()) {
    std::fprintf(stderr, "Matcher::Build: %s\n", built.status().message().c_str());
    return {};
  }
  const Matcher& matcher = *built.value();
  std::vector<double> hyperscan, vigil, ratio;
  size_t found = 0, all_passes = 0;
  for (int round = 0; round < rounds; ++round) {
    double c0 = CpuSeconds();
    if (!ScanAll(db, scratch, articles, context)) return {};
    double hs_rate = static_cast<double>(bytes) / 1e6 / (CpuSeconds() - c0);
    double vigil_rate = ScanRate(matcher, articles, bytes, 0.5, &found, &all_passes);
    hyperscan.push_back(hs_rate);
    vigil.push_back(vigil_rate);
    ratio.push_back(vigil_rate / hs_rate);
  }
  char out[512];
  std::snprintf(out, sizeof(out),
                ", \"paired\": {\"rounds\": %d, \"hyperscan_mb_per_s\": %.2f, "
                "\"vigil_mb_per_s\": %.2f, %s, \"vigil_hits_per_pass\": %zu}",
                rounds, Median(hyperscan), Median(vigil), RatioFields(ratio).c_str(),
                found / std::max<size_t>(all_passes, 1));
  return out;
}

int Run(int argc, char** argv) {
  std::string corpus_path, names_path, label = "names";
  int reps = 3;
  int paired = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--corpus") corpus_path = argv[i + 1];
    else if (flag == "--names") names_path = argv[i + 1];
    else if (flag == "--label") label = argv[i + 1];
    else if (flag == "--reps") reps = std::max(1, std::stoi(argv[i + 1]));
    else if (flag == "--paired") paired = std::max(0, std::stoi(argv[i + 1]));
    else {
      std::fprintf(stderr, "unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  if (corpus_path.empty() || names_path.empty()) {
    std::fprintf(stderr,
                 "usage: hyperscan_bench --corpus FILE --names FILE [--label "
                 "NAME] [--reps N] [--paired N]\n");
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
    double c0 = CpuSeconds(), w0 = WallSeconds();
    if (!ScanAll(db, scratch, articles, &context)) return 1;
    cpu_times.push_back(CpuSeconds() - c0);
    wall_times.push_back(WallSeconds() - w0);
  }
  size_t hits = context.hits, word_hits = context.word_hits;
  // Before Vigil's index is built in this process.
  double peak_rss_mb = PeakRssMb();
  std::string paired_json;
  if (paired > 0) {
    paired_json = PairedRounds(names, db, scratch, articles, bytes, &context, paired);
    if (paired_json.empty()) return 1;
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
      "\"hits\": %zu, \"word_hits\": %zu, \"reps\": %d%s}\n",
      label.c_str(), names.size(), build_cpu, build_wall, index_mb,
      static_cast<double>(db_size) / 1e6,
      static_cast<double>(scratch_size) / 1e6, build_peak_mb, peak_rss_mb,
      bytes, articles.size(), cpu, wall, static_cast<double>(bytes) / 1e6 / cpu,
      hits, word_hits, reps, paired_json.c_str());
  hs_free_scratch(scratch);
  hs_free_database(db);
  return 0;
}

}  // namespace
}  // namespace vigil::bench

int main(int argc, char** argv) { return vigil::bench::Run(argc, argv); }
