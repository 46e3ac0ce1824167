// Vigil's SQLite database: polling state, documents, hits, alert outbox.
// Its three parts have headers of their own, so a caller can take only the
// part it uses.
#ifndef VIGIL_STORE_STORE_H_
#define VIGIL_STORE_STORE_H_

#include <filesystem>
#include <memory>
#include <string_view>

#include "vigil/base/status.h"
#include "vigil/store/document_store.h"
#include "vigil/store/outbox_store.h"
#include "vigil/store/source_state_store.h"

namespace vigil {

// What kind of storage trouble a store error is, so the daemon can say so
// once per change and an operator knows what to fix.
enum class StorageFault {
  kNone,      // not a storage error (or no error)
  kFull,      // disk (or the database's size limit) full: SQLITE_FULL
  kReadOnly,  // file, folder or file system not writable: SQLITE_READONLY
  kLocked,    // another process holds the write lock past busy_timeout
  kCorrupt,   // damaged file or not a database: SQLITE_CORRUPT / SQLITE_NOTADB
  kIo,        // other I/O errors: SQLITE_IOERR, SQLITE_CANTOPEN
  kOther,
};

// "disk full", "read-only", "locked", "corrupt", "I/O error", "error".
std::string_view StorageFaultName(StorageFault fault);

// Classifies an error returned by the store (any Status from a Store
// method or Store::Open). Ok statuses are kNone.
StorageFault ClassifyStorageError(const Status& status);

// Store::CheckIntegrity on a read-only connection, before Store::Open
// writes anything (WAL switch, migrations) to a file that may be damaged.
// Ok when the file does not exist yet. A damaged file, or one that is not
// a database, classifies as kCorrupt.
Status CheckDatabaseIntegrity(const std::filesystem::path& path);

// The whole database: its three parts (source state, documents and hits,
// outbox), and opening, versions and the integrity check. Thread-compatible:
// use from one thread (the daemon's io thread).
class Store : public SourceStateStore, public DocumentStore, public OutboxStore {
 public:
  // Opens or creates the database (WAL mode, foreign keys on) and migrates
  // the schema to the current version. Fails with a clear message when the
  // file is not a database or is newer than this binary understands.
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& path);

  // For tooling (`vigil alerts`) beside a running daemon, which owns the
  // schema: opens an EXISTING database, never creates, converts or migrates
  // it. kReadOnly reads whatever version it finds (a read-only connection:
  // nothing in the file changes). kReadWrite refuses a schema version other
  // than CurrentSchemaVersion(), so an upgraded or older binary never writes
  // under a daemon that expects another layout.
  enum class Access { kReadOnly, kReadWrite };
  static Result<std::unique_ptr<Store>> OpenExisting(const std::filesystem::path& path,
                                                     Access access);
  // The schema version this binary creates and migrates to.
  static int CurrentSchemaVersion();
  virtual ~Store() = default;

  virtual int SchemaVersion() = 0;

  // PRAGMA quick_check: page-level damage (b-trees, freelist, records). On a
  // 240 MB database of 100k documents it takes 1.8 s warm, 9 s cold
  // (integrity_check, which also cross-checks every index: 3.1 s / 8.5 s).
  // Ok, or an error naming the first problems found.
  virtual Status CheckIntegrity() = 0;
};

}  // namespace vigil

#endif  // VIGIL_STORE_STORE_H_
