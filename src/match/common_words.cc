#include "common_words.h"

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
    Table ordinary_first;
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
  return it == words.end() ? WordClass::kName : it->second;
}

}  // namespace vigil::match_internal
