// Feed date parsing: RFC 822/1123 (and the usual deviations) and
// RFC 3339 / ISO 8601 / W3CDTF.
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/parse/parser.h"
#include "xml_util.h"

namespace vigil {
namespace {

using parse_internal::AsciiLowerCopy;

struct Fields {
  int year = -1, month = -1, day = -1, hour = 0, minute = 0, second = 0, millis = 0;
  int offset_minutes = 0;
};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<int64_t> ToUnixMs(const Fields& f) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (f.year < 1 || f.year > 9999 || f.month < 1 || f.month > 12 || f.day < 1) {
    return std::nullopt;
  }
  int max_day = kDays[f.month - 1] + (f.month == 2 && IsLeap(f.year) ? 1 : 0);
  if (f.day > max_day || f.hour > 24 || f.minute > 59 || f.second > 60) return std::nullopt;
  int64_t days = DaysFromCivil(f.year, static_cast<unsigned>(f.month),
                               static_cast<unsigned>(f.day));
  int64_t secs = days * 86400 + f.hour * 3600 + f.minute * 60 + f.second -
                 static_cast<int64_t>(f.offset_minutes) * 60;
  return secs * 1000 + f.millis;
}

// Reads exactly `n` digits at s[*i].
std::optional<int> Digits(std::string_view s, size_t* i, size_t n) {
  if (*i + n > s.size()) return std::nullopt;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = s[*i + k];
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  *i += n;
  return v;
}

// "+05:30", "-0800", "+05", "Z" at s[*i]; true if consumed something valid.
bool NumericOffset(std::string_view s, size_t* i, int* minutes) {
  if (*i >= s.size()) return false;
  char sign = s[*i];
  if (sign == 'Z' || sign == 'z') {
    ++*i;
    *minutes = 0;
    return true;
  }
  if (sign != '+' && sign != '-') return false;
  size_t j = *i + 1;
  auto hh = Digits(s, &j, 2);
  if (!hh) return false;
  int mm = 0;
  if (j < s.size() && s[j] == ':') ++j;
  if (auto m = Digits(s, &j, 2)) mm = *m;
  *minutes = (sign == '-' ? -1 : 1) * (*hh * 60 + mm);
  *i = j;
  return true;
}

std::optional<int64_t> ParseIso8601(std::string_view s) {
  Fields f;
  size_t i = 0;
  auto year = Digits(s, &i, 4);
  if (!year) return std::nullopt;
  f.year = *year;
  f.month = 1;
  f.day = 1;
  bool basic = i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
  auto sep = [&](char c) {
    if (basic) return true;
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  };
  if (i == s.size()) return ToUnixMs(f);
  if (!sep('-')) return std::nullopt;
  auto month = Digits(s, &i, 2);
  if (!month) return std::nullopt;
  f.month = *month;
  if (i == s.size()) return ToUnixMs(f);
  if (!sep('-')) return std::nullopt;
  auto day = Digits(s, &i, 2);
  if (!day) return std::nullopt;
  f.day = *day;
  if (i == s.size()) return ToUnixMs(f);
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
  ++i;
  auto hour = Digits(s, &i, 2);
  if (!hour) return std::nullopt;
  f.hour = *hour;
  if (!sep(':')) return std::nullopt;
  auto minute = Digits(s, &i, 2);
  if (!minute) return std::nullopt;
  f.minute = *minute;
  if (i < s.size() && (s[i] == ':' || (basic && std::isdigit(static_cast<unsigned char>(s[i]))))) {
    if (s[i] == ':') ++i;
    auto second = Digits(s, &i, 2);
    if (!second) return std::nullopt;
    f.second = *second;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      int scale = 100;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        f.millis += (s[i] - '0') * scale;
        scale /= 10;
        ++i;
      }
    }
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i == s.size()) return ToUnixMs(f);  // no zone: treat as UTC
  if (!NumericOffset(s, &i, &f.offset_minutes)) return std::nullopt;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  if (i != s.size()) return std::nullopt;
  return ToUnixMs(f);
}

int MonthFromName(const std::string& word) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return -1;
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kMonths[m];
    if (word.compare(0, 3, name) != 0) continue;
    static const char* const kFull[] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
    std::string_view full = kFull[m];
    if (word.size() == 3 || full.substr(0, word.size()) == word ||
        (m == 8 && word == "sept")) {
      return m + 1;
    }
  }
  return -1;
}

std::optional<int> ZoneFromName(const std::string& word) {
  struct Zone {
    const char* name;
    int minutes;
  };
  static const Zone kZones[] = {
      {"ut", 0},        {"utc", 0},       {"gmt", 0},       {"z", 0},
      {"est", -5 * 60}, {"edt", -4 * 60}, {"cst", -6 * 60}, {"cdt", -5 * 60},
      {"mst", -7 * 60}, {"mdt", -6 * 60}, {"pst", -8 * 60}, {"pdt", -7 * 60},
      {"bst", 60},      {"cet", 60},      {"cest", 120},    {"met", 60},
      {"eet", 120},     {"eest", 180},    {"ist", 330},     {"jst", 540},
      {"aest", 600},    {"hst", -600},    {"akst", -540},   {"akdt", -480}};
  for (const Zone& z : kZones) {
    if (word == z.name) return z.minutes;
  }
  return std::nullopt;
}

bool IsWeekday(const std::string& w) {
  static const char* const kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (w.size() < 3) return false;
  for (const char* d : kDays) {
    if (w.compare(0, 3, d) == 0) return true;
  }
  return false;
}

// Splits into alphanumeric words, ':'-joined times and signed offsets.
std::vector<std::string> Tokenize(std::string_view s) {
  std::vector<std::string> tokens;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) tokens.push_back(cur);
    cur.clear();
  };
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '.') {
      // Separate letters glued to digits ("10:00GMT").
      if (!cur.empty() && (std::isalpha(static_cast<unsigned char>(c)) != 0) !=
                              (std::isalpha(static_cast<unsigned char>(cur.back())) != 0) &&
          cur[0] != '+' && cur[0] != '-') {
        flush();
      }
      cur.push_back(c);
    } else if ((c == '+' || c == '-') && (cur.empty() || cur.back() != ':')) {
      flush();
      cur.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool ParseClock(std::string_view t, Fields* f) {
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t start = 0;
  while (n < 3) {
    size_t colon = t.find(':', start);
    std::string_view p = t.substr(start, colon == std::string_view::npos ? t.npos : colon - start);
    size_t dot = p.find('.');
    if (dot != std::string_view::npos && n == 2) p = p.substr(0, dot);
    if (!AllDigits(p) || p.size() > 2) return false;
    parts[n++] = std::stoi(std::string(p));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (n < 2) return false;
  f->hour = parts[0];
  f->minute = parts[1];
  f->second = parts[2];
  return true;
}

// RFC 822 and friends: [weekday,] day month year [time] [zone], tolerating
// "month day year" order, missing seconds and two-digit years.
std::optional<int64_t> ParseRfc822(std::string_view s) {
  Fields f;
  std::vector<int> numbers;
  bool have_zone = false;
  for (const std::string& raw : Tokenize(s)) {
    std::string tok = AsciiLowerCopy(raw);
    if ((tok[0] == '+' || tok[0] == '-') && !std::isdigit(static_cast<unsigned char>(tok.back()))) {
      tok = tok.substr(1);  // a dash between words, e.g. "10-Jun-2003"
      if (tok.empty()) continue;
    }
    if (tok[0] == '+' || tok[0] == '-') {
      size_t i = 0;
      int minutes = 0;
      if (tok.size() <= 3 && AllDigits(tok.substr(1))) {
        f.offset_minutes = (tok[0] == '-' ? -60 : 60) * std::stoi(tok.substr(1));
      } else if (NumericOffset(tok, &i, &minutes) && i == tok.size()) {
        f.offset_minutes = minutes;
      } else {
        return std::nullopt;
      }
      have_zone = true;
    } else if (tok.find(':') != std::string::npos) {
      if (!ParseClock(tok, &f)) return std::nullopt;
    } else if (AllDigits(tok)) {
      if (tok.size() > 4) return std::nullopt;
      numbers.push_back(std::stoi(tok));
    } else if (int m = MonthFromName(tok); m > 0 && f.month < 0) {
      f.month = m;
    } else if (auto z = ZoneFromName(tok); z && !have_zone) {
      f.offset_minutes = *z;
      have_zone = true;
    } else if (!IsWeekday(tok) && tok != "at") {
      return std::nullopt;  // unknown word, e.g. a non-English month
    }
  }
  if (f.month < 0 || numbers.size() != 2) return std::nullopt;
  // Day and year: the year is the 4-digit one, or else the second number.
  int day = numbers[0], year = numbers[1];
  if (numbers[0] > 31) std::swap(day, year);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  f.day = day;
  f.year = year;
  return ToUnixMs(f);
}

}  // namespace

std::optional<int64_t> ParseFeedDate(std::string_view text) {
  std::string_view s = parse_internal::TrimWhitespace(text);
  if (s.empty() || s.size() > 100) return std::nullopt;
  if (s.size() >= 4 && std::isdigit(static_cast<unsigned char>(s[0])) &&
      std::isdigit(static_cast<unsigned char>(s[3]))) {
    if (auto iso = ParseIso8601(s)) return iso;
  }
  return ParseRfc822(s);
}

}  // namespace vigil
