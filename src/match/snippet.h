// Context around a match, for alerts and the hit store.
#ifndef VIGIL_SRC_MATCH_SNIPPET_H_
#define VIGIL_SRC_MATCH_SNIPPET_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vigil {

inline constexpr size_t kSnippetContextBytes = 80;

// text[start, end) with about `context` bytes either side. The cut points lie
// on UTF-8 character boundaries and, when one is near (within a quarter of
// `context`), on whitespace; "…" marks a cut. Runs of whitespace and control
// characters collapse to one space, and invalid UTF-8 becomes U+FFFD, so the
// result is always valid UTF-8. Requires start <= end <= text.size().
std::string MakeSnippet(std::string_view text, size_t start, size_t end,
                        size_t context = kSnippetContextBytes);

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_SNIPPET_H_
