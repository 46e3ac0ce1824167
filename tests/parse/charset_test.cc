#include "vigil/parse/parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <string>

#include "parse_test_util.h"

namespace vigil {
namespace {

struct CharsetCase {
  const char* name;
  std::string bytes;
  std::string declared;  // HTTP charset
  std::string want_charset;
  std::string want_utf8;
};

TEST(ToUtf8Test, FollowsCharsetPrecedence) {
  const CharsetCase kCases[] = {
      {"utf-8 bom", "\xEF\xBB\xBFh\xC3\xA9", "", "utf-8", "h\xC3\xA9"},
      {"utf-16le bom", std::string("\xFF\xFEh\0\xE9\0", 6), "", "utf-16le", "h\xC3\xA9"},
      {"utf-16be bom", std::string("\xFE\xFF\0h\0\xE9", 6), "", "utf-16be", "h\xC3\xA9"},
      {"utf-32le bom", std::string("\xFF\xFE\0\0h\0\0\0", 8), "", "utf-32le", "h"},
      {"bom beats http", "\xEF\xBB\xBFh\xC3\xA9", "koi8-r", "utf-8", "h\xC3\xA9"},
      {"koi8-r via http", "\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r", "koi8-r",
       "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},  // Привет
      {"http overrides xml decl", "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\xE9</a>",
       "iso-8859-1", "windows-1252", "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\xC3\xA9</a>"},
      {"windows-1251 declared", "<?xml version='1.0' encoding='windows-1251'?>\xCF\xF3",
       "", "windows-1251", "<?xml version='1.0' encoding='windows-1251'?>\xD0\x9F\xD1\x83"},
      {"iso-8859-1 declared maps to 1252",
       "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\x93q\x94", "", "windows-1252",
       "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\xE2\x80\x9Cq\xE2\x80\x9D"},
      {"html meta charset", "<meta charset=\"windows-1251\"><p>\xCF", "", "windows-1251",
       "<meta charset=\"windows-1251\"><p>\xD0\x9F"},
      {"http-equiv meta",
       "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">\xF0", "",
       "koi8-r", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">\xD0\x9F"},
      {"valid utf-8 without declaration", "Gr\xC3\xBC\xC3\x9F" "e", "", "utf-8",
       "Gr\xC3\xBC\xC3\x9F" "e"},
      {"no declaration, not utf-8: windows-1252", "Gr\xFC\xDF" "e \x80", "", "windows-1252",
       "Gr\xC3\xBC\xC3\x9F" "e \xE2\x82\xAC"},
      {"unknown http charset falls back", "h\xC3\xA9", "x-no-such-charset", "utf-8",
       "h\xC3\xA9"},
      {"invalid utf-8 becomes U+FFFD", "a\xC3(b\xED\xA0\x80", "utf-8", "utf-8",
       "a\xEF\xBF\xBD(b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"utf-16le without bom", std::string("<\0?\0x\0", 6), "", "utf-16le", "<?x"},
  };
  for (const CharsetCase& c : kCases) {
    std::string used;
    std::string out = ToUtf8(c.bytes, c.declared, &used);
    EXPECT_EQ(used, c.want_charset) << c.name;
    EXPECT_EQ(out, c.want_utf8) << c.name;
  }
}

TEST(ToUtf8Test, TruncatedUtf16BecomesReplacementNotGarbage) {
  std::string used;
  std::string out = ToUtf8(std::string("\xFF\xFEh\0i", 5), "", &used);
  EXPECT_EQ(used, "utf-16le");
  EXPECT_EQ(out, "h\xEF\xBF\xBD");
}

TEST(ParseCharsetTest, DecodesFeedsInEveryCharsetBeforeXmlParsing) {
  // Cyrillic feed declared windows-1251 in the prolog.
  std::string cp1251 =
      "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel>"
      "<title>\xCD\xEE\xE2\xEE\xF1\xF2\xE8</title><item><title>\xCF\xF3\xF2\xE8\xED</title>"
      "</item></channel></rss>";
  ParsedDocument doc = MustParse(cp1251);
  EXPECT_EQ(doc.charset, "windows-1251");
  EXPECT_EQ(doc.title, "Новости");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Путин");

  // KOI8-R given only by HTTP, overriding a wrong prolog.
  std::string koi8 =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><title>\xF0\xD5\xD4\xC9\xCE"
      "</title></item></channel></rss>";
  doc = MustParse(koi8, "application/rss+xml; charset=KOI8-R");
  EXPECT_EQ(doc.charset, "koi8-r");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Путин");

  // UTF-16LE with BOM.
  std::string ascii = "<rss><channel><item><title>Caf\xE9</title></item></channel></rss>";
  std::string utf16 = "\xFF\xFE";
  for (char ch : ascii) {
    utf16.push_back(ch);
    utf16.push_back('\0');
  }
  doc = MustParse(utf16);
  EXPECT_EQ(doc.charset, "utf-16le");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Café");

  // ISO-8859-1 declared; no declaration with latin-1 bytes falls back to 1252.
  for (std::string prolog : {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", ""}) {
    doc = MustParse(prolog + "<rss><channel><item><title>S\xE3o Jos\xE9 \x96 "
                             "M\xFCnchen</title></item></channel></rss>");
    EXPECT_EQ(doc.charset, "windows-1252");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title, "São José – München");
  }

  // Invalid UTF-8 inside a UTF-8 feed.
  doc = MustParse("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item>"
                  "<title>ok \xC3\xA9 bad \xFF</title></item></channel></rss>");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "ok é bad \xEF\xBF\xBD");
}

TEST(ParseCharsetTest, UnknownCharsetFallsBackWithAWarning) {
  ParsedDocument doc = MustParse("<rss><channel><item><title>Caf\xE9</title></item></channel></rss>",
                                 "application/rss+xml; charset=x-martian");
  EXPECT_EQ(doc.charset, "windows-1252");  // not UTF-8, so the 1252 fallback
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Café");
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_NE(doc.warnings[0].find("x-martian"), std::string::npos);
}

// Well-formed UTF-8 per RFC 3629: no overlongs, surrogates or code points past U+10FFFF.
bool IsWellFormedUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
    if (len > 1 && (c1 < lo || c1 > hi)) return false;
    for (size_t k = 2; k < len; ++k) {
      unsigned char ck = static_cast<unsigned char>(s[i + k]);
      if (ck < 0x80 || ck > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

TEST(ToUtf8Test, MapsDoubleEncodedCp1252ToShortestUtf8) {
  // "Šešelj" whose cp1252 bytes (8A, 9A) went through a latin-1 decoder, plus
  // the other eight cp1252 letters below U+0800 and two 3-byte ones.
  std::string used;
  std::string out = ToUtf8("\xC2\x8A" "e\xC2\x9A" "elj \xC2\x8C\xC2\x8E\xC2\x9C\xC2\x9E\xC2\x9F"
                           "\xC2\x83\xC2\x88\xC2\x98 \xC2\x80\xC2\x99",
                           "", &used);
  EXPECT_EQ(used, "utf-8");
  EXPECT_TRUE(IsWellFormedUtf8(out));
  EXPECT_EQ(out, "Šešelj ŒŽœžŸƒˆ˜ €™");
}

TEST(ParseCharsetTest, DoubleEncodedCp1252ItemLeavesLaterItemsIntact) {
  ParsedDocument doc = MustParse(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel>"
      "<item><title>Vojislav \xC2\x8A" "e\xC2\x9A" "elj</title></item>"
      "<item><title>M\xC3\xBCller und Gro\xC3\x9F</title><description>Paris \xE2\x80\x93 "
      "S\xC3\xA3o Paulo</description></item></channel></rss>");
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].title, "Vojislav Šešelj");
  EXPECT_EQ(doc.items[1].title, "Müller und Groß");
  EXPECT_EQ(doc.items[1].text, "Paris – São Paulo");
  for (const Item& item : doc.items) EXPECT_TRUE(IsWellFormedUtf8(item.title + item.text));
}

TEST(ToUtf8Test, IgnoresInDocumentUtf16LabelsOnAsciiPages) {
  for (const char* label : {"unicode", "ucs-2", "iso-10646-ucs-2", "utf-16", "utf-16le",
                            "utf-32", "csunicode", "ibm037"}) {
    std::string page = std::string("<html><head><meta charset=\"") + label +
                       "\"><title>Caf\xC3\xA9 Sanctions</title></head></html>";
    std::string used;
    std::string out = ToUtf8(page, "", &used);
    EXPECT_EQ(used, "utf-8") << label;
    EXPECT_EQ(out, page) << label;
    // Not UTF-8 either: the windows-1252 fallback, not a wide decoder.
    std::string latin = std::string("<?xml version=\"1.0\" encoding=\"") + label +
                        "\"?><rss><channel><title>Caf\xE9</title></channel></rss>";
    out = ToUtf8(latin, "", &used);
    EXPECT_EQ(used, "windows-1252") << label;
    EXPECT_NE(out.find("<title>Caf\xC3\xA9</title>"), std::string::npos) << label << ": " << out;
  }
  ParsedDocument doc = MustParse(
      "<html><head><meta charset=\"unicode\"><title>Minister resigns</title></head>"
      "<body><p>Sanctions on Gazprom</p></body></html>");
  EXPECT_EQ(doc.charset, "utf-8");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Minister resigns");
  EXPECT_EQ(doc.items[0].text, "Sanctions on Gazprom");
}

TEST(ToUtf8Test, IgnoresHttpUtf16LabelUnlessTheBodyIsWide) {
  std::string used;
  EXPECT_EQ(ToUtf8("<rss><title>Caf\xC3\xA9</title></rss>", "utf-16", &used),
            "<rss><title>Caf\xC3\xA9</title></rss>");
  EXPECT_EQ(used, "utf-8");
  EXPECT_EQ(ToUtf8("<p>ascii only</p>", "ucs-2", &used), "<p>ascii only</p>");
  EXPECT_EQ(used, "utf-8");
  // A real BOM-less UTF-16 body declared by HTTP is still decoded.
  EXPECT_EQ(ToUtf8(std::string("<\0r\0s\0s\0>\0\xE9\0", 12), "utf-16le", &used), "<rss>\xC3\xA9");
  EXPECT_EQ(used, "utf-16le");
  EXPECT_EQ(ToUtf8(std::string("\0<\0p\0>\0\xE9", 8), "utf-16be", &used), "<p>\xC3\xA9");
  EXPECT_EQ(used, "utf-16be");
  ParsedDocument doc = MustParse("<rss><channel><item><title>Plain ASCII</title></item>"
                                 "</channel></rss>",
                                 "application/rss+xml; charset=utf-16");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].title, "Plain ASCII");
  EXPECT_FALSE(doc.warnings.empty());
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

TEST(ToUtf8Test, LongBodiesConvertAcrossStepBoundaries) {
  // U+10000 is four bytes in GB18030 and a surrogate pair in UTF-16; with
  // a one-byte prefix, the conversion steps end in the middle of pairs and
  // of input sequences many times over.
  std::string body = "a";
  std::string want = "a";
  for (int i = 0; i < 100'000; ++i) {
    body += "\x90\x30\x81\x30";
    want += "\xF0\x90\x80\x80";
  }
  std::string used;
  std::string out = ToUtf8(body, "gb18030", &used);
  EXPECT_EQ(used, "gb18030");
  EXPECT_TRUE(out == want) << "sizes " << out.size() << " vs " << want.size();
}

TEST(ToUtf8Test, MapsC1ControlsOfLegacyCharsetsAcrossStepBoundaries) {
  // ISO-8859-2 decodes 0x80..0x9F to C1 controls; they are read as cp1252
  // punctuation (0x92 = U+2019), also deep inside a long body.
  std::string body(200'000, 'x');
  body += "don\x92t";
  std::string out = ToUtf8(body, "iso-8859-2", nullptr);
  EXPECT_EQ(out.substr(200'000), "don\xE2\x80\x99t");
}

// Peak resident memory (VmHWM) since the last ResetPeakRss(), in bytes.
int64_t PeakRssBytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) * 1024;
  }
  return -1;
}

int64_t RssBytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6)) * 1024;
  }
  return -1;
}

// Linux resets VmHWM to the current RSS when "5" is written to clear_refs.
bool ResetPeakRss() { return static_cast<bool>(std::ofstream("/proc/self/clear_refs") << "5"); }

TEST(ToUtf8Test, SixteenMebibyteLegacyBodyCostsLittleMoreThanItsOutput) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "sanitizer allocators keep freed memory; RSS says nothing here";
#endif
  // Mostly ASCII with a cp1252 letter every 64 bytes, as a Western news
  // page in windows-1252 is.
  const size_t size = 16u << 20;
  std::string body(size, 'a');
  for (size_t i = 0; i < size; i += 64) body[i] = '\xE9';  // é
  body[1] = '\x92';  // a C1 quote, so the cp1252 mapping runs
  if (!ResetPeakRss()) GTEST_SKIP() << "cannot reset VmHWM (/proc/self/clear_refs)";
  int64_t before = RssBytes();
  if (PeakRssBytes() > before + (1 << 20)) GTEST_SKIP() << "VmHWM reset not supported";
  std::string out = ToUtf8(body, "windows-1252", nullptr);
  int64_t overhead = PeakRssBytes() - before;
  // Every 64th byte is é (two bytes in UTF-8), the quote is three.
  ASSERT_EQ(out.size(), size + size / 64 + 2);
  EXPECT_EQ(out.substr(0, 5), "\xC3\xA9\xE2\x80\x99");
  std::cerr << "16 MiB windows-1252 body: output " << out.size() / 1024 << " KiB, peak overhead "
            << overhead / 1024 << " KiB (" << static_cast<double>(overhead) / size
            << "x the body)\n";
  // The whole-body UTF-16 copy and worst-case UTF-8 buffer took ~7x.
  EXPECT_LT(overhead, static_cast<int64_t>(size) * 3 / 2);
}

}  // namespace
}  // namespace vigil
