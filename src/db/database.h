// The storage interface every backend implements: transactions that run named, bound SQL.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sen::db {

enum class Dialect { kSqlite, kPostgres };

// A bound parameter. Text is a view: the caller keeps it alive for the duration of the call.
class Param {
 public:
  Param() : value_(nullptr) {}
  Param(std::nullptr_t) : value_(nullptr) {}  // NOLINT
  Param(std::int64_t v) : value_(v) {}  // NOLINT
  Param(int v) : value_(static_cast<std::int64_t>(v)) {}  // NOLINT
  Param(bool v) : value_(static_cast<std::int64_t>(v)) {}  // NOLINT
  Param(double v) : value_(v) {}  // NOLINT
  Param(std::string_view v) : value_(v) {}  // NOLINT
  Param(const std::string& v) : value_(std::string_view(v)) {}  // NOLINT
  Param(const char* v) : value_(std::string_view(v)) {}  // NOLINT
  template <typename T>
  Param(const std::optional<T>& v) : Param() {  // NOLINT
    if (v) *this = Param(*v);
  }

  using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string_view>;
  const Value& value() const { return value_; }

 private:
  Value value_;
};

using Params = std::vector<Param>;

// One result row; valid only inside the callback that receives it.
class Row {
 public:
  virtual ~Row() = default;
  virtual bool IsNull(int col) const = 0;
  virtual std::int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual std::string_view Text(int col) const = 0;

  std::string Str(int col) const { return std::string(Text(col)); }
  std::optional<std::int64_t> OptInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<std::int64_t>(Int(col));
  }
  std::optional<std::string> OptStr(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<std::string>(Str(col));
  }
};

using RowCallback = std::function<void(const Row&)>;

// Failures of the storage itself are unexpected and thrown; kConstraint lets callers that
// race on a unique key turn it into a conflict.
class DbError : public std::runtime_error {
 public:
  enum class Kind { kConstraint, kBusy, kOther };
  DbError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// A unit of work on one connection. Rolls back on destruction unless committed.
class Transaction {
 public:
  virtual ~Transaction() = default;

  // Runs `sql` with `?` placeholders; calls `on_row` for each row.
  virtual void Query(std::string_view sql, const Param* params, std::size_t count,
                     const RowCallback& on_row) = 0;
  // Runs a statement; returns the number of rows it changed.
  virtual std::int64_t Execute(std::string_view sql, const Param* params, std::size_t count) = 0;
  // Runs an INSERT of one row into a table keyed by an integer id; returns that id. Hot inserts
  // use it rather than RETURNING, which SQLite (3.40) answers from a temporary B-tree it builds
  // and drops at each run (a create that notifies its owner: 247 -> 165 us of the writer,
  // bench/README.md).
  virtual std::int64_t Insert(std::string_view sql, const Param* params, std::size_t count) = 0;
  // Runs several statements without parameters (migrations).
  virtual void ExecuteScript(std::string_view sql) = 0;
  virtual void Commit() = 0;
  virtual Dialect dialect() const = 0;
  // Runs `work` in the outermost transaction just before it commits, after every other
  // statement of it, in ascending `order` (as given among equals); dropped when this
  // transaction rolls back. For writes that are cheaper together at the end: SQLite's FTS5
  // (3.40) writes its pending index out at every savepoint, and at every rowid smaller than
  // the one before (2,000 deletes of a search document: 5 s in descending order, 8 ms in
  // ascending), so its changes go by rowid.
  virtual void AtCommit(std::int64_t order, std::function<void(Transaction&)> work) = 0;
  // Runs `work` once the outermost transaction has committed (inside a group commit, once the
  // batch has); dropped when it rolls back. For telling others of the change, who may read it
  // at once. `work` must not throw: the change is already made.
  virtual void AfterCommit(std::function<void()> work) = 0;
  // Runs `work` when this transaction rolls back, or the group commit it became part of does,
  // latest first. For what is kept in memory in step with the rows, put back as they are.
  // `work` must not throw: it runs as the transaction is destroyed.
  virtual void AtRollback(std::function<void()> work) = 0;

  void Query(std::string_view sql, std::initializer_list<Param> params, const RowCallback& on_row) {
    Query(sql, params.begin(), params.size(), on_row);
  }
  void Query(std::string_view sql, const Params& params, const RowCallback& on_row) {
    Query(sql, params.data(), params.size(), on_row);
  }
  std::int64_t Execute(std::string_view sql, std::initializer_list<Param> params = {}) {
    return Execute(sql, params.begin(), params.size());
  }
  std::int64_t Execute(std::string_view sql, const Params& params) {
    return Execute(sql, params.data(), params.size());
  }
  std::int64_t Insert(std::string_view sql, std::initializer_list<Param> params) {
    return Insert(sql, params.begin(), params.size());
  }
  std::int64_t Insert(std::string_view sql, const Params& params) { return Insert(sql, params.data(), params.size()); }
  // The first column of the first row, if any.
  std::optional<std::int64_t> QueryInt(std::string_view sql, std::initializer_list<Param> params) {
    return QueryInt(sql, params.begin(), params.size());
  }
  std::optional<std::int64_t> QueryInt(std::string_view sql, const Params& params) {
    return QueryInt(sql, params.data(), params.size());
  }

 private:
  std::optional<std::int64_t> QueryInt(std::string_view sql, const Param* p, std::size_t n) {
    std::optional<std::int64_t> out;
    Query(sql, p, n, [&](const Row& r) {
      if (!out && !r.IsNull(0)) out = r.Int(0);
    });
    return out;
  }
};

using TransactionPtr = std::unique_ptr<Transaction>;

// Group commit: the write transactions a thread opens while its batch is open become savepoints
// of the batch, and one commit makes them all durable. A savepoint that is not committed rolls
// back alone; the others stay.
class WriteBatch {
 public:
  virtual ~WriteBatch() = default;  // rolls back everything unless committed
  virtual void Commit() = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  // A consistent snapshot for reading; many may run at once.
  virtual TransactionPtr BeginRead() = 0;
  // The one writer: write transactions are serialised, so check-then-insert is atomic.
  virtual TransactionPtr BeginWrite() = 0;
  // Holds the writer until the batch ends; only the calling thread may write meanwhile.
  virtual std::unique_ptr<WriteBatch> BeginBatch() = 0;
  virtual Dialect dialect() const = 0;
  // A consistent copy of the whole database at `path`, taken while others keep working.
  virtual void Backup(const std::string& path) = 0;
};

// "sqlite:path/to/file.db" (or a bare path). Throws DbError when it cannot be opened.
std::unique_ptr<Database> OpenDatabase(const std::string& url, int readers);

}  // namespace sen::db
