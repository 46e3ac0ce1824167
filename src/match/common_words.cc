#include "common_words.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigil::match_internal {
namespace {

using Table = std::unordered_map<std::string_view, WordClass>;

// Parsed once, on first use, then only read. Keys point into the embedded
// text; capitalised entries are stored lower-cased in `lowered`.
struct WordTable {
  std::string lowered;
  Table words;

  WordTable() {
    std::string_view text = CommonWordsText();
    lowered.reserve(text.size());
    // One entry a line: sized once, not rehashed as it fills.
    words.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    size_t pos = 0;
    std::vector<std::pair<size_t, size_t>> proper;  // (offset, length) in lowered
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      if (line.empty() || line[0] == '#') continue;
      if (line[0] >= 'A' && line[0] <= 'Z') {
        size_t offset = lowered.size();
        for (char c : line) lowered += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        proper.emplace_back(offset, line.size());
      } else {
        words[line] = WordClass::kOrdinary;
      }
    }
    // `lowered` is complete: views into it are stable now.
    for (auto [offset, length] : proper) {
      words.emplace(std::string_view(lowered).substr(offset, length), WordClass::kProperNoun);
    }
  }
};

const WordTable& Words() {
  static const WordTable table;
  return table;
}

}  // namespace

WordClass ClassifyWord(std::string_view normalized) {
  const Table& words = Words().words;
  auto it = words.find(normalized);
  if (it != words.end()) return it->second;
  // The list is American English; company names are often British:
  // centre, defence, organisation, colour.
  auto ends = [&](std::string_view tail) {
    return normalized.size() > tail.size() + 2 &&
           normalized.substr(normalized.size() - tail.size()) == tail;
  };
  auto american = [&](std::string_view tail, std::string_view replacement) -> WordClass {
    std::string w(normalized.substr(0, normalized.size() - tail.size()));
    w += replacement;
    auto found = words.find(w);
    return found == words.end() ? WordClass::kName : found->second;
  };
  if (ends("tre")) return american("tre", "ter");
  if (ends("ence")) return american("ence", "ense");
  if (ends("isation")) return american("isation", "ization");
  if (ends("isations")) return american("isations", "izations");
  if (ends("ise")) return american("ise", "ize");
  if (ends("our")) return american("our", "or");
  if (ends("ogue")) return american("ogue", "og");
  return WordClass::kName;
}

bool IsForeignWord(std::string_view normalized) {
  // A binary search over the embedded text itself: no table to build or
  // keep, for a lookup made only on a few hits of a scan. Each probe backs
  // up from a byte to the start of its line.
  static const std::string_view kWords = [] {
    std::string_view text = ForeignWordsText();
    size_t pos = 0;
    while (pos < text.size() && text[pos] == '#') {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) return std::string_view();
      pos = eol + 1;
    }
    return text.substr(pos);
  }();
  if (normalized.empty()) return false;
  size_t lo = 0;
  size_t hi = kWords.size();  // [lo, hi): line starts lie in it, lo is one
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    while (mid > lo && kWords[mid - 1] != '\n') --mid;
    size_t eol = kWords.find('\n', mid);
    if (eol == std::string_view::npos) eol = kWords.size();
    std::string_view word = kWords.substr(mid, eol - mid);
    if (word == normalized) return true;
    if (word < normalized) {
      lo = eol + 1;
    } else {
      hi = mid;
    }
  }
  return false;
}

}  // namespace vigil::match_internal
