#include "checkpoint.hpp"

#include "output.hpp"

#include "corsim/error.hpp"
#include "corsim/io/atomic_file.hpp"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace corsim::cli {

namespace {

std::atomic<bool> stop_requested{false};
bool installed = false;

extern "C" void on_stop_signal(int signal) {
  stop_requested.store(true);   // lock-free: safe in a signal handler
  std::signal(signal, SIG_DFL); // a second Ctrl-C ends the process at once
}

std::optional<std::string> read_all(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

const std::atomic<bool> *install_stop_signals() {
  static_assert(std::atomic<bool>::is_always_lock_free);
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  installed = true;
  return &stop_requested;
}

const std::atomic<bool> *stop_flag() { return installed ? &stop_requested : nullptr; }

DiskStore::DiskStore(std::string dir, const std::string &scenario_as_run, bool resume)
    : dir_(std::move(dir)) {
  namespace fs = std::filesystem;
  const std::string stamp = dir_ + "/scenario.yaml";
  if (resume) {
    const auto saved = read_all(stamp);
    if (saved && *saved != scenario_as_run)
      throw InputError(SourcePos{dir_, 0, 0},
                       "--resume: the replications kept here are of another scenario or "
                       "other run settings; remove the folder or run without --resume");
  } else {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec)
    throw InputError(SourcePos{dir_, 0, 0}, "cannot create the folder: " + ec.message());
  io::write_file_atomically(stamp, scenario_as_run);
}

std::string DiskStore::file(int replication) const {
  return dir_ + "/r" + std::to_string(replication) + ".bin";
}

std::optional<std::string> DiskStore::load(int replication) {
  auto bytes = read_all(file(replication));
  if (bytes)
    ++loaded_;
  return bytes;
}

void DiskStore::save(int replication, const std::string &bytes) {
  io::write_file_atomically(file(replication), bytes);
}

} // namespace corsim::cli
