#pragma once
// Interruption and resumption of long runs (docs/robustness.md): SIGINT and SIGTERM stop a
// run after the replications in progress; every finished replication is on disk under
// --out DIR/replications/, and --resume picks them up instead of running them again.

#include "corsim/model/simulation.hpp"

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace corsim::cli {

/// Exit code of a run stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it).
inline constexpr int exit_interrupted = 130;

/// Installs the SIGINT/SIGTERM handlers; a second signal kills at once. Returns the flag
/// they set, for SimulationOptions::stop.
const std::atomic<bool> *install_stop_signals();
/// The flag, or null before install_stop_signals().
const std::atomic<bool> *stop_flag();

/// Finished replications as files DIR/r<N>.bin, written atomically. The folder also holds
/// the scenario as run: resuming with a different scenario is an error, not a silent mix.
/// Each file starts with a header line naming its run (a hash of the scenario as run and of
/// corsim's version), its replication, its length and a checksum of what follows; load()
/// takes only a file that verifies, and keeps why the others were not taken.
class DiskStore : public model::ReplicationStore {
public:
  /// Starts afresh (removing what `dir` holds) unless `resume`. Throws InputError when the
  /// saved replications are of another scenario.
  DiskStore(std::string dir, const std::string &scenario_as_run, bool resume);
  std::optional<std::string> load(int replication) override;
  void save(int replication, const std::string &bytes) override;
  [[nodiscard]] const std::string &dir() const { return dir_; }
  [[nodiscard]] int loaded() const { return loaded_; }
  /// "r3.bin (checksum does not match)", ... for the kept files that did not verify (and
  /// were run again), in replication order.
  [[nodiscard]] std::vector<std::string> rejected() const;

private:
  [[nodiscard]] std::string file(int replication) const;
  [[nodiscard]] std::string header(int replication, std::uint64_t size, std::uint64_t sum) const;
  std::string dir_;
  std::uint64_t run_;
  std::atomic<int> loaded_{0};
  mutable std::mutex mutex_; // guards rejected_
  std::map<int, std::string> rejected_;
};

} // namespace corsim::cli
