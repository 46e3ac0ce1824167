// Charset detection and conversion to UTF-8 (ICU ucnv).
#ifndef VIGIL_SRC_PARSE_CHARSET_H_
#define VIGIL_SRC_PARSE_CHARSET_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil::parse_internal {

// Maps a charset label to the name we hand to ICU, applying the WHATWG
// aliases browsers use (iso-8859-1/latin1/us-ascii -> windows-1252).
// Returns "" when ICU does not know the label.
std::string NormalizeCharsetLabel(std::string_view label);

// Extracts the charset= parameter of a Content-Type value ("" if none).
std::string CharsetFromContentType(std::string_view content_type);

// Decodes `bytes` following the documented precedence (see ToUtf8 in
// parser.h). Problems such as unknown labels or replaced bytes are appended
// to `warnings`.
std::string DecodeToUtf8(std::string_view bytes, std::string_view declared,
                         std::string* used_charset,
                         std::vector<std::string>* warnings);

// True if `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Copies `s`, replacing each ill-formed sequence with U+FFFD.
std::string RepairUtf8(std::string_view s, bool* replaced);

}  // namespace vigil::parse_internal

#endif  // VIGIL_SRC_PARSE_CHARSET_H_
