// Shared plumbing for the YAML loaders: error collection with positions,
// key checking and typed scalar readers. Private to the config module.
#ifndef VIGIL_SRC_CONFIG_YAML_READER_H_
#define VIGIL_SRC_CONFIG_YAML_READER_H_

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"

namespace vigil {

// Collects "file:line:col: message" lines for one file. Positions are
// reported 1-based (yaml-cpp's marks are 0-based). Messages must never
// contain secret values: callers name keys, not what they hold.
class YamlDiagnostics {
 public:
  explicit YamlDiagnostics(std::string file) : file_(std::move(file)) {}

  void Error(const YAML::Mark& mark, std::string_view message);
  // For problems with the file as a whole (unreadable, ...).
  void FileError(std::string_view message);

  bool has_errors() const { return !errors_.empty(); }
  const std::string& file() const { return file_; }
  // All lines in file order, joined with "\n"; Ok if there are none.
  Status ToStatus() const;

 private:
  // A broken file can produce thousands of lines; nobody reads past these.
  static constexpr size_t kMaxErrors = 100;

  struct Line {
    int line;  // 0 for problems with the whole file
    int column;
    std::string text;
  };

  std::string file_;
  std::vector<Line> errors_;
  size_t dropped_ = 0;
};

// One "key: value" entry of a map, or one item of a list (then `key` is
// null). `path` names it in messages, e.g. "sources[0].url".
struct YamlField {
  YAML::Node key;
  YAML::Node value;
  std::string path;

  // Where errors about the value point. yaml-cpp places an empty value's
  // mark at the following token, which may be lines below, so point at the
  // key then.
  YAML::Mark mark() const;
};

using YamlFields = std::map<std::string, YamlField, std::less<>>;

// "sources" + "id" -> "sources.id"; "" + "log" -> "log".
std::string JoinPath(std::string_view parent, std::string_view key);

// `text` without leading and trailing ASCII whitespace.
std::string Trim(std::string_view text);

// Reads and parses `file`, which holds at most one YAML document (an empty
// file or one with only comments gives a null node). Failures go to `diag`:
// "cannot read <what>: ..." or a syntax error with its position.
std::optional<YAML::Node> ParseYamlFile(const std::filesystem::path& file,
                                        std::string_view what, YamlDiagnostics& diag);

// The entries of the map in `field`, keyed by name. Reports a value that is
// not a map, non-string keys, repeated keys, and keys not in `allowed` (with a
// did-you-mean). A null value is an empty map.
YamlFields ReadMap(const YamlField& field, std::span<const std::string_view> allowed,
                   YamlDiagnostics& diag);

// The items of the list in `field` ("sources[0]", ...). Reports a value that
// is not a list; a null value is an empty list.
std::vector<YamlField> ReadList(const YamlField& field, YamlDiagnostics& diag);

// Reports `parent` lacking the required key `key`.
bool Require(const YamlFields& fields, const YamlField& parent, std::string_view key,
             YamlDiagnostics& diag);

// Typed readers: nullopt, with an error reported, when the value has the
// wrong kind or is out of range.
std::optional<std::string> ReadString(const YamlField& field, YamlDiagnostics& diag);
// A non-empty string without whitespace or control characters.
std::optional<std::string> ReadId(const YamlField& field, YamlDiagnostics& diag);
std::optional<std::string> ReadEnum(const YamlField& field,
                                    std::span<const std::string_view> allowed,
                                    YamlDiagnostics& diag);
std::optional<std::chrono::milliseconds> ReadDuration(const YamlField& field,
                                                      std::chrono::milliseconds min,
                                                      YamlDiagnostics& diag);
std::optional<int64_t> ReadInt(const YamlField& field, int64_t min, int64_t max,
                               YamlDiagnostics& diag);
std::optional<double> ReadDouble(const YamlField& field, double min, double max,
                                 YamlDiagnostics& diag);
std::optional<uint64_t> ReadSize(const YamlField& field, YamlDiagnostics& diag);

// Remembers the ids seen in one list to report duplicates, pointing at the
// duplicate and naming the first's line.
class IdSet {
 public:
  explicit IdSet(std::string kind) : kind_(std::move(kind)) {}
  // False (and an error) if `id` was seen before.
  bool Insert(const std::string& id, const YamlField& field, YamlDiagnostics& diag);

 private:
  std::string kind_;
  std::map<std::string, int> first_line_;
};

}  // namespace vigil

#endif  // VIGIL_SRC_CONFIG_YAML_READER_H_
