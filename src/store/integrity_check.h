// The database integrity check (PRAGMA quick_check). Private to the store
// module.
#ifndef VIGIL_STORE_INTEGRITY_CHECK_H_
#define VIGIL_STORE_INTEGRITY_CHECK_H_

#include "sqlite_db.h"
#include "vigil/base/status.h"

namespace vigil {

// Ok, or an error "integrity check failed: <first problems>" that
// ClassifyStorageError reads as kCorrupt.
Status RunQuickCheck(SqliteDb& db);

}  // namespace vigil

#endif  // VIGIL_STORE_INTEGRITY_CHECK_H_
