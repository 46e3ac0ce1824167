#include "fuzzy.h"

#include <algorithm>
#include <array>

namespace vigil::match_internal {
namespace {

// Bit (c - 'a') set for the vowels a e i o u y.
constexpr uint32_t kVowels = (1u << 0) | (1u << 4) | (1u << 8) | (1u << 14) | (1u << 20) | (1u << 24);

bool IsVowel(char c) {
  auto i = static_cast<unsigned>(c - 'a');
  return i < 26 && ((kVowels >> i) & 1) != 0;
}

}  // namespace

size_t SkeletonInto(std::string_view word, char* out) {
  const size_t n = word.size();
  auto at = [&](size_t k) { return k < n ? word[k] : '\0'; };
  size_t i = 0;
  if (n >= 2 && word[0] == 'y' && IsVowel(word[1])) i = 1;
  // One pass: each letter, or digraph, maps to one or two letters (ph->f,
  // x->ks, ...), which are then kept as consonants, dropped as vowels (a
  // leading one becomes "a"), or dropped as a repeat.
  size_t k = 0;
  bool first = true;
  char last_mapped = '\0';
  // Without branches: vowels and consonants alternate unpredictably.
  auto emit = [&](char c) {
    bool vowel = IsVowel(c);
    bool repeat = k > 0 && out[k - 1] == c;
    out[k] = vowel ? 'a' : c;
    k += vowel ? first : !repeat;
    first = false;
    last_mapped = c;
  };
  // Letters that start a digraph or map to another letter.
  constexpr uint32_t kSpecial = (1u << ('p' - 'a')) | (1u << ('d' - 'a')) | (1u << ('z' - 'a')) |
                                (1u << ('k' - 'a')) | (1u << ('s' - 'a')) | (1u << ('c' - 'a')) |
                                (1u << ('q' - 'a')) | (1u << ('x' - 'a')) | (1u << ('w' - 'a')) |
                                (1u << ('j' - 'a'));
  for (; i < n; ++i) {
    char c = word[i];
    auto letter = static_cast<unsigned>(c - 'a');
    if (letter >= 26) return 0;
    if (!((kSpecial >> letter) & 1)) {
      emit(c);
      continue;
    }
    char next = at(i + 1);
    switch (c) {
      case 'p':
        if (next == 'h') {
          emit('f');
          ++i;
        } else {
          emit(c);
        }
        break;
      case 'd':
        if (next == 'z' && at(i + 2) == 'h') {
          emit('j');
          i += 2;
        } else if (next == 'j') {
          emit('j');
          ++i;
        } else {
          emit(c);
        }
        break;
      case 'z':
        if (next == 'h') {
          emit('j');
          ++i;
        } else {
          emit(c);
        }
        break;
      case 'k':
        if (next == 'h') {
          emit('h');
          ++i;
        } else {
          emit(c);
        }
        break;
      case 's':
        if (next == 'c' && at(i + 2) == 'h') {
          emit('s');
          i += 2;
        } else if (next == 'h') {
          emit('s');
          ++i;
        } else {
          emit(c);
        }
        break;
      case 'c':
        emit('k');
        if (next == 'k') ++i;
        break;
      case 'q':
        emit('k');
        break;
      case 'x':
        emit('k');
        emit('s');
        break;
      case 'w':
        emit('v');
        break;
      case 'j':
        emit(!first && IsVowel(last_mapped) && !IsVowel(next) ? 'i' : c);
        break;
      default:
        emit(c);
    }
  }
  if (k > 1 && out[k - 1] == 'h') --k;
  return k;
}

std::string Skeleton(std::string_view word) {
  std::string key(2 * word.size(), '\0');
  key.resize(SkeletonInto(word, key.data()));
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
