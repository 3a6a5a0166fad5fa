#pragma once
// What every component of one replication shares: its engine, the run's read-only inputs, the
// measured window, the trace and the notes. Internal to corsim_model.

#include "inputs.hpp"

#include "corsim/random.hpp"

#include <array>
#include <string>
#include <vector>

namespace corsim::model::detail {

using Causes = std::array<double, wait_cause_count>; ///< hours by WaitCause

/// TEU sums of fractional sizes are compared with this slack.
inline constexpr double teu_eps = 1e-9;

/// The slot of a cause in Causes.
constexpr int idx(WaitCause c) { return static_cast<int>(c); }

/// Hours of a span of ticks.
inline double hours(Tick dt) { return to_time(dt); }

class Context {
public:
  Context(const ModelInputs &inputs, int replication);
  Context(const Context &) = delete;
  Context &operator=(const Context &) = delete;

  Engine eng; // first: outlives every resource and process of the replication
  const ModelInputs &in;
  const Network &net;
  const int rep;
  const Tick warmup_end; ///< statistics count from here
  const Tick end;        ///< the run stops here

  /// The replication's random stream for what draws (purpose "flow", "link", ...) and its id;
  /// keyed by id, not index, so that scenarios compared on common random numbers keep each
  /// process's numbers even when others are added or removed.
  [[nodiscard]] RandomStream stream(const char *purpose, const std::string &id) const;
  /// TEU a vehicle of service `s` carries now (after any capacity cut; a closed service's
  /// full capacity, as it does not leave).
  [[nodiscard]] double capacity_now(ServiceIndex s) const;
  /// Passes the event to the options' trace callback, if any.
  void trace(TraceEvent::Kind k, std::uint64_t cons, std::uint64_t trip, ServiceIndex s,
             NodeIndex n, double teu) const;
  /// Keeps `text` among the run's warnings, once.
  void note_once(const std::string &text);
  [[nodiscard]] const std::vector<std::string> &warnings() const { return warnings_; }

private:
  std::vector<std::string> warnings_;
};

} // namespace corsim::model::detail
