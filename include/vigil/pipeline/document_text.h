// The text a document's item is matched as: one function for the daemon and
// for `vigil scan`, so what an analyst tries by hand is what the daemon does.
#ifndef VIGIL_PIPELINE_DOCUMENT_TEXT_H_
#define VIGIL_PIPELINE_DOCUMENT_TEXT_H_

#include <string>
#include <string_view>

#include "vigil/parse/parser.h"

namespace vigil {

// The title, a blank line, then the text (either alone when the other is
// empty). A plain-text document is its text alone: the parser's tidied text
// (lines without trailing blanks, no blank lines around), which the daemon
// stores and whose hash is a text source's dedupe key; or, when
// `plain_text_as_read` is given, that text as read and decoded to UTF-8, so
// that `vigil scan`'s offsets over a UTF-8 text file are offsets into the
// file.
std::string DocumentText(const Item& item, DocumentKind kind,
                         std::string_view plain_text_as_read = {});

}  // namespace vigil

#endif  // VIGIL_PIPELINE_DOCUMENT_TEXT_H_
