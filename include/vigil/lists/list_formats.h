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
#include <string>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/config/config.h"
#include "vigil/watchlist/watchlist.h"

namespace vigil {

// The formats LoadListFile reads (everything but "vigil-yaml", which the
// config module reads itself).
inline constexpr std::string_view kListFileFormats[] = {
    "ofac-sdn-csv", "un-xml", "opensanctions-ftm", "opensanctions-csv", "uk-csv", "eu-csv"};

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

// Reads config.path (and alt_path/add_path), parses it as config.format and
// applies config.id, min_score and exclude. Fails for "vigil-yaml" and
// unknown formats, unreadable files and the whole-list errors above.
Result<ListReport> LoadListFileReport(const WatchlistConfig& config);
// The same, without the report.
Result<Watchlist> LoadListFile(const WatchlistConfig& config);

// "SURNAME Given Names" (UK style: the surname in capitals, first) ->
// "SURNAME, Given Names"; the name unchanged when the leading capitalised
// tokens cannot be told apart from the rest. See uk_csv.cc.
std::string CommaSurname(std::string_view name);

}  // namespace vigil

#endif  // VIGIL_LISTS_LIST_FORMATS_H_
