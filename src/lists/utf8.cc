// UTF-8 repair for list files, which come from many producers.
#include <cstdint>

#include "csv_reader.h"

namespace vigil {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid sequence starting at `s[i]`, or 0 if it is invalid.
// Ranges per RFC 3629 (no overlongs, no surrogates, at most U+10FFFF).
size_t ValidSequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  auto cont = [&](size_t k, uint8_t lo = 0x80, uint8_t hi = 0xBF) {
    return k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  uint8_t b = byte(i);
  if (b >= 0xC2 && b <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
  if (b == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
  if (b >= 0xE1 && b <= 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (b == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b >= 0xF1 && b <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

}  // namespace

void AppendSanitizedUtf8(std::string& out, std::string_view bytes) {
  size_t i = 0;
  size_t clean_from = 0;  // start of the valid run not yet copied
  while (i < bytes.size()) {
    if (static_cast<uint8_t>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t length = ValidSequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    out.append(bytes.substr(clean_from, i - clean_from));
    out.append(kReplacement);
    ++i;  // one U+FFFD per bad byte: simple and never swallows good text
    clean_from = i;
  }
  out.append(bytes.substr(clean_from));
}

std::string SanitizeUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  AppendSanitizedUtf8(out, bytes);
  return out;
}

}  // namespace vigil
