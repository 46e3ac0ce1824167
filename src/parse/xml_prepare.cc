#include "xml_prepare.h"

#include <libxml/HTMLparser.h>

#include <cctype>
#include <set>

namespace vigil::parse_internal {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         c == ':' || (static_cast<unsigned char>(c) >= 0x80);
}

bool IsNameStartChar(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

bool IsForbiddenControl(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

// Names declared with <!ENTITY name ...> in the internal subset.
std::set<std::string, std::less<>> DeclaredEntities(std::string_view dtd) {
  std::set<std::string, std::less<>> names;
  for (size_t p = dtd.find("<!ENTITY"); p != std::string_view::npos;
       p = dtd.find("<!ENTITY", p + 8)) {
    size_t i = p + 8;
    while (i < dtd.size() && (std::isspace(static_cast<unsigned char>(dtd[i])) || dtd[i] == '%')) {
      ++i;
    }
    size_t b = i;
    while (i < dtd.size() && IsNameChar(dtd[i])) ++i;
    if (i > b) names.emplace(dtd.substr(b, i - b));
  }
  return names;
}

// End of the "<!DOCTYPE ...>" starting at `p`, honouring an internal subset.
// The '[' is looked for only before the first '>', so each call scans what
// it consumes rather than the rest of the body.
size_t DoctypeEnd(std::string_view s, size_t p) {
  size_t gt = s.find('>', p);
  size_t bracket = s.substr(0, gt == std::string_view::npos ? s.size() : gt).find('[', p);
  if (bracket != std::string_view::npos) {
    size_t close = s.find("]", bracket);
    if (close == std::string_view::npos) return s.size();
    gt = s.find('>', close);
  }
  return gt == std::string_view::npos ? s.size() : gt + 1;
}

// Length of a valid numeric character reference body after "&#", or 0.
size_t NumericRefLength(std::string_view s, size_t i) {
  size_t j = i;
  bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
  if (hex) ++j;
  size_t digits_start = j;
  while (j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j]))
                              : std::isdigit(static_cast<unsigned char>(s[j])))) {
    ++j;
  }
  if (j == digits_start || j >= s.size() || s[j] != ';') return 0;
  return j + 1 - i;
}

}  // namespace

std::string PrepareXml(std::string_view s, bool* changed) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  std::set<std::string, std::less<>> declared;
  bool any = false;
  // A DOCTYPE counts only in the prolog; after the root element it is just
  // an error for the XML parser to recover from.
  bool seen_root = false;
  size_t i = 0;
  auto copy_until = [&](std::string_view terminator) {
    size_t end = s.find(terminator, i);
    end = end == std::string_view::npos ? s.size() : end + terminator.size();
    out.append(s.substr(i, end - i));
    i = end;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '<') {
      if (s.compare(i, 4, "<!--") == 0) {
        copy_until("-->");
        continue;
      }
      if (s.compare(i, 9, "<![CDATA[") == 0) {
        copy_until("]]>");
        continue;
      }
      if (!seen_root && s.compare(i, 9, "<!DOCTYPE") == 0) {
        size_t end = DoctypeEnd(s, i);
        declared = DeclaredEntities(s.substr(i, end - i));
        out.append(s.substr(i, end - i));
        i = end;
        continue;
      }
      if (i + 1 < s.size() && IsNameStartChar(s[i + 1])) seen_root = true;
      out.push_back(c);
      ++i;
    } else if (c == '&') {
      if (i + 1 < s.size() && s[i + 1] == '#') {
        size_t len = NumericRefLength(s, i + 2);
        if (len > 0) {
          out.append("&#");
          // XML only knows "&#x"; "&#X41;" is a common slip.
          out.push_back(s[i + 2] == 'X' ? 'x' : s[i + 2]);
          out.append(s.substr(i + 3, len - 1));
          i += len + 2;
          continue;
        }
        out.append("&amp;");
        any = true;
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < s.size() && j - i < 40 && IsNameChar(s[j])) ++j;
      std::string_view name = s.substr(i + 1, j - i - 1);
      if (j < s.size() && s[j] == ';' && !name.empty()) {
        if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" ||
            declared.count(name) > 0) {
          out.append(s.substr(i, j + 1 - i));
        } else if (const htmlEntityDesc* e =
                       htmlEntityLookup(reinterpret_cast<const xmlChar*>(std::string(name).c_str()))) {
          out.append("&#" + std::to_string(e->value) + ";");
          any = true;
        } else {
          out.append("&amp;");
          out.append(name);
          out.push_back(';');
          any = true;
        }
        i = j + 1;
        continue;
      }
      out.append("&amp;");
      any = true;
      ++i;
    } else if (IsForbiddenControl(static_cast<unsigned char>(c))) {
      any = true;
      ++i;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  if (changed != nullptr) *changed = any;
  return out;
}

}  // namespace vigil::parse_internal
