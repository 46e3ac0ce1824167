// LoadListFile: reads a watchlist file from disk and dispatches on its format.
#include <fstream>
#include <unordered_set>

#include "list_builder.h"
#include "streamed_formats.h"
#include "vigil/lists/list_formats.h"

namespace vigil {

namespace {

// The whole file, or an error naming it.
Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path.string() + ": cannot open watchlist file");
  std::string bytes;
  std::error_code ec;
  uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec) bytes.reserve(size);  // a hint only: the file may change meanwhile
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) bytes.append(buffer, in.gcount());
  if (in.bad()) return Status::Error(path.string() + ": cannot read watchlist file");
  return bytes;
}

Result<ListReport> Parse(const ListFileOptions& config, const std::string& bytes) {
  ListText text{config.path.string(), bytes};
  switch (config.format) {
  case ListFormat::kOfacSdnCsv: {
    std::string alt_bytes, add_bytes;
    ListText alt, add;
    if (!config.alt_path.empty()) {
      Result<std::string> read = ReadFile(config.alt_path);
      if (!read.ok()) return read.status();
      alt_bytes = std::move(read).value();
      alt = ListText{config.alt_path.string(), alt_bytes};
    }
    if (!config.add_path.empty()) {
      Result<std::string> read = ReadFile(config.add_path);
      if (!read.ok()) return read.status();
      add_bytes = std::move(read).value();
      add = ListText{config.add_path.string(), add_bytes};
    }
    return ParseOfacSdnCsv(text, alt, add);
  }
  case ListFormat::kUnXml: return ParseUnXml(text);
  case ListFormat::kOpenSanctionsFtm: return ParseOpenSanctionsFtm(text);
  case ListFormat::kOpenSanctionsCsv: return ParseOpenSanctionsCsv(text);
  case ListFormat::kUkCsv: return ParseUkCsv(text);
  case ListFormat::kEuCsv: return ParseEuCsv(text);
  case ListFormat::kVigilYaml: break;
  }
  return Status::Error(config.path.string() + ": watchlist '" + config.id + "' is in format " +
                       std::string(ListFormatName(config.format)) +
                       ", which the config module reads, not LoadListFile");
}

}  // namespace

std::string_view ListFormatName(ListFormat format) {
  switch (format) {
    case ListFormat::kVigilYaml: return "vigil-yaml";
    case ListFormat::kOfacSdnCsv: return "ofac-sdn-csv";
    case ListFormat::kUnXml: return "un-xml";
    case ListFormat::kOpenSanctionsFtm: return "opensanctions-ftm";
    case ListFormat::kOpenSanctionsCsv: return "opensanctions-csv";
    case ListFormat::kUkCsv: return "uk-csv";
    case ListFormat::kEuCsv: return "eu-csv";
  }
  return "vigil-yaml";
}

std::optional<ListFormat> ParseListFormat(std::string_view name) {
  for (ListFormat format : kListFormats) {
    if (ListFormatName(format) == name) return format;
  }
  return std::nullopt;
}

Result<ListReport> LoadListFileReport(const ListFileOptions& config) {
  if (config.path.empty()) {
    return Status::Error("watchlist '" + config.id + "' has no file to read (path not set)");
  }
  Result<ListReport> report = Status::Error("");
  if (config.format == ListFormat::kOpenSanctionsFtm) {
    // Full FtM exports run to gigabytes: read them a line at a time.
    std::ifstream in(config.path, std::ios::binary);
    if (!in) return Status::Error(config.path.string() + ": cannot open watchlist file");
    report = ParseOpenSanctionsFtmStream(in, config.path.string());
  } else {
    Result<std::string> bytes = ReadFile(config.path);
    if (!bytes.ok()) return bytes.status();
    report = Parse(config, *bytes);
  }
  if (!report.ok()) return report;
  Watchlist& list = report->list;
  list.id = config.id;
  list.min_score = config.min_score;
  list.exclude = config.exclude;
  // A mistyped exclude id would silently exclude nothing; say so.
  std::unordered_set<std::string_view> ids;
  for (const Entity& entity : list.entities) ids.insert(entity.id);
  for (const std::string& id : config.exclude) {
    if (!ids.contains(id)) {
      report->warnings.push_back(config.path.string() + ": excluded id '" + id +
                                 "' is not in the list");
    }
  }
  return report;
}

Result<Watchlist> LoadListFile(const ListFileOptions& config) {
  Result<ListReport> report = LoadListFileReport(config);
  if (!report.ok()) return report.status();
  return std::move(report->list);
}

}  // namespace vigil
