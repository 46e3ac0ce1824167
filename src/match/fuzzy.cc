#include "fuzzy.h"

#include <algorithm>
#include <array>

namespace vigil::match_internal {
namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

}  // namespace

size_t SkeletonInto(std::string_view word, char* out, char* scratch) {
  for (char c : word) {
    if (c < 'a' || c > 'z') return 0;
  }
  size_t i = 0;
  if (word.size() >= 2 && word[0] == 'y' && IsVowel(word[1])) i = 1;
  // First pass: digraphs to single letters.
  char* mapped = scratch;
  size_t m = 0;
  for (; i < word.size(); ++i) {
    char c = word[i];
    auto next = [&](size_t k) { return i + k < word.size() ? word[i + k] : '\0'; };
    if (c == 'p' && next(1) == 'h') {
      mapped[m++] = 'f';
      ++i;
    } else if (c == 'd' && next(1) == 'z' && next(2) == 'h') {
      mapped[m++] = 'j';
      i += 2;
    } else if ((c == 'd' && next(1) == 'j') || (c == 'z' && next(1) == 'h')) {
      mapped[m++] = 'j';
      ++i;
    } else if (c == 'k' && next(1) == 'h') {
      mapped[m++] = 'h';
      ++i;
    } else if (c == 's' && next(1) == 'c' && next(2) == 'h') {
      mapped[m++] = 's';
      i += 2;
    } else if (c == 's' && next(1) == 'h') {
      mapped[m++] = 's';
      ++i;
    } else if (c == 'c' && next(1) == 'k') {
      mapped[m++] = 'k';
      ++i;
    } else if (c == 'c' || c == 'q') {
      mapped[m++] = 'k';
    } else if (c == 'x') {
      mapped[m++] = 'k';
      mapped[m++] = 's';
    } else if (c == 'w') {
      mapped[m++] = 'v';
    } else if (c == 'j' && m > 0 && IsVowel(mapped[m - 1]) && !IsVowel(next(1))) {
      mapped[m++] = 'i';
    } else {
      mapped[m++] = c;
    }
  }
  size_t k = 0;
  for (size_t j = 0; j < m; ++j) {
    char c = mapped[j];
    if (IsVowel(c)) {
      if (j == 0) out[k++] = 'a';
      continue;
    }
    if (k > 0 && out[k - 1] == c) continue;
    out[k++] = c;
  }
  if (k > 1 && out[k - 1] == 'h') --k;
  return k;
}

std::string Skeleton(std::string_view word) {
  std::string scratch(2 * word.size(), '\0');
  std::string key(2 * word.size(), '\0');
  key.resize(SkeletonInto(word, key.data(), scratch.data()));
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
