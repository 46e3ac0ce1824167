// Shared helper for the parse tests.
#ifndef VIGIL_TESTS_PARSE_PARSE_TEST_UTIL_H_
#define VIGIL_TESTS_PARSE_PARSE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "vigil/parse/parser.h"

namespace vigil {

// Parses `body`, failing the test (and returning an empty document) on error.
inline ParsedDocument MustParse(std::string_view body, std::string content_type = "",
                                std::string url = "", std::string type = "auto") {
  ParseInput input;
  input.body = body;
  input.content_type = std::move(content_type);
  input.url = std::move(url);
  input.type = std::move(type);
  Result<ParsedDocument> doc = Parse(input);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? std::move(doc).value() : ParsedDocument{};
}

}  // namespace vigil

#endif  // VIGIL_TESTS_PARSE_PARSE_TEST_UTIL_H_
