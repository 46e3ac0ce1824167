#include "yaml_reader.h"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>
#include <tuple>

#include "vigil/base/time.h"
#include "byte_size.h"

namespace vigil {

namespace {

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

const char* KindName(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a string";
    default: return "empty";
  }
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The allowed key closest to `key`, if it is close enough to be a typo.
std::optional<std::string_view> ClosestKey(std::string_view key,
                                           std::span<const std::string_view> allowed) {
  std::optional<std::string_view> best;
  size_t best_distance = std::max<size_t>(2, key.size() / 3) + 1;
  for (std::string_view candidate : allowed) {
    size_t distance = EditDistance(key, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string FormatMs(std::chrono::milliseconds duration) {
  int64_t ms = duration.count();
  if (ms % 3'600'000 == 0) return std::to_string(ms / 3'600'000) + "h";
  if (ms % 60'000 == 0) return std::to_string(ms / 60'000) + "m";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

// The scalar text of `field`, or nullopt with "must be <expected>" reported.
std::optional<std::string> Scalar(const YamlField& field, std::string_view expected,
                                  YamlDiagnostics& diag) {
  if (field.value.IsScalar()) return field.value.Scalar();
  if (field.value.IsNull()) {
    diag.Error(field.mark(), field.path + " has no value (expected " + std::string(expected) + ")");
  } else {
    diag.Error(field.mark(), field.path + " must be " + std::string(expected) + ", not " +
                                 KindName(field.value));
  }
  return std::nullopt;
}

// Notes where documents start; ignores their content.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> starts;

  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Reports a stream with more than one document. Not YAML::LoadAll: in
// yaml-cpp 0.7 it loops forever, allocating, on a stray token it cannot
// consume (e.g. a line starting with ','; yaml-cpp PR #1319), so at most three
// documents are looked at here, and one that starts where the previous one
// did is that stuck token. Throws YAML::ParserException on syntax errors.
bool CheckSingleDocument(const std::string& text, YamlDiagnostics& diag) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentStarts handler;
  for (int i = 0; i < 3 && parser.HandleNextDocument(handler); ++i) {
  }
  const std::vector<YAML::Mark>& starts = handler.starts;
  if (starts.size() < 2) return true;
  for (size_t i = 1; i < starts.size(); ++i) {
    if (starts[i].pos == starts[i - 1].pos) {
      diag.Error(starts[i], "YAML syntax error: unexpected character");
      return false;
    }
  }
  diag.Error(starts[1], "expected one YAML document, found more");
  return false;
}

// One problem is one line: keys and values quoted in a message may hold
// newlines or terminal escapes, which would split the report or rewrite the
// operator's terminal, so control characters are shown escaped.
std::string OneLine(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (char c : message) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void YamlDiagnostics::Error(const YAML::Mark& mark, std::string_view message) {
  if (errors_.size() >= kMaxErrors) {
    ++dropped_;
    return;
  }
  int line = mark.is_null() ? 1 : mark.line + 1;
  int column = mark.is_null() ? 1 : mark.column + 1;
  errors_.push_back({line, column,
                     file_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                         OneLine(message)});
}

void YamlDiagnostics::FileError(std::string_view message) {
  errors_.push_back({0, 0, OneLine(message)});
}

Status YamlDiagnostics::ToStatus() const {
  if (errors_.empty()) return Status::Ok();
  // Sections are checked in a fixed order; readers expect file order.
  std::vector<Line> sorted = errors_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Line& a, const Line& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  std::string joined;
  for (const Line& line : sorted) {
    if (!joined.empty()) joined += '\n';
    joined += line.text;
  }
  if (dropped_ > 0) {
    joined += "\n" + file_ + ": ... and " + std::to_string(dropped_) + " more problems";
  }
  return Status::Error(std::move(joined));
}

YAML::Mark YamlField::mark() const {
  if (value.IsNull() && key.IsScalar()) return key.Mark();
  return value.Mark();
}

std::string Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(kSpace);
  return std::string(text.substr(begin, end - begin + 1));
}

std::string JoinPath(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return std::string(parent) + "." + std::string(key);
}

std::optional<YAML::Node> ParseYamlFile(const std::filesystem::path& file,
                                        std::string_view what, YamlDiagnostics& diag) {
  std::string prefix = "cannot read " + std::string(what) + ": " + file.string() + ": ";
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    diag.FileError(prefix + "is a directory");
    return std::nullopt;
  }
  std::unique_ptr<FILE, int (*)(FILE*)> stream(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!stream) {
    diag.FileError(prefix + std::strerror(errno));
    return std::nullopt;
  }
  std::string text;
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, stream.get())) > 0) text.append(buffer, n);
  if (std::ferror(stream.get())) {
    diag.FileError(prefix + std::strerror(errno));
    return std::nullopt;
  }
  try {
    if (!CheckSingleDocument(text, diag)) return std::nullopt;
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diag.Error(e.mark, "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
}

YamlFields ReadMap(const YamlField& field, std::span<const std::string_view> allowed,
                   YamlDiagnostics& diag) {
  YamlFields fields;
  if (field.value.IsNull()) return fields;
  if (!field.value.IsMap()) {
    std::string name = field.path.empty() ? "the top level" : field.path;
    diag.Error(field.mark(), name + " must be a map, not " + KindName(field.value));
    return fields;
  }
  std::string where = field.path.empty() ? "at top level" : "in " + field.path;
  // Range-for keeps yaml-cpp's by-value iterator entries alive; binding
  // `it->first` to a reference would dangle.
  for (const auto& entry : field.value) {
    const YAML::Node key = entry.first;
    if (!key.IsScalar()) {
      diag.Error(key.Mark(), "keys must be strings " + where);
      continue;
    }
    const std::string& name = key.Scalar();
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string message = "unknown key " + Quoted(name) + " " + where;
      if (auto suggestion = ClosestKey(name, allowed)) {
        message += " (did you mean " + Quoted(*suggestion) + "?)";
      }
      diag.Error(key.Mark(), message);
      continue;
    }
    auto [existing, inserted] =
        fields.try_emplace(name, YamlField{key, entry.second, JoinPath(field.path, name)});
    if (!inserted) {
      diag.Error(key.Mark(), "duplicate key " + Quoted(name) + " " + where +
                                 " (first at line " +
                                 std::to_string(existing->second.key.Mark().line + 1) + ")");
    }
  }
  return fields;
}

std::vector<YamlField> ReadList(const YamlField& field, YamlDiagnostics& diag) {
  std::vector<YamlField> items;
  if (field.value.IsNull()) return items;
  if (!field.value.IsSequence()) {
    diag.Error(field.mark(), field.path + " must be a list, not " + KindName(field.value));
    return items;
  }
  for (size_t i = 0; i < field.value.size(); ++i) {
    items.push_back(
        YamlField{YAML::Node(), field.value[i], field.path + "[" + std::to_string(i) + "]"});
  }
  return items;
}

bool Require(const YamlFields& fields, const YamlField& parent, std::string_view key,
             YamlDiagnostics& diag) {
  if (fields.contains(key)) return true;
  diag.Error(parent.mark(), parent.path + " is missing required key " + Quoted(key));
  return false;
}

std::optional<std::string> ReadString(const YamlField& field, YamlDiagnostics& diag) {
  return Scalar(field, "a string", diag);
}

std::optional<std::string> ReadId(const YamlField& field, YamlDiagnostics& diag) {
  std::optional<std::string> id = Scalar(field, "a string", diag);
  if (!id) return std::nullopt;
  if (id->empty()) {
    diag.Error(field.mark(), field.path + " must not be empty");
    return std::nullopt;
  }
  bool clean = std::none_of(id->begin(), id->end(), [](unsigned char c) {
    return c <= ' ' || c == 0x7F;
  });
  if (!clean) {
    diag.Error(field.mark(), field.path + " " + Quoted(*id) +
                                 " must not contain spaces or control characters");
    return std::nullopt;
  }
  return id;
}

std::optional<std::string> ReadEnum(const YamlField& field,
                                    std::span<const std::string_view> allowed,
                                    YamlDiagnostics& diag) {
  std::optional<std::string> value = Scalar(field, "a string", diag);
  if (!value) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return value;
  std::string choices;
  for (std::string_view choice : allowed) {
    choices += (choices.empty() ? "" : "|") + std::string(choice);
  }
  diag.Error(field.mark(),
             "unknown " + field.path + " " + Quoted(*value) + " (one of " + choices + ")");
  return std::nullopt;
}

std::optional<std::chrono::milliseconds> ReadDuration(const YamlField& field,
                                                      std::chrono::milliseconds min,
                                                      YamlDiagnostics& diag) {
  std::optional<std::string> text = Scalar(field, "a duration such as 30s", diag);
  if (!text) return std::nullopt;
  std::optional<std::chrono::milliseconds> duration = ParseDuration(*text);
  if (!duration) {
    diag.Error(field.mark(), "bad duration " + Quoted(*text) + " for " + field.path +
                                 " (forms: 500ms, 30s, 10m, 1h, 1h30m)");
    return std::nullopt;
  }
  // Timers do their arithmetic in nanoseconds; a year is far beyond any
  // useful interval, timeout or backoff and far from overflow.
  constexpr std::chrono::milliseconds kMaxDuration = std::chrono::hours(24 * 365);
  if (*duration > kMaxDuration) {
    diag.Error(field.mark(), field.path + " must be at most 365d, not " + Quoted(*text));
    return std::nullopt;
  }
  if (*duration < min) {
    std::string bound = min <= std::chrono::milliseconds(1) ? "greater than 0"
                                                             : "at least " + FormatMs(min);
    diag.Error(field.mark(), field.path + " must be " + bound + ", not " + Quoted(*text));
    return std::nullopt;
  }
  return duration;
}

std::optional<int64_t> ReadInt(const YamlField& field, int64_t min, int64_t max,
                               YamlDiagnostics& diag) {
  std::optional<std::string> text = Scalar(field, "a whole number", diag);
  if (!text) return std::nullopt;
  int64_t value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || text->empty()) {
    diag.Error(field.mark(), field.path + " must be a whole number, not " + Quoted(*text));
    return std::nullopt;
  }
  if (value < min || value > max) {
    diag.Error(field.mark(), field.path + " must be between " + std::to_string(min) + " and " +
                                 std::to_string(max) + ", not " + *text);
    return std::nullopt;
  }
  return value;
}

std::optional<double> ReadDouble(const YamlField& field, double min, double max,
                                 YamlDiagnostics& diag) {
  std::optional<std::string> text = Scalar(field, "a number", diag);
  if (!text) return std::nullopt;
  double value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || text->empty()) {
    diag.Error(field.mark(), field.path + " must be a number, not " + Quoted(*text));
    return std::nullopt;
  }
  if (!(value >= min && value <= max)) {
    char bounds[64];
    std::snprintf(bounds, sizeof bounds, "between %g and %g", min, max);
    diag.Error(field.mark(), field.path + " must be " + bounds + ", not " + *text);
    return std::nullopt;
  }
  return value;
}

std::optional<uint64_t> ReadSize(const YamlField& field, YamlDiagnostics& diag) {
  std::optional<std::string> text = Scalar(field, "a size such as 16MiB", diag);
  if (!text) return std::nullopt;
  std::optional<uint64_t> size = ParseByteSize(*text);
  if (!size) {
    diag.Error(field.mark(), "bad size " + Quoted(*text) + " for " + field.path +
                                 " (forms: 1000000, 512KiB, 16MiB, 1GB; units B, KB, MB, GB, "
                                 "KiB, MiB, GiB)");
    return std::nullopt;
  }
  if (*size == 0) {
    diag.Error(field.mark(), field.path + " must be greater than 0");
    return std::nullopt;
  }
  // Bodies are held in memory and converted with 32-bit ICU lengths.
  constexpr uint64_t kMaxSize = 1ull << 30;
  if (*size > kMaxSize) {
    diag.Error(field.mark(), field.path + " must be at most 1GiB, not " + Quoted(*text));
    return std::nullopt;
  }
  return size;
}

bool IdSet::Insert(const std::string& id, const YamlField& field, YamlDiagnostics& diag) {
  int line = field.mark().line + 1;
  auto [existing, inserted] = first_line_.try_emplace(id, line);
  if (inserted) return true;
  diag.Error(field.mark(), "duplicate " + kind_ + " id " + Quoted(id) + " (first defined at line " +
                               std::to_string(existing->second) + ")");
  return false;
}

}  // namespace vigil
