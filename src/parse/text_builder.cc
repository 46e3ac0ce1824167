#include "text_builder.h"

#include <algorithm>

namespace vigil::parse_internal {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

void TextBuilder::RequestBreak(int n) {
  pending_break_ = std::max(pending_break_, n);
  pending_space_ = false;
}

void TextBuilder::AppendChar(std::string_view ch) {
  if (!out_.empty()) {
    if (pending_break_ > 0) {
      out_.append(static_cast<size_t>(pending_break_), '\n');
    } else if (pending_space_) {
      out_.push_back(' ');
    }
  }
  pending_break_ = 0;
  pending_space_ = false;
  out_.append(ch);
}

void TextBuilder::AddText(std::string_view text, bool keep_newlines) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (keep_newlines && c == '\n') {
      LineBreak();
    } else if (IsAsciiSpace(c)) {
      if (pending_break_ == 0) pending_space_ = true;
    } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      if (pending_break_ == 0) pending_space_ = true;  // &nbsp;
      ++i;
    } else {
      AppendChar(text.substr(i, 1));
    }
  }
}

std::string CollapseToLine(std::string_view text) {
  TextBuilder b;
  b.AddText(text);
  return b.text();
}

}  // namespace vigil::parse_internal
