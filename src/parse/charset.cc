#include "charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "vigil/parse/parser.h"

namespace vigil::parse_internal {
namespace {

// How far into the document a charset declaration is looked for.
constexpr size_t kDeclarationWindow = 2048;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  const char* ws = " \t\r\n\"'";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

// Length of the well-formed UTF-8 sequence at s[i], or 0 if ill-formed.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return len;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Replaces undecodable input with U+FFFD: ICU's default substitutes U+001A
// for unassigned bytes in some code pages, which would leak a control char.
void SubstituteReplacementChar(const void*, UConverterToUnicodeArgs* args, const char*,
                               int32_t, UConverterCallbackReason reason,
                               UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to do
  *err = U_ZERO_ERROR;
  static const UChar kReplacement[] = {0xFFFD};
  ucnv_cbToUWriteUChars(args, kReplacement, 1, 0, err);
}

ConverterPtr OpenConverter(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(name.c_str(), &err));
  if (U_FAILURE(err)) return nullptr;
  return conv;
}

// True if the charset decodes printable ASCII and line breaks to
// themselves. Not so for UTF-16/32 (two or four bytes a character), EBCDIC
// or UTF-7; a document whose declaration we found by ASCII matching cannot
// be in one of those. '\\' and '~' are left out: legacy Asian charsets map
// them to yen, won or overline and are still ASCII-based.
bool IsAsciiCompatible(const std::string& charset) {
  ConverterPtr conv = OpenConverter(charset);
  if (!conv) return false;
  if (ucnv_getMinCharSize(conv.get()) > 1) return false;
  std::string ascii = "\t\n\r";
  for (char c = 0x20; c < 0x7F; ++c) {
    if (c != '\\' && c != '~') ascii.push_back(c);
  }
  UChar decoded[128];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv.get(), decoded, 128, ascii.data(),
                            static_cast<int32_t>(ascii.size()), &err);
  if (U_FAILURE(err) || n != static_cast<int32_t>(ascii.size())) return false;
  for (int32_t k = 0; k < n; ++k) {
    if (decoded[k] != static_cast<UChar>(ascii[static_cast<size_t>(k)])) return false;
  }
  return true;
}

// True if `charset` takes two or more bytes a character (UTF-16/32, UCS-2).
bool IsWideCharset(const std::string& charset) {
  ConverterPtr conv = OpenConverter(charset);
  return conv != nullptr && ucnv_getMinCharSize(conv.get()) > 1;
}

// Text in a wide charset is full of NUL bytes (every ASCII character has
// one); an ASCII-compatible body has none.
bool LooksWide(std::string_view bytes) {
  return bytes.substr(0, kDeclarationWindow).find('\0') != std::string_view::npos;
}

// windows-1252 for the C1 range U+0080..U+009F, see MapC1ToCp1252.
constexpr char16_t kCp1252C1[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// C1 controls in decoded text are almost always windows-1252 punctuation
// that went through a latin-1 decoder ("don\u0092t"); map them back.
inline UChar MapC1ToCp1252(UChar c) {
  return c >= 0x80 && c <= 0x9F ? static_cast<UChar>(kCp1252C1[c - 0x80]) : c;
}

// UTF-16 units converted per step. The body is converted in steps so only
// one small UTF-16 buffer exists beside the UTF-8 result (a whole-body
// UTF-16 copy and a worst-case UTF-8 buffer cost 7x the body).
constexpr int32_t kChunkUnits = 32 * 1024;

// Converts with ICU; the result is valid UTF-8 with C1 controls mapped as
// DemoronizeC1 does.
std::string ConvertWithIcu(std::string_view bytes, const std::string& charset,
                           bool* replaced) {
  ConverterPtr conv = OpenConverter(charset);
  if (!conv) return RepairUtf8(bytes, replaced);
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), SubstituteReplacementChar, nullptr, nullptr, nullptr,
                      &err);
  // +1: a lead surrogate carried over from the previous step.
  UChar units[kChunkUnits + 1];
  int32_t carried = 0;
  bool any_replaced = false;
  std::string out;
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  bool sized = false;
  while (true) {
    UChar* target = units + carried;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, units + carried + kChunkUnits, &source, source_end,
                   nullptr, /*flush=*/true, &err);
    bool more = err == U_BUFFER_OVERFLOW_ERROR;
    if (U_FAILURE(err) && !more) return RepairUtf8(bytes, replaced);
    int32_t count = static_cast<int32_t>(target - units);
    // A surrogate pair split across steps is completed by the next one.
    int32_t keep = more && count > 0 && U16_IS_LEAD(units[count - 1]) ? 1 : 0;
    int32_t convert = count - keep;
    for (int32_t k = 0; k < convert; ++k) {
      if (units[k] == 0xFFFD) any_replaced = true;
      units[k] = MapC1ToCp1252(units[k]);
    }
    size_t at = out.size();
    out.resize(at + static_cast<size_t>(convert) * 3);
    int32_t out_len = 0;
    err = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data() + at, static_cast<int32_t>(out.size() - at), &out_len, units,
                       convert, 0xFFFD, nullptr, &err);
    if (U_FAILURE(err)) return RepairUtf8(bytes, replaced);
    out.resize(at + static_cast<size_t>(out_len));
    if (!sized && more) {
      // Size the result once, from the first step's expansion (UTF-8
      // bytes per input byte, +10%, plus room for one step's worst case),
      // so a large body is not copied by repeated growth.
      sized = true;
      size_t consumed = static_cast<size_t>(source - bytes.data());
      double ratio = consumed > 0 ? static_cast<double>(out.size()) / static_cast<double>(consumed)
                                  : 1.0;
      size_t estimate = static_cast<size_t>(ratio * 1.1 * static_cast<double>(bytes.size()));
      out.reserve(std::min(estimate, bytes.size() * 3) + kChunkUnits * 3);
    }
    if (keep == 1) units[0] = units[count - 1];
    carried = keep;
    if (!more) break;
  }
  if (replaced != nullptr) *replaced = any_replaced;
  return out;
}

struct BomInfo {
  const char* charset;
  size_t length;
};

BomInfo DetectBom(std::string_view b) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  if (starts("\xEF\xBB\xBF")) return {"utf-8", 3};
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) return {"utf-32le", 4};
  if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) return {"utf-32be", 4};
  if (starts("\xFF\xFE")) return {"utf-16le", 2};
  if (starts("\xFE\xFF")) return {"utf-16be", 2};
  return {nullptr, 0};
}

// BOM-less UTF-16/32 announce themselves by the layout of "<?" or "<".
const char* DetectWideWithoutBom(std::string_view b) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  if (starts(std::string_view("\x3C\x00\x00\x00", 4))) return "utf-32le";
  if (starts(std::string_view("\x00\x00\x00\x3C", 4))) return "utf-32be";
  if (starts(std::string_view("\x3C\x00\x3F\x00", 4))) return "utf-16le";
  if (starts(std::string_view("\x00\x3C\x00\x3F", 4))) return "utf-16be";
  return nullptr;
}

// Value following `key` (e.g. "encoding" or "charset") up to a delimiter.
std::string ValueAfter(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '=' || text[pos] == '"' ||
                               text[pos] == '\'')) {
    ++pos;
  }
  size_t end = pos;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                               text[end] == '-' || text[end] == '_' || text[end] == '.' ||
                               text[end] == ':')) {
    ++end;
  }
  return std::string(text.substr(pos, end - pos));
}

// Looks for <?xml encoding="..."?> or an HTML <meta> charset in the head.
std::string FindInDocumentDeclaration(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, kDeclarationWindow));
  size_t xml = head.find("<?xml");
  if (xml != std::string::npos) {
    size_t end = head.find("?>", xml);
    size_t enc = head.find("encoding", xml);
    if (enc != std::string::npos && (end == std::string::npos || enc < end)) {
      return ValueAfter(head, enc + 8);
    }
  }
  for (size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    size_t end = head.find('>', meta);
    size_t cs = head.find("charset", meta);
    if (cs != std::string::npos && (end == std::string::npos || cs < end)) {
      return ValueAfter(head, cs + 7);
    }
  }
  return {};
}

// Shortest UTF-8 form of `cp` (1-4 bytes); several cp1252 letters such as
// U+0160 Š are below U+0800 and need two.
void AppendUtf8(char32_t cp, std::string* out) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(cp));
  out->append(buffer, static_cast<size_t>(length));
}

// DemoronizeC1 for UTF-8 text: U+0080..U+009F (C2 80..C2 9F) become their
// windows-1252 characters. Returns `s` itself when there are none.
std::string DemoronizeC1(std::string s) {
  auto is_c1 = [&](size_t i) {
    return s[i] == '\xC2' && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
           static_cast<unsigned char>(s[i + 1]) <= 0x9F;
  };
  size_t first = s.find('\xC2');
  while (first != std::string::npos && !is_c1(first)) first = s.find('\xC2', first + 1);
  if (first == std::string::npos) return s;
  std::string out;
  out.reserve(s.size() + 16);
  out.append(s, 0, first);
  for (size_t i = first; i < s.size(); ++i) {
    if (is_c1(i)) {
      AppendUtf8(kCp1252C1[static_cast<unsigned char>(s[i + 1]) - 0x80], &out);
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len = Utf8SequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string RepairUtf8(std::string_view s, bool* replaced) {
  std::string out;
  out.reserve(s.size());
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    size_t len = Utf8SequenceLength(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      any = true;
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  if (replaced != nullptr) *replaced = any;
  return out;
}

std::string NormalizeCharsetLabel(std::string_view label) {
  std::string l = AsciiLower(Trim(label));
  if (l.empty()) return {};
  static const char* const kWindows1252Aliases[] = {
      "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-8859-1:1987", "latin1", "latin-1",
      "l1",         "us-ascii",  "ascii",      "ansi_x3.4-1968",  "cp819",  "ibm819",
      "cp1252",     "x-cp1252",  "windows-1252", "iso-ir-100", "csisolatin1"};
  for (const char* alias : kWindows1252Aliases) {
    if (l == alias) return "windows-1252";
  }
  if (l == "utf8" || l == "utf-8" || l == "unicode-1-1-utf-8") return "utf-8";
  if (!OpenConverter(l)) return {};
  return l;
}

std::string CharsetFromContentType(std::string_view content_type) {
  std::string lower = AsciiLower(content_type);
  size_t pos = lower.find("charset");
  if (pos == std::string::npos) return {};
  return ValueAfter(lower, pos + 7);
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view declared,
                         std::string* used_charset, std::vector<std::string>* warnings) {
  auto warn = [&](std::string w) {
    if (warnings != nullptr) warnings->push_back(std::move(w));
  };
  std::string charset;
  BomInfo bom = DetectBom(bytes);
  if (bom.charset != nullptr) {
    charset = bom.charset;
    bytes.remove_prefix(bom.length);
  }
  if (charset.empty() && !Trim(declared).empty()) {
    charset = NormalizeCharsetLabel(declared);
    if (charset.empty()) warn("unknown HTTP charset '" + std::string(Trim(declared)) + "'");
    if (!charset.empty() && IsWideCharset(charset) && !LooksWide(bytes)) {
      // Without a BOM and without NUL bytes the body cannot be UTF-16/32.
      warn("ignored HTTP charset '" + charset + "' for a body without NUL bytes");
      charset.clear();
    }
  }
  if (charset.empty()) {
    if (const char* wide = DetectWideWithoutBom(bytes)) charset = wide;
  }
  if (charset.empty()) {
    std::string in_doc = FindInDocumentDeclaration(bytes);
    if (!in_doc.empty()) {
      charset = NormalizeCharsetLabel(in_doc);
      if (charset.empty()) warn("unknown declared charset '" + in_doc + "'");
      // We read the declaration as ASCII, so the document is not UTF-16,
      // EBCDIC or the like whatever it says (WHATWG treats a meta-declared
      // UTF-16 the same way); fall through to the UTF-8 check.
      if (!charset.empty() && !IsAsciiCompatible(charset)) {
        warn("ignored declared charset '" + in_doc + "' in an ASCII-compatible document");
        charset.clear();
      }
    }
  }
  if (charset.empty()) charset = IsValidUtf8(bytes) ? "utf-8" : "windows-1252";

  bool replaced = false;
  // ConvertWithIcu maps C1 controls as it goes; UTF-8 input is mapped after
  // (without a copy when it has none).
  std::string out = charset == "utf-8" ? DemoronizeC1(RepairUtf8(bytes, &replaced))
                                       : ConvertWithIcu(bytes, charset, &replaced);
  if (replaced) warn("invalid bytes for charset " + charset + " replaced with U+FFFD");
  if (used_charset != nullptr) *used_charset = charset;
  return out;
}

}  // namespace vigil::parse_internal

namespace vigil {

std::string ToUtf8(std::string_view bytes, std::string_view declared_charset,
                   std::string* used_charset) {
  return parse_internal::DecodeToUtf8(bytes, declared_charset, used_charset, nullptr);
}

}  // namespace vigil
