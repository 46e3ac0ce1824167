#include "vigil/match/matcher.h"

#include <memory>
#include <utility>

#include "matcher_builder.h"
#include "matcher_index.h"
#include "matcher_scan.h"

// Matching has three phases, each in its files: the builder compiles the
// lists into an immutable MatcherIndex (matcher_builder.cc), the scan finds
// its names in a text (matcher_scan.cc), and the context and false-alarm
// rules judge each hit (match_rules.cc). This file joins them behind
// Matcher.

namespace vigil {
namespace {

// The Matcher over one MatcherIndex, which it owns. Scan() keeps all state
// on its stack (and in per-thread buffers), so it is thread-safe.
class IndexedMatcher final : public Matcher {
 public:
  explicit IndexedMatcher(std::unique_ptr<const match_internal::MatcherIndex> index)
      : index_(std::move(index)) {}

  std::vector<Match> Scan(std::string_view text, const ScanOptions& options) const override {
    return match_internal::Scan(*index_, text, options);
  }
  size_t name_count() const override { return index_->payloads.size(); }

 private:
  std::unique_ptr<const match_internal::MatcherIndex> index_;
};

}  // namespace

Result<std::shared_ptr<const Matcher>> Matcher::Build(
    const std::vector<Watchlist>& watchlists, const std::vector<KeywordList>& keywords) {
  Result<std::unique_ptr<const match_internal::MatcherIndex>> index =
      match_internal::BuildIndex(watchlists, keywords);
  if (!index.ok()) return index.status();
  return std::shared_ptr<const Matcher>(std::make_shared<IndexedMatcher>(std::move(index).value()));
}

}  // namespace vigil
