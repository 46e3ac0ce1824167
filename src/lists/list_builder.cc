#include "list_builder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

namespace vigil {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

bool Contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Names real exports carry for parties whose name was lost: a legal form or
// a placeholder alone. They name no one, and as one ordinary word each they
// alerted on every sentence starting "Company ..." (OpenSanctions has five
// entities named "Company").
bool IsPlaceholderName(std::string_view name) {
  static constexpr std::string_view kPlaceholders[] = {
      "company", "the company", "limited", "ltd", "llc", "inc", "corporation", "corp",
      "unknown", "n/a", "na", "none", "null", "-", "?"};
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!lower.empty() && lower.back() == '.') lower.pop_back();
  return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), lower) !=
         std::end(kPlaceholders);
}

}  // namespace

bool HasWordCharacter(std::string_view text) {
  int32_t length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  for (int32_t i = 0; i < length;) {
    if (bytes[i] < 0x80) {
      if (std::isalnum(bytes[i])) return true;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_ND_MASK | U_GC_NL_MASK))) return true;
  }
  return false;
}

std::string CleanName(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> SplitValues(std::string_view text, char separator) {
  std::vector<std::string> values;
  while (true) {
    size_t end = text.find(separator);
    std::string value = CleanName(text.substr(0, end));
    if (!value.empty()) values.push_back(std::move(value));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return values;
}

void AddAlias(Entity& entity, std::string_view alias) {
  std::string name = CleanName(alias);
  if (!HasWordCharacter(name) || name == entity.name || Contains(entity.aliases, name)) return;
  std::erase(entity.weak_aliases, name);
  entity.aliases.push_back(std::move(name));
}

void AddWeakAlias(Entity& entity, std::string_view alias) {
  std::string name = CleanName(alias);
  if (!HasWordCharacter(name) || name == entity.name || Contains(entity.aliases, name) ||
      Contains(entity.weak_aliases, name)) {
    return;
  }
  entity.weak_aliases.push_back(std::move(name));
}

void AddBirthYears(Entity& entity, std::string_view date_text) {
  auto add = [&](int year) {
    if (std::find(entity.birth_years.begin(), entity.birth_years.end(), year) == entity.birth_years.end()) {
      entity.birth_years.push_back(year);
    }
  };
  std::string lower(date_text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < lower.size();) {
    // Runs of exactly four digits: a year, unless part of a longer number.
    if (!std::isdigit(static_cast<unsigned char>(lower[i]))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < lower.size() && std::isdigit(static_cast<unsigned char>(lower[end]))) ++end;
    if (end - i == 4) {
      int year = std::stoi(lower.substr(i, 4));
      if (year >= 1850 && year <= 2030) {
        add(year);
        // "circa 1960": the list is not sure, nor should we be.
        size_t circa = lower.rfind("circa", i);
        if (circa != std::string::npos && lower.find_first_of(";,", circa) > i &&
            i - circa <= 16) {
          add(year - 2);
          add(year + 2);
        }
      }
    }
    i = end;
  }
  std::sort(entity.birth_years.begin(), entity.birth_years.end());
}

void ListBuilder::Warn(std::string_view file, int line, int column, std::string_view message) {
  if (report_.warnings.size() >= kMaxListWarnings) {
    ++dropped_warnings_;
    return;
  }
  std::string text(file);
  text += ':' + std::to_string(line);
  if (column > 0) text += ':' + std::to_string(column);
  text += ": ";
  text += message;
  report_.warnings.push_back(std::move(text));
}

void ListBuilder::Skip(std::string_view file, int line, int column, std::string_view message) {
  ++report_.skipped;
  Warn(file, line, column, std::string(message) + "; record skipped");
}

Entity* ListBuilder::Add(Entity entity, std::string_view file, int line) {
  if (entity.id.empty()) {
    Skip(file, line, 0, "record has no id");
    return nullptr;
  }
  if (entity.name.empty()) {
    Skip(file, line, 0, "record '" + entity.id + "' has no name");
    return nullptr;
  }
  if (!HasWordCharacter(entity.name)) {
    Skip(file, line, 0, "record '" + entity.id + "' has a name without letters or digits");
    return nullptr;
  }
  if (IsPlaceholderName(entity.name)) {
    Skip(file, line, 0, "record '" + entity.id + "' has the placeholder name '" + entity.name + "'");
    return nullptr;
  }
  auto [it, inserted] = index_.emplace(entity.id, report_.list.entities.size());
  if (!inserted) {
    Skip(file, line, 0, "duplicate id '" + entity.id + "'");
    return nullptr;
  }
  report_.list.entities.push_back(std::move(entity));
  return &report_.list.entities.back();
}

Entity* ListBuilder::Find(std::string_view id) {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? nullptr : &report_.list.entities[it->second];
}

Result<ListReport> ListBuilder::Finish(std::string_view file) {
  if (dropped_warnings_ > 0) {
    report_.warnings.push_back(std::string(file) + ": " + std::to_string(dropped_warnings_) +
                               " more warnings not shown");
  }
  report_.aliases = 0;
  for (const Entity& entity : report_.list.entities) {
    report_.aliases += entity.aliases.size() + entity.weak_aliases.size();
  }
  std::string problem;
  if (report_.list.entities.empty()) {
    problem = ": no entities found";
  } else if (report_.skipped * 2 > report_.records) {
    // Noise is a few rows; this many means the wrong file or format.
    problem = ": " + std::to_string(report_.skipped) + " of " +
              std::to_string(report_.records) + " records are malformed (wrong file or format?)";
  }
  if (problem.empty()) return std::move(report_);
  std::string message = std::string(file) + problem;
  for (const std::string& warning : report_.warnings) message += "\n" + warning;
  return Status::Error(std::move(message));
}

}  // namespace vigil
