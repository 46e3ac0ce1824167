// The matcher's last phase: finding an index's names in a text.
#ifndef VIGIL_SRC_MATCH_MATCHER_SCAN_H_
#define VIGIL_SRC_MATCH_MATCHER_SCAN_H_

#include <string_view>
#include <vector>

#include "matcher_index.h"
#include "vigil/match/matcher.h"

namespace vigil::match_internal {

// All matches of `index`'s names in `text`, as Matcher::Scan() documents.
// Cuts the text into words once, looks each up in the vocabulary (and, for
// capitalised words, in the index of spelling skeletons), walks the trie
// from each usable word, has the rules (match_rules.h) judge each hit, and
// keeps the best of overlapping ones. Keeps its state on its stack and in
// per-thread buffers, so it is thread-safe.
std::vector<Match> Scan(const MatcherIndex& index, std::string_view text,
                        const ScanOptions& options);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_MATCHER_SCAN_H_
