// Accumulates plain text from markup: collapses whitespace within lines and
// turns block boundaries into line or paragraph breaks.
#ifndef VIGIL_SRC_PARSE_TEXT_BUILDER_H_
#define VIGIL_SRC_PARSE_TEXT_BUILDER_H_

#include <string>
#include <string_view>

namespace vigil::parse_internal {

class TextBuilder {
 public:
  // Adds running text; any whitespace run (including U+00A0) becomes one
  // space. With `keep_newlines`, '\n' becomes a line break (for <pre>).
  void AddText(std::string_view text, bool keep_newlines = false);
  void AddSpace() { pending_space_ = true; }
  void LineBreak() { RequestBreak(1); }
  void ParagraphBreak() { RequestBreak(2); }
  // The text so far, without leading/trailing whitespace.
  const std::string& text() const { return out_; }

 private:
  void RequestBreak(int n);
  void AppendChar(std::string_view ch);

  std::string out_;
  bool pending_space_ = false;
  int pending_break_ = 0;
};

// Collapses all whitespace (newlines included) to single spaces and trims.
std::string CollapseToLine(std::string_view text);

}  // namespace vigil::parse_internal

#endif  // VIGIL_SRC_PARSE_TEXT_BUILDER_H_
