// Shared plumbing of the list parsers: entities with unique ids, aliases
// without repeats, warnings with positions, and the whole-list policy.
// Private to the lists module.
#ifndef VIGIL_SRC_LISTS_LIST_BUILDER_H_
#define VIGIL_SRC_LISTS_LIST_BUILDER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigil/lists/list_formats.h"

namespace vigil {

// `text` without leading and trailing ASCII whitespace, inner runs of
// whitespace (including newlines) collapsed to one space.
std::string CleanName(std::string_view text);

// The parts of `text` between `separator`s, cleaned, empty ones dropped.
std::vector<std::string> SplitValues(std::string_view text, char separator);

// True if `text` has a letter or digit in any script (what the matcher needs
// to make a word of). Names without one can never match and are dropped.
bool HasWordCharacter(std::string_view text);

// Adds `alias` unless it has no letter or digit, or is already the name or an
// alias. A strong alias equal to a weak one promotes it (removes the weak copy).
void AddAlias(Entity& entity, std::string_view alias);
// Adds a weak alias unless it has no letter or digit, or is already a name of
// the entity.
void AddWeakAlias(Entity& entity, std::string_view alias);

// Adds to entity.birth_years the years of a date of birth as lists write
// it: "07 Oct 1952", "1952-10-07", "1952", "1955 to 1957", "circa 1960"
// (1958 and 1962 too), "1952-10-07;1953". Years outside 1850-2030 are
// ignored, so an ID number or an address is no birth year.
void AddBirthYears(Entity& entity, std::string_view date_text);

// Builds one ListReport. Not thread-safe.
class ListBuilder {
 public:
  ListBuilder() = default;

  // Records a warning "file:line:col: message" (col 0: "file:line: message").
  void Warn(std::string_view file, int line, int column, std::string_view message);
  // A malformed primary record: counted as skipped, with a warning.
  void Skip(std::string_view file, int line, int column, std::string_view message);
  void CountRecord() { ++report_.records; }
  void CountIgnored() { ++report_.ignored; }

  // Adds `entity` (name and id already cleaned). Skips it, with a warning,
  // when the id or name is empty or the id repeats. Returns the stored entity
  // or nullptr.
  Entity* Add(Entity entity, std::string_view file, int line);
  // The entity with this id, or nullptr.
  Entity* Find(std::string_view id);

  ListReport& report() { return report_; }

  // Applies the policy of list_formats.h; `file` names the list in errors.
  Result<ListReport> Finish(std::string_view file);

 private:
  ListReport report_;
  std::unordered_map<std::string, size_t> index_;  // entity id -> position
  size_t dropped_warnings_ = 0;
};

}  // namespace vigil

#endif  // VIGIL_SRC_LISTS_LIST_BUILDER_H_
