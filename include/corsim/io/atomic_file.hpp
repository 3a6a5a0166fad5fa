#pragma once
/// \file io/atomic_file.hpp
/// Files written under a temporary name and renamed into place: readers never see a
/// half-written file, and a run that fails before the rename leaves nothing behind.

#include <fstream>
#include <string>

namespace corsim::io {

/// A file written under a temporary name ("PATH.tmp-PID") and renamed to `path` by commit().
class AtomicFile {
public:
  explicit AtomicFile(std::string path); ///< throws InputError when it cannot be created
  AtomicFile(const AtomicFile &) = delete;
  AtomicFile &operator=(const AtomicFile &) = delete;
  ~AtomicFile(); ///< removes the temporary file unless committed
  std::ofstream &stream() { return out_; }
  /// Flushes, checks every write succeeded, and renames. Throws InputError otherwise.
  void commit();

private:
  std::string path_, temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

/// Writes `text` to `path` atomically (temporary file, then rename). Throws InputError.
void write_file_atomically(const std::string &path, const std::string &text);

} // namespace corsim::io
