#include "vigil/parse/parser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "parse_test_util.h"
#include "scaling.h"

namespace vigil {
namespace {

TEST(FeedParserTest, ReadsRss20Items) {
  ParsedDocument doc = MustParse(R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>World  News</title><link>https://news.example/</link>
<item>
  <title>Sanctions &amp; more</title>
  <link>/world/1</link>
  <guid isPermaLink="false">id-1</guid>
  <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
  <description>&lt;p&gt;Short &lt;b&gt;summary&lt;/b&gt;&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>First paragraph.</p><p>Second<br>line.</p><script>evil()</script>]]></content:encoded>
</item>
<item>
  <title>Second</title>
  <guid>https://news.example/world/2</guid>
  <dc:date>2003-06-10T04:00:00Z</dc:date>
  <description>Plain text</description>
</item>
</channel></rss>)",
                                 "application/rss+xml", "https://news.example/feed.xml");
  EXPECT_EQ(doc.kind, DocumentKind::kRss);
  EXPECT_EQ(doc.title, "World News");
  ASSERT_EQ(doc.items.size(), 2u);
  const Item& a = doc.items[0];
  EXPECT_EQ(a.title, "Sanctions & more");
  EXPECT_EQ(a.link, "https://news.example/world/1");
  EXPECT_EQ(a.guid, "id-1");
  EXPECT_EQ(a.published_unix_ms, int64_t{1055217600000});
  EXPECT_EQ(a.text, "First paragraph.\n\nSecond\nline.");  // content:encoded is longer
  const Item& b = doc.items[1];
  EXPECT_EQ(b.link, "https://news.example/world/2");  // permalink guid
  EXPECT_EQ(b.published_unix_ms, int64_t{1055217600000});
  EXPECT_EQ(b.text, "Plain text");
}

TEST(FeedParserTest, ReadsRss091) {
  ParsedDocument doc = MustParse(R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title>
<item><title>One</title><link>http://old.example/1</link><description>Desc</description></item>
</channel></rss>)");
  EXPECT_EQ(doc.kind, DocumentKind::kRss);
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].link, "http://old.example/1");
  EXPECT_EQ(doc.items[0].text, "Desc");
}

TEST(FeedParserTest, ReadsRdfItemsBesideTheChannel) {
  ParsedDocument doc = MustParse(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://rdf.example/"><title>RDF feed</title></channel>
  <item rdf:about="http://rdf.example/a">
    <title>A</title><link>http://rdf.example/a</link>
    <dc:date>2003-06-10T06:00:00+02:00</dc:date>
  </item>
  <item rdf:about="http://rdf.example/b"><title>B</title><link>http://rdf.example/b</link></item>
</rdf:RDF>)");
  EXPECT_EQ(doc.kind, DocumentKind::kRdf);
  EXPECT_EQ(doc.title, "RDF feed");
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].guid, "http://rdf.example/a");
  EXPECT_EQ(doc.items[0].published_unix_ms, int64_t{1055217600000});
  EXPECT_EQ(doc.items[1].title, "B");
}

TEST(FeedParserTest, ReadsAtomEntryLinksAgainstXmlBase) {
  ParsedDocument doc = MustParse(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://atom.example/blog/">
  <title type="html">Atom &lt;i&gt;feed&lt;/i&gt;</title>
  <entry xml:base="posts/">
    <title>Entry one</title>
    <id>tag:atom.example,2024:1</id>
    <link rel="self" href="/self/1"/>
    <link rel="alternate" type="text/html" href="one.html"/>
    <published>2003-06-10T04:00:00Z</published>
    <updated>2004-01-01T00:00:00Z</updated>
    <summary>Short summary</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Longer <b>content</b> here.</p><p>Again.</p></div></content>
  </entry>
  <entry>
    <title type="text">Entry &lt;two&gt;</title>
    <link href="two.html"/>
    <updated>2003-06-10T04:00:00Z</updated>
    <summary type="html">&lt;p&gt;A much longer summary than the content.&lt;/p&gt;</summary>
    <content type="text">Tiny</content>
  </entry>
</feed>)",
                                 "", "http://ignored.example/feed");
  EXPECT_EQ(doc.kind, DocumentKind::kAtom);
  EXPECT_EQ(doc.title, "Atom feed");
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].link, "http://atom.example/blog/posts/one.html");
  EXPECT_EQ(doc.items[0].guid, "tag:atom.example,2024:1");
  EXPECT_EQ(doc.items[0].published_unix_ms, int64_t{1055217600000});  // published wins
  EXPECT_EQ(doc.items[0].text, "Longer content here.\n\nAgain.");
  EXPECT_EQ(doc.items[1].title, "Entry <two>");
  EXPECT_EQ(doc.items[1].link, "http://atom.example/blog/two.html");
  EXPECT_EQ(doc.items[1].published_unix_ms, int64_t{1055217600000});  // updated fallback
  EXPECT_EQ(doc.items[1].text, "A much longer summary than the content.");
}

TEST(FeedParserTest, ExpandsInternalEntitiesInAttributesOnce) {
  ParsedDocument doc = MustParse(R"(<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY host "news.example">]>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry><title>One</title><link href="https://&host;/a?x=1&amp;y=2"/></entry>
</feed>)",
                                 "", "");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].link, "https://news.example/a?x=1&y=2");
}

TEST(FeedParserTest, ReadsJsonFeed11) {
  ParsedDocument doc = MustParse(R"({
  "version": "https://jsonfeed.org/version/1.1",
  "title": "JSON news",
  "home_page_url": "https://json.example/",
  "items": [
    {"id": "1", "url": "https://json.example/1", "title": "Hello &amp; bye",
     "content_html": "<p>Para one.</p><p>Para two.</p>",
     "date_published": "2003-06-10T04:00:00Z"},
    {"id": 2, "url": "/2", "content_text": "Just text", "summary": "S"}
  ]})",
                                 "application/feed+json", "https://json.example/feed.json");
  EXPECT_EQ(doc.kind, DocumentKind::kJsonFeed);
  EXPECT_EQ(doc.title, "JSON news");
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].title, "Hello & bye");
  EXPECT_EQ(doc.items[0].text, "Para one.\n\nPara two.");
  EXPECT_EQ(doc.items[0].published_unix_ms, int64_t{1055217600000});
  EXPECT_EQ(doc.items[1].guid, "2");
  EXPECT_EQ(doc.items[1].link, "https://json.example/2");
  EXPECT_EQ(doc.items[1].text, "Just text");
}

TEST(FeedParserTest, DecodesEntitiesIncludingHtmlOnesInXml) {
  ParsedDocument doc = MustParse(
      "<rss version=\"2.0\"><channel><title>AT&amp;T &#8211; &#x41;&nbsp;B</title>"
      "<item><title>Caf&eacute; &copy; 2024 &bogus; & co</title>"
      "<description>Fish &amp;amp; chips &amp;eacute;</description></item>"
      "</channel></rss>");
  EXPECT_EQ(doc.title, "AT&T – A B");  // &nbsp; becomes a plain space
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Café © 2024 &bogus; & co");
  // Escaped HTML in a description is decoded twice: once as XML, once as HTML.
  EXPECT_EQ(doc.items[0].text, "Fish & chips é");
}

TEST(FeedParserTest, PlainTextKeepsLinesAndTakesFirstLineAsTitle) {
  ParsedDocument doc = MustParse("\n\n  Headline here  \r\nbody line one   \nline two\n\n", "text/plain");
  EXPECT_EQ(doc.kind, DocumentKind::kText);
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Headline here");
  EXPECT_EQ(doc.items[0].text, "  Headline here\nbody line one\nline two");
  std::string long_line(300, 'x');
  doc = MustParse("\xC3\xA9" + long_line, "", "", "text");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_LE(doc.items[0].title.size(), 200u);
  EXPECT_EQ(doc.items[0].title.substr(0, 2), "\xC3\xA9");
}

struct SniffCase {
  const char* name;
  std::string body;
  std::string content_type;
  DocumentKind want;
};

TEST(FeedParserTest, SniffsTheBytesOverTheContentType) {
  const SniffCase kCases[] = {
      {"rss under text/html", "<?xml version='1.0'?><rss><channel/></rss>", "text/html",
       DocumentKind::kRss},
      {"atom after comment and bom", "\xEF\xBB\xBF  <!-- hi --><feed xmlns='http://www.w3.org/2005/Atom'/>",
       "", DocumentKind::kAtom},
      {"rdf with doctype", "<!DOCTYPE rdf:RDF [<!ENTITY x 'y'>]><rdf:RDF/>", "",
       DocumentKind::kRdf},
      {"html doctype", "<!DOCTYPE html><html><body><p>x</p></body></html>", "text/xml",
       DocumentKind::kHtml},
      {"html by content type", "just words", "text/html; charset=utf-8", DocumentKind::kHtml},
      {"json feed without content type", R"({"version":"https://jsonfeed.org/version/1","items":[]})",
       "", DocumentKind::kJsonFeed},
      {"other json is text", R"({"a": 1})", "", DocumentKind::kText},
      {"plain text", "Hello world", "", DocumentKind::kText},
      {"empty body", "", "", DocumentKind::kText},
  };
  for (const SniffCase& c : kCases) {
    ParsedDocument doc = MustParse(c.body, c.content_type);
    EXPECT_EQ(doc.kind, c.want) << c.name;
  }
}

TEST(FeedParserTest, ReportsErrorsForNonFeeds) {
  ParseInput input;
  input.body = "Hello, plain text";
  input.type = "feed";
  Result<ParsedDocument> doc = Parse(input);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("not a feed"), std::string::npos);

  input.body = "<rss";  // truncated to nothing usable
  input.type = "auto";
  doc = Parse(input);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message().rfind("malformed feed: ", 0), 0u) << doc.status().message();

  input.body = "<opml><body/></opml>";
  input.content_type = "text/xml";
  doc = Parse(input);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("not a feed"), std::string::npos);

  input.body = "{ not json";
  input.content_type = "application/feed+json";
  doc = Parse(input);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message().rfind("malformed feed: ", 0), 0u);

  input.type = "pdf";
  EXPECT_FALSE(Parse(input).ok());
}

TEST(FeedParserTest, RecoversTruncatedFeedsWithAWarning) {
  ParsedDocument doc = MustParse(
      "<rss><channel><title>T</title><item><title>Kept</title></item><item><title>Cut");
  ASSERT_GE(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Kept");
  EXPECT_FALSE(doc.warnings.empty());
}

TEST(FeedParserTest, NeverExpandsEntityBombsOrExternalEntities) {
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string("<!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) bomb += std::string("&") + prev + ";";
    bomb += "\">";
    prev = c;
  }
  bomb += "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
          "<rss><channel><item><title>&k; &xxe;</title></item></channel></rss>";
  auto start = std::chrono::steady_clock::now();
  ParseInput input;
  input.body = bomb;
  Result<ParsedDocument> doc = Parse(input);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  if (doc.ok()) {
    for (const Item& item : doc->items) {
      EXPECT_LT(item.title.size(), 10000u);
      EXPECT_EQ(item.title.find("root:"), std::string::npos);
    }
  }
}

TEST(FeedParserTest, SurvivesDeepNestingAndGarbage) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "x";
  for (std::string body : {"<rss><channel><item><description>" + deep +
                               "</description></item></channel></rss>",
                           "<html><body>" + deep + "</body></html>", std::string(100000, '['),
                           "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":" +
                               std::string(100000, '[')}) {
    ParseInput input;
    input.body = body;
    Result<ParsedDocument> doc = Parse(input);  // must return, either way
    if (doc.ok()) {
      EXPECT_LE(doc->items.size(), 1u);
    }
  }
}

TEST(FeedParserTest, ManyDoctypesAfterTheRootTakeLinearTime) {
  auto parse = [](size_t size) {
    std::string body = "<rss><channel><item><title>First</title></item>";
    while (body.size() < size) body += "<!DOCTYPE x>";
    body += "</channel></rss>";
    ParseInput input;
    input.body = body;
    Result<ParsedDocument> doc = Parse(input);  // ok or error, but linear
    (void)doc;
  };
  double ratio = ScalingRatio(parse, 512u << 10);
  RecordProperty("ratio", std::to_string(ratio));
  EXPECT_LT(ratio, kMaxLinearRatio);
}

TEST(FeedParserTest, DoctypeBeforeTheRootStillDeclaresEntities) {
  ParsedDocument doc = MustParse(
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY who \"Sechin\">]>"
      "<rss><channel><item><title>Igor &who; &eacute;</title></item></channel></rss>");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Igor Sechin é");
}

TEST(HtmlToTextTest, StripsMarkupAndKeepsBlocks) {
  EXPECT_EQ(HtmlToText("<h1>Title</h1><p>One  two\n three</p><ul><li>a</li><li>b</li></ul>"
                       "<style>p{}</style><script>x()</script>tail&amp;end"),
            "Title\n\nOne two three\n\na\nb\n\ntail&end");
  EXPECT_EQ(HtmlToText("no markup at all"), "no markup at all");
  EXPECT_EQ(HtmlToText(""), "");
  EXPECT_EQ(HtmlToText("<pre>line1\nline2</pre>"), "line1\nline2");
}

}  // namespace
}  // namespace vigil
