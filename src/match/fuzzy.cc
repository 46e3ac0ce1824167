#include "fuzzy.h"

#include <algorithm>
#include <array>

namespace vigil::match_internal {
namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

}  // namespace

std::string Skeleton(std::string_view word) {
  for (char c : word) {
    if (c < 'a' || c > 'z') return {};
  }
  size_t i = 0;
  if (word.size() >= 2 && word[0] == 'y' && IsVowel(word[1])) i = 1;
  // First pass: digraphs to single letters.
  std::string mapped;
  mapped.reserve(word.size() + 2);
  for (; i < word.size(); ++i) {
    char c = word[i];
    auto next = [&](size_t k) { return i + k < word.size() ? word[i + k] : '\0'; };
    if (c == 'p' && next(1) == 'h') {
      mapped += 'f';
      ++i;
    } else if (c == 'd' && next(1) == 'z' && next(2) == 'h') {
      mapped += 'j';
      i += 2;
    } else if ((c == 'd' && next(1) == 'j') || (c == 'z' && next(1) == 'h')) {
      mapped += 'j';
      ++i;
    } else if (c == 'k' && next(1) == 'h') {
      mapped += 'h';
      ++i;
    } else if (c == 's' && next(1) == 'c' && next(2) == 'h') {
      mapped += 's';
      i += 2;
    } else if (c == 's' && next(1) == 'h') {
      mapped += 's';
      ++i;
    } else if (c == 'c' && next(1) == 'k') {
      mapped += 'k';
      ++i;
    } else if (c == 'c' || c == 'q') {
      mapped += 'k';
    } else if (c == 'x') {
      mapped += "ks";
    } else if (c == 'w') {
      mapped += 'v';
    } else if (c == 'j' && !mapped.empty() && IsVowel(mapped.back()) && !IsVowel(next(1))) {
      mapped += 'i';
    } else {
      mapped += c;
    }
  }
  std::string key;
  key.reserve(mapped.size());
  for (size_t k = 0; k < mapped.size(); ++k) {
    char c = mapped[k];
    if (IsVowel(c)) {
      if (k == 0) key += 'a';
      continue;
    }
    if (!key.empty() && key.back() == c) continue;
    key += c;
  }
  if (key.size() > 1 && key.back() == 'h') key.pop_back();
  return key;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a.size() > 64 || b.size() > 64) return a == b ? 1.0 : 0.0;
  size_t window = std::max(a.size(), b.size()) / 2;
  window = window > 0 ? window - 1 : 0;
  std::array<bool, 64> a_matched{};
  std::array<bool, 64> b_matched{};
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t lo = i > window ? i - window : 0;
    size_t hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (b_matched[j] || a[i] != b[j]) continue;
      a_matched[i] = b_matched[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  double m = static_cast<double>(matches);
  double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                 (m - static_cast<double>(transpositions) / 2.0) / m) /
                3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

}  // namespace vigil::match_internal
