#include "commands.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "vigil/alert/payload.h"
#include "vigil/daemon/daemon.h"
#include "vigil/base/time.h"
#include "vigil/runtime/runtime.h"
#include "vigil/parse/parser.h"
#include "vigil/pipeline/document_text.h"

namespace vigil {

int CheckConfigCommand(const std::filesystem::path& config_file) {
  Result<Runtime> runtime = LoadRuntime(config_file);
  if (!runtime.ok()) {
    std::cerr << runtime.status().message() << "\n";
    return kExitConfig;
  }
  const Runtime& r = *runtime;
  // Skipped list rows and unusable cached copies do not fail the check, but
  // the operator should see them before the daemon runs with them.
  for (const std::string& warning : r.warnings) std::cerr << "warning: " << warning << "\n";
  for (const std::string& id : r.missing_lists) {
    std::cerr << "warning: watchlist '" << id
              << "' has not been downloaded yet; the daemon fetches it at start\n";
  }
  std::cout << config_file.string() << ": ok: " << r.config.sources.size() << " sources, "
            << r.watchlists.size() << " watchlists (" << r.entity_count << " entities, "
            << r.matcher->name_count() << " name variants), " << r.config.keywords.size()
            << " keyword groups, " << r.config.webhooks.size() << " webhooks\n";
  return kExitOk;
}

namespace {

Result<std::string> ReadInput(const std::string& input) {
  std::ostringstream bytes;
  if (input == "-") {
    bytes << std::cin.rdbuf();
    return bytes.str();
  }
  std::error_code error;
  if (std::filesystem::is_directory(input, error)) return Status::Error(input + ": is a folder");
  std::ifstream file(input, std::ios::binary);
  if (!file) return Status::Error(input + ": cannot open");
  // operator<< on a streambuf swallows read errors; read explicitly instead.
  std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) return Status::Error(input + ": read error");
  return data;
}

nlohmann::ordered_json MatchJson(const std::string& input, const ParsedDocument& document,
                                 size_t item_index, const Match& match, bool explain) {
  const Item& item = document.items[item_index];
  nlohmann::ordered_json line = {{"input", input}};
  if (document.items.size() > 1 || document.kind != DocumentKind::kText) {
    line["item"] = item_index;
    if (!item.link.empty()) line["link"] = item.link;
  }
  // The same fields, in the same order, as a match in an alert.
  nlohmann::ordered_json fields = MatchToJson(match);  // named: items() does not own it
  for (auto& [key, value] : fields.items()) line[key] = value;
  if (!explain) {
    line.erase("matched_name");
    line.erase("rule");
  }
  // Candidates (--candidates) never alert; say so on the line itself.
  if (!match.alert) line["candidate"] = true;
  if (match.awaits_corroboration) line["awaits_corroboration"] = true;
  return line;
}

}  // namespace

int ScanCommand(const ScanCommandOptions& options) {
  Result<Runtime> runtime = LoadRuntime(options.config_file);
  if (!runtime.ok()) {
    std::cerr << runtime.status().message() << "\n";
    return kExitConfig;
  }
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  int exit_code = kExitOk;
  for (const std::string& input : inputs) {
    Result<std::string> bytes = ReadInput(input);
    if (!bytes.ok()) {
      std::cerr << "vigil scan: " << bytes.status().message() << "\n";
      exit_code = kExitFailure;
      continue;
    }
    ParseInput parse_input;
    parse_input.body = *bytes;
    parse_input.url = input == "-" ? "" : input;
    parse_input.type = options.type;
    Result<ParsedDocument> document = Parse(parse_input);
    if (!document.ok()) {
      std::cerr << "vigil scan: " << input << ": " << document.status().message() << "\n";
      exit_code = kExitFailure;
      continue;
    }
    for (size_t i = 0; i < document->items.size(); ++i) {
      const Item& item = document->items[i];
      // A text file is matched as the bytes it holds (decoded to UTF-8), so
      // offsets point into the file itself when it is UTF-8.
      std::string text = DocumentText(
          item, document->kind, document->kind == DocumentKind::kText ? ToUtf8(*bytes, "") : "");
      ScanOptions scan_options;
      scan_options.include_candidates = options.candidates;
      // A stated age is read against the item's date, else today's.
      scan_options.document_year = UtcYear(item.published_unix_ms.value_or(NowUnixMs()));
      for (const Match& match : runtime->matcher->Scan(text, scan_options)) {
        std::cout << MatchJson(input, *document, i, match, options.explain)
                         .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  << "\n";
      }
    }
  }
  std::cout.flush();
  return exit_code;
}

}  // namespace vigil
