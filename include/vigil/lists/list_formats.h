// Real sanctions-list formats: OFAC SDN CSV, UN consolidated XML,
// OpenSanctions FollowTheMoney JSON lines and targets.simple.csv, the UK FCDO
// CSV and the OpenSanctions EU Official Journal CSV.
//
// Policy for bad input: a malformed row (wrong field count, missing id or
// name, unterminated quote, bad JSON line, ...) is skipped and reported as a
// warning "file:line:col: message"; the rest of the list loads. A list is an
// error when it cannot be read or parsed as a whole (no header, XML not
// well-formed), when it yields no entity at all, or when more than half of
// its records are bad: real lists have a handful of bad rows, while the wrong
// file or format makes nearly every row fail.
// Invalid UTF-8 becomes U+FFFD. Names are kept as the list writes them.
#ifndef VIGIL_LISTS_LIST_FORMATS_H_
#define VIGIL_LISTS_LIST_FORMATS_H_

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/model/watchlist.h"

namespace vigil {

// The watchlist formats, as watchlists[].format names them.
enum class ListFormat {
  kVigilYaml,        // "vigil-yaml": Vigil's own YAML list, read by the config module
  kOfacSdnCsv,       // "ofac-sdn-csv"
  kUnXml,            // "un-xml"
  kOpenSanctionsFtm, // "opensanctions-ftm"
  kOpenSanctionsCsv, // "opensanctions-csv"
  kUkCsv,            // "uk-csv"
  kEuCsv,            // "eu-csv"
};
inline constexpr ListFormat kListFormats[] = {
    ListFormat::kVigilYaml,       ListFormat::kOfacSdnCsv, ListFormat::kUnXml,
    ListFormat::kOpenSanctionsFtm, ListFormat::kOpenSanctionsCsv, ListFormat::kUkCsv,
    ListFormat::kEuCsv};
// "ofac-sdn-csv", ...
std::string_view ListFormatName(ListFormat format);
// The inverse; nullopt for a name that is not a format.
std::optional<ListFormat> ParseListFormat(std::string_view name);

// What to read and how to label it: the lists module's own options (the
// config fills them from watchlists[]).
struct ListFileOptions {
  std::string id;  // watchlists[].id, required, unique
  ListFormat format = ListFormat::kVigilYaml;  // watchlists[].format
  std::filesystem::path path;      // watchlists[].path, resolved like storage.path
  std::filesystem::path alt_path;  // watchlists[].alt_path: OFAC alt.csv (aliases)
  std::filesystem::path add_path;  // watchlists[].add_path: OFAC add.csv (addresses)
  double min_score = 0.9;            // watchlists[].min_score, in [0, 1]
  std::vector<std::string> exclude;  // watchlists[].exclude: entity ids
};

// One input file: `file` names it in messages, `bytes` is its content.
// An empty `file` means "not given" (e.g. no OFAC alt.csv).
struct ListText {
  std::string file;
  std::string_view bytes;
};

// What a parse produced: the list (id, min_score and exclude left at their
// defaults by the Parse* functions) plus what was skipped and why.
struct ListReport {
  Watchlist list;
  // "file:line:col: message" per skipped row or dropped value, at most
  // kMaxListWarnings of them, then one line counting the rest.
  std::vector<std::string> warnings;
  size_t records = 0;          // primary records read (rows, XML records, JSON lines)
  size_t skipped = 0;          // of those, malformed and skipped
  size_t ignored = 0;          // well-formed but not a listed party (FtM Address, ...)
  size_t non_targets = 0;      // FtM parties with "target": false (related, not sanctioned)
  size_t aliases = 0;          // aliases and weak aliases kept
  size_t orphan_aliases = 0;   // OFAC alt.csv rows whose ent_num is not in sdn.csv
  size_t addresses = 0;        // OFAC add.csv rows joined to an entity
  size_t orphan_addresses = 0; // OFAC add.csv rows whose ent_num is not in sdn.csv
};

inline constexpr size_t kMaxListWarnings = 50;

// OFAC legacy CSV: sdn.csv (12 columns, no header), optional alt.csv (aliases;
// aka/fka/nka) and add.csv (addresses, only checked and counted). Weak AKAs,
// which the legacy files carry in the SDN Remarks as "a.k.a. 'NAME'", go to
// weak_aliases, as does any alt.csv row whose alt_type or alt_remarks says "weak".
Result<ListReport> ParseOfacSdnCsv(const ListText& sdn, const ListText& alt = {},
                                   const ListText& add = {});
// UN Security Council consolidated list XML (INDIVIDUAL and ENTITY records).
Result<ListReport> ParseUnXml(const ListText& xml);
// FollowTheMoney entities, one JSON object per line. Records with "target"
// other than true (the related parties OpenSanctions exports alongside the
// sanctioned ones) are skipped and counted in non_targets; records without
// the flag are kept.
Result<ListReport> ParseOpenSanctionsFtm(const ListText& json_lines);
// OpenSanctions targets.simple.csv.
Result<ListReport> ParseOpenSanctionsCsv(const ListText& csv);
// UK FCDO sanctions list CSV (Unique ID, OFSI Group ID, Name, Regime Name, Type, ...).
Result<ListReport> ParseUkCsv(const ListText& csv);
// OpenSanctions' CSV of an EU Official Journal annex (recordId, schema, name, alias, ...).
Result<ListReport> ParseEuCsv(const ListText& csv);

// Reads options.path (and alt_path/add_path), parses it as options.format
// and applies options.id, min_score and exclude. Fails for kVigilYaml (the
// config module reads those), a missing path, unreadable files and the
// whole-list errors above.
Result<ListReport> LoadListFileReport(const ListFileOptions& options);
// The same, without the report.
Result<Watchlist> LoadListFile(const ListFileOptions& options);

// "SURNAME Given Names" (UK style: the surname in capitals, first) ->
// "SURNAME, Given Names"; the name unchanged when the leading capitalised
// tokens cannot be told apart from the rest. See uk_csv.cc.
std::string CommaSurname(std::string_view name);

}  // namespace vigil

#endif  // VIGIL_LISTS_LIST_FORMATS_H_
