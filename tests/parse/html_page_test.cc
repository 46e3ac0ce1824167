#include "vigil/parse/parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parse_test_util.h"
#include "scaling.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

constexpr char kNewsPage[] = R"(<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>Minister resigns | Daily Example</title>
<link rel="canonical" href="/2024/minister-resigns">
<style>body { color: red }</style><script>var tracking = "TRACKER";</script>
</head><body>
<header class="site-header"><a href="/">Daily Example</a><nav><a href="/world">World NAVLINK</a></nav></header>
<div class="cookie-banner">We use cookies COOKIETEXT</div>
<main>
 <article>
  <header><h1>Minister resigns over sanctions breach</h1><p class="byline">By A. Reporter</p></header>
  <p>The minister resigned on Monday after <a href="/x">reports</a> that a firm he owned
     breached sanctions.</p>
  <div class="share-tools">Share on X SHARETEXT</div>
  <p>Officials said the investigation&nbsp;continues.<br>More details later.</p>
  <aside>Related: ASIDETEXT</aside>
  <section id="comments">COMMENTTEXT</section>
 </article>
</main>
<aside class="sidebar">Most read SIDEBARTEXT</aside>
<footer>Copyright FOOTERTEXT</footer>
<form><button>Subscribe BUTTONTEXT</button></form>
<noscript>Enable JS NOSCRIPTTEXT</noscript>
</body></html>)";

TEST(HtmlPageTest, KeepsArticleAndDropsBoilerplate) {
  ParsedDocument doc = MustParse(kNewsPage, "text/html", "https://daily.example/page?id=1");
  EXPECT_EQ(doc.kind, DocumentKind::kHtml);
  ASSERT_EQ(doc.items.size(), 1u);
  const Item& item = doc.items[0];
  EXPECT_EQ(item.title, "Minister resigns | Daily Example");
  EXPECT_EQ(doc.title, item.title);
  EXPECT_EQ(item.link, "https://daily.example/2024/minister-resigns");
  EXPECT_TRUE(item.guid.empty());
  EXPECT_NE(item.text.find("Minister resigns over sanctions breach"), std::string::npos);
  EXPECT_NE(item.text.find("The minister resigned on Monday after reports that a firm he owned "
                           "breached sanctions.\n\nOfficials said the investigation continues.\n"
                           "More details later."),
            std::string::npos)
      << item.text;
  for (const char* junk : {"NAVLINK", "COOKIETEXT", "SHARETEXT", "ASIDETEXT", "COMMENTTEXT",
                           "SIDEBARTEXT", "FOOTERTEXT", "BUTTONTEXT", "NOSCRIPTTEXT", "TRACKER",
                           "color: red"}) {
    EXPECT_EQ(item.text.find(junk), std::string::npos) << junk << " in:\n" << item.text;
  }
}

TEST(HtmlPageTest, FallsBackToBodyAndOtherTitles) {
  ParsedDocument doc = MustParse(
      "<html><head><meta property=\"og:title\" content=\"OG title\"></head><body>"
      "<div id=\"main-nav\">Menu NAVTEXT</div><div><p>Body paragraph one.</p>"
      "<p>Body paragraph two.</p></div></body></html>",
      "", "https://x.example/a");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "OG title");
  EXPECT_EQ(doc.items[0].link, "https://x.example/a");
  EXPECT_EQ(doc.items[0].text, "Body paragraph one.\n\nBody paragraph two.");

  doc = MustParse("<html><body><h1>Heading  title</h1><p>x</p></body></html>");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Heading title");
}

TEST(HtmlPageTest, DecodesDeclaredMetaCharset) {
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
      "<title>\xCD\xEE\xE2\xEE\xF1\xF2\xE8</title></head><body><p>\xCF\xF3\xF2\xE8\xED</p></body></html>";
  ParsedDocument doc = MustParse(page);
  EXPECT_EQ(doc.charset, "windows-1251");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Новости");
  EXPECT_EQ(doc.items[0].text, "Путин");
}

// libxml2 2.9's HTML parser does not know <article>/<header>, so unclosed
// ones nest (up to its depth limit of 256). Extracting the main text must cost
// time linear in the page, whatever the nesting: a page of the same size made
// of blocks four times deeper must not take four times longer.
TEST(HtmlPageTest, DeeplyNestedArticlesCostTheSameAsShallowOnes) {
  struct Shape {
    const char* name;
    std::string open, close;
    bool in_article;
  };
  const Shape kShapes[] = {{"articles", "<article>", "</article>", false},
                           {"headers in an article", "<header>", "</header>", true}};
  for (const Shape& shape : kShapes) {
    auto page_of = [&](size_t depth, size_t size) {
      std::string block;
      for (size_t i = 0; i < depth; ++i) block += shape.open + "x";
      for (size_t i = 0; i < depth; ++i) block += shape.close;
      if (shape.in_article) block = "<article>" + block + "</article>";
      std::string page = "<html><head><title>T</title></head><body>";
      while (page.size() < size) page += block;
      return page + "</body></html>";
    };
    auto parse_page_of_depth = [&](size_t depth) {
      std::string page = page_of(depth, 512u << 10);
      ParseInput input;
      input.body = page;
      (void)Parse(input);
    };
    double shallow = FastestSeconds(parse_page_of_depth, 50, 3);
    double deep = FastestSeconds(parse_page_of_depth, 200, 3);
    double ratio = deep / std::max(shallow, 1e-4);
    RecordProperty(shape.name, std::to_string(ratio));
    // Linear: about 1. Quadratic in the depth: about 4.
    EXPECT_LT(ratio, 2.5) << shape.name;

    std::string page = page_of(200, 64u << 10);
    ParseInput input;
    input.body = page;
    Result<ParsedDocument> doc = Parse(input);
    ASSERT_TRUE(doc.ok()) << shape.name << ": " << doc.status().message();
    ASSERT_EQ(doc->items.size(), 1u) << shape.name;
    const std::string& text = doc->items[0].text;
    EXPECT_EQ(text.substr(0, 5), "x\n\nx\n") << shape.name;
    EXPECT_GE(std::count(text.begin(), text.end(), 'x'), 200) << shape.name;
  }
}

TEST(HtmlPageTest, BoilerplateClassesMatchWholeWordsOnly) {
  ParsedDocument doc = MustParse(
      "<html><body><article>"
      "<div class=\"commentary\">COMMENTARY text kept.</div>"
      "<p id=\"shareholders\">SHAREHOLDERS text kept.</p>"
      "<p class=\"navigator lead\">NAVIGATOR kept.</p>"
      "<p class=\"related_ post\">Dropped RELATED.</p>"
      "<div class=\"comments\">Dropped COMMENTS.</div>"
      "<div id=\"comment-list\">Dropped COMMENTLIST.</div>"
      "<div class=\"post share-bar\">Dropped SHAREBAR.</div>"
      "<div class=\"site_nav\">Dropped NAV.</div>"
      "<div class=\"ad\">Dropped AD.</div>"
      "<div class=\"sidebar-widget\">Dropped SIDEBAR.</div>"
      "</article></body></html>");
  ASSERT_EQ(doc.items.size(), 1u);
  const std::string& text = doc.items[0].text;
  for (const char* kept : {"COMMENTARY", "SHAREHOLDERS", "NAVIGATOR"}) {
    EXPECT_NE(text.find(kept), std::string::npos) << kept << " missing from:\n" << text;
  }
  for (const char* dropped : {"RELATED", "COMMENTS", "COMMENTLIST", "SHAREBAR", "NAV.", "AD.",
                              "SIDEBAR"}) {
    EXPECT_EQ(text.find(dropped), std::string::npos) << dropped << " in:\n" << text;
  }
}

std::string ReadSeedArticle() {
  // The committed copy (tests/testdata) is the same file as the shared one.
  fs::path path = fs::path(VIGIL_TESTDATA) / "seed-article.txt";
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) {
    // Trailing spaces and no-break spaces (U+00A0) carry no text.
    for (bool trimmed = true; trimmed;) {
      trimmed = false;
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
        line.pop_back();
        trimmed = true;
      }
      if (line.size() >= 2 && line.compare(line.size() - 2, 2, "\xC2\xA0") == 0) {
        line.resize(line.size() - 2);
        trimmed = true;
      }
    }
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string HtmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out.push_back(c);
  }
  return out;
}

TEST(HtmlPageTest, ExtractsSeedArticleAsTextAndFromAPage) {
  std::string seed = ReadSeedArticle();
  ASSERT_FALSE(seed.empty()) << "tests/testdata/seed-article.txt is missing";
  std::vector<std::string> paragraphs = Paragraphs(seed);
  ASSERT_GT(paragraphs.size(), 10u);

  ParsedDocument text_doc = MustParse(seed, "text/plain");
  ASSERT_EQ(text_doc.items.size(), 1u);
  EXPECT_EQ(text_doc.items[0].title, paragraphs[0]);
  for (const std::string& p : paragraphs) {
    EXPECT_NE(text_doc.items[0].text.find(p), std::string::npos) << p;
  }

  std::string page = "<!DOCTYPE html><html><head><title>" + HtmlEscape(paragraphs[0]) +
                     "</title></head><body><nav><ul><li>Home NAVITEM</li><li>Politics</li></ul>"
                     "</nav><div class=\"menu\">Sections MENUITEM</div><article><h1>" +
                     HtmlEscape(paragraphs[0]) + "</h1>";
  for (size_t i = 1; i < paragraphs.size(); ++i) page += "<p>" + HtmlEscape(paragraphs[i]) + "</p>\n";
  page += "</article><div class=\"related-articles\">RELATEDITEM</div>"
          "<footer>Contact us FOOTERITEM</footer></body></html>";
  ParsedDocument html_doc = MustParse(page, "text/html; charset=utf-8", "https://news.example/p");
  ASSERT_EQ(html_doc.items.size(), 1u);
  const std::string& text = html_doc.items[0].text;
  EXPECT_EQ(html_doc.items[0].title, paragraphs[0]);
  for (const std::string& p : paragraphs) {
    EXPECT_NE(text.find(p), std::string::npos) << p;
  }
  EXPECT_NE(text.find(paragraphs[5] + "\n\n" + paragraphs[6]), std::string::npos);
  for (const char* junk : {"NAVITEM", "MENUITEM", "RELATEDITEM", "FOOTERITEM"}) {
    EXPECT_EQ(text.find(junk), std::string::npos) << junk;
  }
}

}  // namespace
}  // namespace vigil
