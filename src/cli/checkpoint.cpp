#include "checkpoint.hpp"

#include "output.hpp"

#include "corsim/checksum.hpp"
#include "corsim/error.hpp"
#include "corsim/io/atomic_file.hpp"
#include "corsim/io/outputs.hpp"

#include <fmt/format.h>

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
    : dir_(std::move(dir)), run_(fnv1a(io::corsim_version(), fnv1a(scenario_as_run))) {
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

std::string DiskStore::header(int replication, std::uint64_t size, std::uint64_t sum) const {
  return fmt::format("corsim-replication 1 run={:016x} r={} bytes={} fnv1a={:016x}\n", run_,
                     replication, size, sum);
}

std::optional<std::string> DiskStore::load(int replication) {
  auto bytes = read_all(file(replication));
  if (!bytes)
    return std::nullopt;
  const auto reject = [&](const char *why) -> std::optional<std::string> {
    const std::lock_guard lock(mutex_);
    rejected_[replication] = fmt::format("r{}.bin ({})", replication, why);
    return std::nullopt;
  };
  const auto end = bytes->find('\n');
  if (end == std::string::npos)
    return reject("no header: cut short or not corsim's");
  std::string payload = bytes->substr(end + 1);
  const std::string expected = header(replication, payload.size(), fnv1a(payload));
  const std::string found = bytes->substr(0, end + 1);
  if (found == expected) {
    ++loaded_;
    return payload;
  }
  // Name the first field that differs: the run, the replication, the length, the checksum.
  const std::string_view e(expected), f(found);
  const auto field = [](std::string_view h, const char *key) {
    const auto at = h.find(key);
    return at == std::string_view::npos ? h.substr(0, 0) : h.substr(at, h.find(' ', at + 1) - at);
  };
  if (field(e, " run=") != field(f, " run="))
    return reject("written by another run or another version of corsim");
  if (field(e, " r=") != field(f, " r="))
    return reject("holds another replication");
  if (field(e, " bytes=") != field(f, " bytes="))
    return reject("length does not match: cut short?");
  return reject("checksum does not match: damaged");
}

void DiskStore::save(int replication, const std::string &bytes) {
  io::write_file_atomically(file(replication),
                            header(replication, bytes.size(), fnv1a(bytes)) + bytes);
}

std::vector<std::string> DiskStore::rejected() const {
  const std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto &[r, why] : rejected_)
    out.push_back(why);
  return out;
}

} // namespace corsim::cli
