// Classifying store errors by the SQLite condition behind them, which the
// store set as the Status code where SQLite reported it.
#include <string>
#include <string_view>

#include "vigil/store/store.h"

namespace vigil {

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
  switch (status.code()) {
    case StatusCode::kOk: return StorageFault::kNone;
    case StatusCode::kStorageFull: return StorageFault::kFull;
    case StatusCode::kReadOnly: return StorageFault::kReadOnly;
    case StatusCode::kBusy: return StorageFault::kLocked;
    case StatusCode::kCorruption: return StorageFault::kCorrupt;
    case StatusCode::kIoError: return StorageFault::kIo;
    default: return StorageFault::kOther;
  }
}

}  // namespace vigil
