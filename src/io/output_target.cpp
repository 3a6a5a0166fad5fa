#include "corsim/io/output_target.hpp"

#include "corsim/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace corsim::io {
namespace {

namespace fs = std::filesystem;
using FileId = std::pair<dev_t, ino_t>;

std::mutex registry_mutex;
std::set<FileId> &inputs_read() {
  static std::set<FileId> ids;
  return ids;
}
std::map<FileId, int> &locks_held() { // folder -> its descriptor, locked
  static std::map<FileId, int> held;
  return held;
}

std::string absolute_name(const std::string &path) {
  std::error_code ec;
  const auto abs = fs::absolute(path, ec);
  return (ec ? fs::path(path) : abs).lexically_normal().string();
}

[[noreturn]] void refuse(const OutputTarget &t, const std::string &why) {
  throw InputError(SourcePos{t.path, 0, 0}, t.option + ": " + why);
}

/// The file `t` names when it exists (nullopt for a new name); refuses what cannot be
/// replaced by a rename.
std::optional<FileId> check_one(const OutputTarget &t) {
  if (t.path.empty())
    refuse(t, "the file name is empty");
  struct stat info {};
  if (::lstat(t.path.c_str(), &info) != 0) {
    if (errno != ENOENT)
      refuse(t, std::string("cannot write there: ") + std::strerror(errno));
    const auto parent = fs::path(absolute_name(t.path)).parent_path();
    std::error_code ec;
    if (!fs::is_directory(parent, ec))
      refuse(t, "the folder '" + parent.string() + "' does not exist");
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode))
    refuse(t, "is a folder; give a file name");
  if (S_ISLNK(info.st_mode))
    refuse(t, "is a symbolic link; give the file itself or a new name");
  if (!S_ISREG(info.st_mode))
    refuse(t, "is not a regular file (a pipe or a device?); corsim replaces its outputs "
              "whole, so it writes only regular files");
  const FileId id{info.st_dev, info.st_ino};
  const std::lock_guard lock(registry_mutex);
  if (inputs_read().count(id))
    refuse(t, "is one of the input files; corsim never writes over its inputs");
  return id;
}

} // namespace

void note_input_file(const std::string &path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    return;
  const std::lock_guard lock(registry_mutex);
  inputs_read().insert({info.st_dev, info.st_ino});
}

void check_output_targets(const std::vector<OutputTarget> &targets) {
  std::map<FileId, const OutputTarget *> existing;
  std::map<std::string, const OutputTarget *> named;
  for (const auto &t : targets) {
    const auto id = check_one(t);
    const OutputTarget *other = nullptr;
    if (id) {
      const auto [it, fresh] = existing.emplace(*id, &t);
      other = fresh ? nullptr : it->second;
    }
    const auto [it, fresh] = named.emplace(absolute_name(t.path), &t);
    if (!other && !fresh)
      other = it->second;
    if (other)
      refuse(t, "names the same file as " + other->option + " ('" + other->path +
                    "'); give each output its own file");
  }
}

bool lock_output_dir(const std::string &dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw InputError(SourcePos{dir, 0, 0}, "cannot create the output folder" +
                                               (ec ? ": " + ec.message() : std::string()));
  // The folder itself is locked (flock on its descriptor): no lock file is left in it, and
  // the system releases the lock when the process ends, however it ends.
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  struct stat info {};
  if (fd < 0 || ::fstat(fd, &info) != 0)
    throw InputError(SourcePos{dir, 0, 0},
                     "cannot open the output folder: " + std::string(std::strerror(errno)));
  const std::lock_guard lock(registry_mutex);
  const FileId key{info.st_dev, info.st_ino}; // "out", "out/" and "./out" are one folder
  if (locks_held().count(key)) {
    ::close(fd);
    return true;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int why = errno;
    ::close(fd);
    if (why == EWOULDBLOCK)
      throw InputError(SourcePos{dir, 0, 0}, "another corsim run is writing into this folder; "
                                             "wait for it to end or give another --out");
    return false; // a file system without locks (some network ones): the caller warns
  }
  locks_held().emplace(key, fd); // held until the process ends
  return true;
}

} // namespace corsim::io
