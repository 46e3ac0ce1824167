// Helpers for the store tests: a temporary folder (tests/support), sample
// rows, and a second, independent SQLite connection to look at the file
// directly.
#ifndef VIGIL_TESTS_STORE_STORE_TEST_UTIL_H_
#define VIGIL_TESTS_STORE_STORE_TEST_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "tests/support/temp_dir.h"
#include "vigil/store/store.h"

namespace vigil {

inline NewDocument SampleDocument(const std::string& source_id, const std::string& dedupe_key,
                                  int64_t fetched_unix_ms = 1'700'000'000'000) {
  NewDocument document;
  document.source_id = source_id;
  document.dedupe_key = dedupe_key;
  document.url = "https://example.org/news/" + dedupe_key;
  document.guid = dedupe_key;
  document.title = "Title of " + dedupe_key;
  document.published_unix_ms = fetched_unix_ms - 60'000;
  document.fetched_unix_ms = fetched_unix_ms;
  document.content_hash = std::string(64, 'a');
  document.text = "Sanctions on ACME Trading were announced.";
  return document;
}

inline Match SampleEntityHit() {
  Match hit;
  hit.kind = MatchKind::kEntity;
  hit.list_id = "ofac";
  hit.entity_id = "ofac-1";
  hit.entity_name = "ACME TRADING LTD";
  hit.matched = "ACME Trading";
  hit.start = 13;
  hit.end = 25;
  hit.snippet = "Sanctions on ACME Trading were announced.";
  hit.score = 0.95;
  hit.matched_name = "ACME Trading Ltd";
  hit.rule = "exact";
  return hit;
}

inline NewAlert SampleAlert(const std::string& message_id,
                            const std::string& webhook_id = "ops") {
  NewAlert alert;
  alert.alert_id = "alert-" + message_id;
  alert.webhook_id = webhook_id;
  alert.message_id = message_id;
  alert.payload = R"({"type":"vigil.hit","id":")" + message_id + R"("})";
  return alert;
}

// Runs `sql` on a separate connection and returns the first column of the
// first row as text ("" for NULL). Throws on SQLite errors: test code only.
inline std::string QueryDirect(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error("open: " + message);
  }
  sqlite3_stmt* stmt = nullptr;
  std::string result;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    if (text != nullptr) result = reinterpret_cast<const char*>(text);
  }
  std::string message = sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + message);
  return result;
}

}  // namespace vigil

#endif  // VIGIL_TESTS_STORE_STORE_TEST_UTIL_H_
