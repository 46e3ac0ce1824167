// Real news as the yardstick for false alerts: every alert Vigil raises on
// the 21,266 BBC and Reuters articles of ../shared/data/news/bench-corpus.txt,
// against OFAC SDN alone and against every real list, checked against the
// hand-reviewed verdicts in tests/testdata/eval/news_corpus_verdicts.tsv. An
// alert the fixture lacks counts as false and is printed for review, so a
// rule that starts alerting somewhere new fails here until someone has read
// the article.
#include "vigil/match/matcher.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "eval_data.h"
#include "real_lists.h"

namespace vigil::eval {
namespace {

// The corpus's articles: split at blank lines, each without its surrounding
// line breaks and with one after it, numbered from 0 as the fixture is.
std::vector<std::string> ReadArticles(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<std::string> articles;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string::npos) end = text.size();
    std::string piece = text.substr(begin, end - begin);
    size_t first = piece.find_first_not_of('\n');
    size_t last = piece.find_last_not_of('\n');
    if (first != std::string::npos && piece.find_first_not_of(" \t\r\n") != std::string::npos) {
      articles.push_back(piece.substr(first, last - first + 1) + "\n");
    }
    begin = end + 2;
  }
  return articles;
}

struct Verdict {
  bool genuine = false;
  std::string note;
};
// run ("ofac-sdn" or "all-lists"), article, list, entity: corroboration by
// a co-mention depends on which lists are loaded, so each run has its own.
using AlertKey = std::tuple<std::string, int, std::string, std::string>;

std::map<AlertKey, Verdict> ReadVerdicts(const std::filesystem::path& file) {
  std::map<AlertKey, Verdict> verdicts;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream row(line);
    std::string field;
    while (std::getline(row, field, '\t')) fields.push_back(field);
    if (fields.size() < 5) continue;
    verdicts[{fields[0], std::stoi(fields[1]), fields[2], fields[3]}] =
        Verdict{fields[4] == "true", fields.size() > 5 ? fields[5] : ""};
  }
  return verdicts;
}

struct CorpusFigures {
  int articles = 0;
  int genuine = 0;           // (article, list, entity) alerts reviewed as true
  int false_alerts = 0;      // reviewed as false, or not reviewed
  int unreviewed = 0;
  std::set<int> false_articles;  // articles with at least one false alert
  int lost = 0;              // true alerts of the fixture no longer raised
  double PerThousand() const { return 1000.0 * false_alerts / articles; }
};

CorpusFigures EvaluateCorpus(const std::string& name, const std::string& run,
                       const std::vector<Watchlist>& lists,
                       const std::vector<std::string>& articles,
                       const std::map<AlertKey, Verdict>& verdicts) {
  CorpusFigures figures;
  figures.articles = static_cast<int>(articles.size());
  auto matcher = Matcher::Build(lists, {});
  EXPECT_TRUE(matcher.ok()) << matcher.status().message();
  if (!matcher.ok()) return figures;
  std::set<AlertKey> raised;
  for (size_t i = 0; i < articles.size(); ++i) {
    for (const Match& m : (*matcher)->Scan(articles[i])) {
      if (m.kind != MatchKind::kEntity || !m.alert) continue;
      AlertKey key{run, static_cast<int>(i), m.list_id, m.entity_id};
      if (!raised.insert(key).second) continue;
      auto verdict = verdicts.find(key);
      if (verdict != verdicts.end() && verdict->second.genuine) {
        ++figures.genuine;
        continue;
      }
      ++figures.false_alerts;
      figures.false_articles.insert(static_cast<int>(i));
      if (verdict == verdicts.end()) {
        ++figures.unreviewed;
        std::printf("[eval]     unreviewed: article %zu %s/%s \"%s\" (%s): %s\n", i,
                    m.list_id.c_str(), m.entity_id.c_str(), m.matched.c_str(), m.rule.c_str(),
                    m.snippet.c_str());
      } else if (std::getenv("VIGIL_EVAL_ALL") != nullptr) {
        std::printf("[eval]     false: article %zu %s/%s \"%s\": %s\n", i, m.list_id.c_str(),
                    m.entity_id.c_str(), m.matched.c_str(), verdict->second.note.c_str());
      }
    }
  }
  for (const auto& [key, verdict] : verdicts) {
    if (!verdict.genuine || std::get<0>(key) != run || raised.count(key) > 0) continue;
    // A genuine alert of this run that is no longer raised.
    ++figures.lost;
    std::printf("[eval]     lost: article %d %s/%s: %s\n", std::get<1>(key), std::get<2>(key).c_str(),
                std::get<3>(key).c_str(), verdict.note.c_str());
  }
  std::printf(
      "[eval] %s: %d articles; %d true alerts, %d false (%d unreviewed) = %.2f false alerts per "
      "1,000 articles; %zu articles with a false alert; %d reviewed true alerts lost\n",
      name.c_str(), figures.articles, figures.genuine, figures.false_alerts, figures.unreviewed,
      figures.PerThousand(), figures.false_articles.size(), figures.lost);
  return figures;
}

class NewsCorpusEval : public ::testing::Test {
 protected:
  void SetUp() override {
    auto corpus = SharedFile("news/bench-corpus.txt");
    if (!corpus) GTEST_SKIP() << "shared data absent: " VIGIL_SHARED_DATA "/news/bench-corpus.txt";
    articles_ = ReadArticles(*corpus);
    verdicts_ = ReadVerdicts(VIGIL_TESTDATA "/eval/news_corpus_verdicts.tsv");
  }
  std::vector<std::string> articles_;
  std::map<AlertKey, Verdict> verdicts_;
};

TEST_F(NewsCorpusEval, OfacSdnAloneRaisesAtMostOneFalseAlertPerThousandArticles) {
  ASSERT_EQ(articles_.size(), 21266u) << "the corpus changed; re-review the alerts";
  RealOfac ofac = LoadRealOfac(/*with_consolidated=*/false);
  ASSERT_FALSE(ofac.failed) << ofac.why;
  if (ofac.lists.empty()) GTEST_SKIP() << ofac.why;
  CorpusFigures figures = EvaluateCorpus("bench corpus vs OFAC SDN", "ofac-sdn", ofac.lists, articles_, verdicts_);
  // The target is 1 per 1,000; the ceilings are today's figures
  // (2026-12-08, deterministic), the floor the true alerts reviewed.
  EXPECT_LE(figures.PerThousand(), 1.0);
  EXPECT_LE(figures.false_alerts, 5) << "false alerts rose";
  EXPECT_EQ(figures.unreviewed, 0) << "new alerts: review them and add them to the fixture";
  EXPECT_EQ(figures.lost, 0) << "reviewed true alerts are no longer raised";
}

TEST_F(NewsCorpusEval, EveryRealListRaisesAtMostThreeFalseAlertsPerThousandArticles) {
  RealOfac all = LoadAllRealLists();
  ASSERT_FALSE(all.failed) << all.why;
  if (all.lists.empty()) GTEST_SKIP() << all.why;
  CorpusFigures figures = EvaluateCorpus("bench corpus vs every real list", "all-lists", all.lists, articles_, verdicts_);
  // The target is 3 per 1,000; the ceiling is today's figure.
  EXPECT_LE(figures.PerThousand(), 3.0);
  EXPECT_LE(figures.false_alerts, 11) << "false alerts rose";
  EXPECT_EQ(figures.unreviewed, 0) << "new alerts: review them and add them to the fixture";
  EXPECT_EQ(figures.lost, 0) << "reviewed true alerts are no longer raised";
}

}  // namespace
}  // namespace vigil::eval
