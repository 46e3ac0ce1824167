// Everything a running Vigil derives from its config file: the config, the
// loaded watchlists and the compiled matcher. Built as a whole so a reload
// either succeeds completely or leaves the old one in place.
#ifndef VIGIL_RUNTIME_RUNTIME_H_
#define VIGIL_RUNTIME_RUNTIME_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/config/config.h"
#include "vigil/match/matcher.h"
#include "vigil/model/watchlist.h"

namespace vigil {

struct Runtime {
  Config config;
  std::vector<Watchlist> watchlists;
  std::shared_ptr<const Matcher> matcher;
  size_t entity_count = 0;
  // Downloaded lists (watchlists[].url) in use, from their cached copy:
  // id -> when the server last confirmed that copy (Unix ms), or 0 when the
  // copy came from a different URL than the one configured now.
  std::map<std::string, int64_t> downloaded_lists;
  // Downloaded lists with no usable cached copy yet: not matched until a
  // download succeeds. Not an error (check-config never downloads).
  std::vector<std::string> missing_lists;
  // Problems that did not stop the load, e.g. a corrupted cached copy that
  // was ignored; one line each, for the log.
  std::vector<std::string> warnings;
};

// Loads the config, every watchlist it names, and compiles the matcher.
// Lists with a `url` are read from their cached copy in
// <storage dir>/lists/ (never downloaded here); without one they are
// reported in missing_lists. Errors are "file:line:col: message" lines
// (config and watchlists) or a matcher build error.
Result<Runtime> LoadRuntime(const std::filesystem::path& config_file);

// `base` with the given downloaded lists swapped in (matched by id; ids
// that are no longer url lists in base.config are ignored) and the matcher
// rebuilt. Slow for big lists: meant for a worker thread.
Result<Runtime> ReplaceWatchlists(const Runtime& base, std::vector<Watchlist> lists);

}  // namespace vigil

#endif  // VIGIL_RUNTIME_RUNTIME_H_
