#include "vigil/pipeline/document_text.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(DocumentTextTest, JoinsTitleAndTextExceptForPlainText) {
  Item item{"", "", "Title", "Body", {}};
  EXPECT_EQ(DocumentText(item, DocumentKind::kAtom), "Title\n\nBody");
  EXPECT_EQ(DocumentText(item, DocumentKind::kHtml), "Title\n\nBody");
  EXPECT_EQ(DocumentText(item, DocumentKind::kText), "Body");
  EXPECT_EQ(DocumentText({"", "", "", "Body", {}}, DocumentKind::kRss), "Body");
  EXPECT_EQ(DocumentText({"", "", "Title", "", {}}, DocumentKind::kRss), "Title");
}

TEST(DocumentTextTest, PlainTextAsReadKeepsTheFilesOffsets) {
  // What `vigil scan` passes for a text file: its bytes decoded, untidied,
  // so that a match's offsets are offsets into the file.
  Item item{"", "", "Title", "Title\nBody", {}};
  EXPECT_EQ(DocumentText(item, DocumentKind::kText, "\nTitle  \nBody\n"), "\nTitle  \nBody\n");
  // Only plain text has a form as read; other kinds ignore it.
  EXPECT_EQ(DocumentText(item, DocumentKind::kHtml, "<p>x</p>"), "Title\n\nTitle\nBody");
}

}  // namespace
}  // namespace vigil
