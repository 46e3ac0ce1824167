// Everything a running Vigil derives from its config file: the config, the
// loaded watchlists and the compiled matcher. Built as a whole so a reload
// either succeeds completely or leaves the old one in place.
#ifndef VIGIL_DAEMON_RUNTIME_H_
#define VIGIL_DAEMON_RUNTIME_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/config/config.h"
#include "vigil/match/matcher.h"
#include "vigil/parse/parser.h"
#include "vigil/watchlist/watchlist.h"

namespace vigil {

struct Runtime {
  Config config;
  std::vector<Watchlist> watchlists;
  std::shared_ptr<const Matcher> matcher;
  size_t entity_count = 0;
};

// Loads the config, every watchlist it names, and compiles the matcher.
// Errors are "file:line:col: message" lines (config and watchlists) or a
// matcher build error.
Result<Runtime> LoadRuntime(const std::filesystem::path& config_file);

// The text matched and stored for an item: the title, a blank line, then the
// text; for plain-text documents just the text (so offsets of `vigil scan`
// over a UTF-8 text file are offsets into the file).
std::string DocumentText(const Item& item, DocumentKind kind);

}  // namespace vigil

#endif  // VIGIL_DAEMON_RUNTIME_H_
