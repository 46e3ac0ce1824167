#include "vigil/pipeline/document_text.h"

namespace vigil {

std::string DocumentText(const Item& item, DocumentKind kind,
                         std::string_view plain_text_as_read) {
  if (kind == DocumentKind::kText) {
    return plain_text_as_read.empty() ? item.text : std::string(plain_text_as_read);
  }
  if (item.title.empty()) return item.text;
  if (item.text.empty()) return item.title;
  return item.title + "\n\n" + item.text;
}

}  // namespace vigil
