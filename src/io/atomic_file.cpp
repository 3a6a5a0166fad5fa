#include "corsim/io/atomic_file.hpp"

#include "corsim/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace corsim::io {

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), temporary_(path_ + ".tmp-" + std::to_string(::getpid())),
      out_(temporary_, std::ios::binary | std::ios::trunc) {
  if (!out_)
    throw InputError(SourcePos{path_, 0, 0},
                     "cannot write file: " + std::string(std::strerror(errno)));
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.close();
    std::remove(temporary_.c_str());
  }
}

void AtomicFile::commit() {
  errno = 0;
  out_.flush();
  out_.close();
  if (!out_)
    throw InputError(SourcePos{path_, 0, 0},
                     "cannot write file: " + std::string(errno != 0
                                                             ? std::strerror(errno)
                                                             : "a write failed (disk full?)"));
  std::error_code ec;
  std::filesystem::rename(temporary_, path_, ec);
  if (ec)
    throw InputError(SourcePos{path_, 0, 0}, "cannot write file: " + ec.message());
  committed_ = true;
}

void write_file_atomically(const std::string &path, const std::string &text) {
  AtomicFile file(path);
  file.stream() << text;
  file.commit();
}

} // namespace corsim::io
