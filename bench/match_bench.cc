// Vigil's matcher over the news corpus: index build time and memory, hit
// counts, and scan throughput (Google Benchmark, bytes per CPU second).
//
//   match_bench --corpus FILE --names FILE [--label NAME] [benchmark flags]
//   match_bench --corpus FILE --listed FILE.tsv [--label NAME] ...
//   --dump FILE also writes every hit, to compare with the peers' hits.
//   --paired-with FILE --rounds N --paired-out FILE.json: then also builds
//   an index of the literals in FILE (the OFAC names, say) and runs N rounds,
//   each at least half a second of scans with this index and then as much
//   with that one, and writes both median MB/s and the median, lowest and
//   highest of the rounds' ratios (that index's MB/s ÷ this one's): what
//   going from those names to these costs, measured seconds apart rather
//   than in two programs minutes apart, while the machine's speed drifts.
//
// --names: one literal a line, each the only name of an entity of one
// watchlist. The entities are organisations, so Vigil searches exactly these
// literals (a comma in a company name is not read as "LAST, First"): the same
// strings the literal matchers get.
// --listed: "ent_num<TAB>type<TAB>name" lines as the list writes them (first
// line of an ent_num = primary name, the others aliases); Vigil derives the
// name orders itself (exact, reordered, without-middle).
//
// Only the public API (include/vigil/match/matcher.h) is used.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench_util.h"
#include "vigil/match/matcher.h"
#include "vigil/model/watchlist.h"
#include "vigil_side.h"

namespace vigil::bench {
namespace {

struct Args {
  std::string corpus;
  std::string names;
  std::string listed;
  std::string label = "names";
  std::string dump;  // if set, every hit, candidates too: article, start, end, alert, matched, name
  std::string paired_with;  // literals of a second index to alternate with
  int rounds = 7;
  std::string paired_out;
};

Watchlist ListedWatchlist(const std::vector<std::string>& lines) {
  Watchlist list;
  list.id = "bench";
  std::map<std::string, size_t> index;  // ent_num -> entity
  for (const std::string& line : lines) {
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos) continue;
    std::string id = line.substr(0, t1);
    std::string type = line.substr(t1 + 1, t2 - t1 - 1);
    std::string name = line.substr(t2 + 1);
    auto [it, inserted] = index.emplace(id, list.entities.size());
    if (inserted) {
      Entity e;
      e.id = id;
      e.name = name;
      e.type = type == "person" ? EntityType::kPerson : EntityType::kOrganization;
      list.entities.push_back(std::move(e));
    } else {
      list.entities[it->second].aliases.push_back(name);
    }
  }
  return list;
}

size_t CountHits(const Matcher& matcher,
                 const std::vector<std::string_view>& articles,
                 const ScanOptions& options) {
  size_t hits = 0;
  for (std::string_view a : articles) hits += matcher.Scan(a, options).size();
  return hits;
}

// The --paired-with rounds (see the top of the file).
bool PairedRounds(const Args& args, const Matcher& matcher,
                  const std::vector<std::string_view>& articles, size_t bytes) {
  std::vector<std::string> names = ReadLines(args.paired_with);
  if (names.empty()) return false;
  std::vector<Watchlist> lists = {LiteralsWatchlist(names)};
  Result<std::shared_ptr<const Matcher>> built = Matcher::Build(lists, {});
  if (!built.ok()) {
    std::fprintf(stderr, "Matcher::Build: %s\n", built.status().message().c_str());
    return false;
  }
  const Matcher& other = *built.value();
  std::vector<double> these, those, ratio;
  size_t hits = 0, other_hits = 0, passes = 0, other_passes = 0;
  for (int round = 0; round < args.rounds; ++round) {
    these.push_back(ScanRate(matcher, articles, bytes, 0.5, &hits, &passes));
    those.push_back(ScanRate(other, articles, bytes, 0.5, &other_hits, &other_passes));
    ratio.push_back(those.back() / these.back());
  }
  std::FILE* out = args.paired_out.empty() ? stdout : std::fopen(args.paired_out.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "cannot write %s\n", args.paired_out.c_str());
    return false;
  }
  std::fprintf(out,
               "{\"label\": \"%s\", \"paired_with\": \"%s\", \"rounds\": %d, "
               "\"mb_per_s\": %.2f, \"other_mb_per_s\": %.2f, %s, \"hits_per_pass\": %zu, "
               "\"other_hits_per_pass\": %zu}\n",
               args.label.c_str(), args.paired_with.c_str(), args.rounds, Median(these),
               Median(those), RatioFields(ratio).c_str(), hits / passes,
               other_hits / other_passes);
  if (out != stdout) std::fclose(out);
  return true;
}

int Run(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  Args args;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--corpus") args.corpus = argv[i + 1];
    else if (flag == "--names") args.names = argv[i + 1];
    else if (flag == "--listed") args.listed = argv[i + 1];
    else if (flag == "--label") args.label = argv[i + 1];
    else if (flag == "--dump") args.dump = argv[i + 1];
    else if (flag == "--paired-with") args.paired_with = argv[i + 1];
    else if (flag == "--rounds") args.rounds = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--paired-out") args.paired_out = argv[i + 1];
    else {
      std::fprintf(stderr, "unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  if (args.corpus.empty() || args.names.empty() == args.listed.empty()) {
    std::fprintf(stderr,
                 "usage: match_bench --corpus FILE (--names FILE | --listed "
                 "FILE.tsv) [--label NAME] [benchmark flags]\n");
    return 2;
  }

  std::vector<std::string> lines =
      ReadLines(args.names.empty() ? args.listed : args.names);
  if (lines.empty()) return 1;
  std::vector<Watchlist> lists;
  lists.push_back(args.names.empty() ? ListedWatchlist(lines)
                                     : LiteralsWatchlist(lines));
  size_t entities = lists[0].entities.size();
  lines.clear();
  lines.shrink_to_fit();

  // The index's memory is the growth of the resident set across Build(), the
  // watchlist (the caller's copy of the names) already being resident.
  double rss_before = CurrentRssMb();
  double cpu0 = CpuSeconds(), wall0 = WallSeconds();
  Result<std::shared_ptr<const Matcher>> built = Matcher::Build(lists, {});
  double build_cpu = CpuSeconds() - cpu0, build_wall = WallSeconds() - wall0;
  if (!built.ok()) {
    std::fprintf(stderr, "Matcher::Build: %s\n", built.status().message().c_str());
    return 1;
  }
  std::shared_ptr<const Matcher> matcher = std::move(built.value());
  double index_mb = CurrentRssMb() - rss_before;
  double build_peak_mb = PeakRssMb();

  std::string corpus = ReadFile(args.corpus);
  if (corpus.empty()) return 1;
  std::vector<std::string_view> articles = SplitArticles(corpus);
  size_t bytes = TotalBytes(articles);
  // What the daemon stores (alerting hits), and everything found.
  size_t hits = CountHits(*matcher, articles, ScanOptions{});
  size_t hits_all = CountHits(*matcher, articles, ScanOptions{.include_candidates = true});
  std::fprintf(stderr,
               "vigil %s: %zu entities, %zu name variants, build %.2f s CPU "
               "(%.2f s wall), index %.0f MB (over %.0f MB resident before), "
               "peak after build %.0f MB; "
               "%zu articles, %zu bytes, %zu hits (%zu with candidates)\n",
               args.label.c_str(), entities, matcher->name_count(), build_cpu,
               build_wall, index_mb, rss_before, build_peak_mb, articles.size(), bytes,
               hits, hits_all);

  if (!args.dump.empty()) {
    std::FILE* out = std::fopen(args.dump.c_str(), "w");
    if (out == nullptr) return 1;
    for (size_t i = 0; i < articles.size(); ++i) {
      for (const Match& m : matcher->Scan(articles[i], {.include_candidates = true})) {
        // A name can span a line break; keep one hit a line.
        std::string matched = m.matched;
        for (char& c : matched) {
          if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        }
        std::fprintf(out, "%zu\t%zu\t%zu\t%d\t%s\t%s\n", i, m.start, m.end,
                     m.alert ? 1 : 0, matched.c_str(), m.matched_name.c_str());
      }
    }
    std::fclose(out);
  }

  benchmark::RegisterBenchmark(
      ("vigil_scan/" + args.label).c_str(),
      [&](benchmark::State& state) {
        size_t found = 0;
        for (auto _ : state) {
          for (std::string_view a : articles) found += matcher->Scan(a).size();
        }
        benchmark::DoNotOptimize(found);
        state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
        state.counters["entities"] = static_cast<double>(entities);
        state.counters["variants"] = static_cast<double>(matcher->name_count());
        state.counters["build_cpu_s"] = build_cpu;
        state.counters["build_wall_s"] = build_wall;
        state.counters["index_mb"] = index_mb;
        state.counters["rss_before_build_mb"] = rss_before;
        state.counters["build_peak_mb"] = build_peak_mb;
        state.counters["peak_rss_mb"] = PeakRssMb();
        state.counters["hits"] = static_cast<double>(hits);
        state.counters["hits_all"] = static_cast<double>(hits_all);
      })
      ->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!args.paired_with.empty()) {
    return PairedRounds(args, *matcher, articles, bytes) ? 0 : 1;
  }
  return 0;
}

}  // namespace
}  // namespace vigil::bench

int main(int argc, char** argv) { return vigil::bench::Run(argc, argv); }
