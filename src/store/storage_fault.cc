// Classifying store errors by the SQLite condition behind them.
#include <sqlite3.h>

#include <string>
#include <string_view>

#include "vigil/store/store.h"

namespace vigil {
namespace {

bool Mentions(const std::string& message, int sqlite_code) {
  // Store errors carry sqlite3_errmsg() text, which for these conditions is
  // the fixed sqlite3_errstr() wording of the primary result code.
  return message.find(sqlite3_errstr(sqlite_code)) != std::string::npos;
}

}  // namespace

std::string_view StorageFaultName(StorageFault fault) {
  switch (fault) {
    case StorageFault::kNone: return "ok";
    case StorageFault::kFull: return "disk full";
    case StorageFault::kReadOnly: return "read-only";
    case StorageFault::kLocked: return "locked";
    case StorageFault::kCorrupt: return "corrupt";
    case StorageFault::kIo: return "I/O error";
    case StorageFault::kOther: return "error";
  }
  return "error";
}

StorageFault ClassifyStorageError(const Status& status) {
  if (status.ok()) return StorageFault::kNone;
  const std::string& message = status.message();
  if (Mentions(message, SQLITE_FULL)) return StorageFault::kFull;
  if (Mentions(message, SQLITE_READONLY) || message.find("opened read-only") != std::string::npos) {
    return StorageFault::kReadOnly;
  }
  if (Mentions(message, SQLITE_BUSY) || Mentions(message, SQLITE_LOCKED)) {
    return StorageFault::kLocked;
  }
  if (Mentions(message, SQLITE_CORRUPT) || Mentions(message, SQLITE_NOTADB) ||
      message.find("integrity check failed") != std::string::npos) {
    return StorageFault::kCorrupt;
  }
  if (Mentions(message, SQLITE_IOERR) || Mentions(message, SQLITE_CANTOPEN)) {
    return StorageFault::kIo;
  }
  return StorageFault::kOther;
}

}  // namespace vigil
