#pragma once
// The statistics of a replication's flows and services, kept as boxes are delivered and
// vehicles leave; the summary reads them when the replication ends. Internal to corsim_model.

#include "consignments.hpp"

#include "corsim/statistics.hpp"

#include <map>
#include <vector>

namespace corsim::model::detail {

/// Transit histograms have one bin per day up to this many days; the last bin holds the rest.
inline constexpr std::size_t max_histogram_days = 400;

struct ServiceStats {
  std::uint64_t departures = 0;
  double teu_loaded = 0.0; ///< at the first stop of each departure
  Tally load_factor;
  double rolled_teu = 0.0;
  double rolled_teu_hours = 0.0;
  std::uint64_t no_vehicle = 0;  ///< departures cancelled: none of its fleet at the first stop
  std::uint64_t empty_trips = 0; ///< trips that boarded nothing at any stop
};

/// One background stream: vehicles in and out over the whole run (conservation), and over
/// the measured period its traffic and the time its vehicles took through the network.
struct BackgroundStats {
  std::uint64_t entered = 0, left = 0; ///< whole run
  std::uint64_t measured_vehicles = 0; ///< entered during the measured period
  double measured_teu = 0.0;
  Tally through; ///< hours from entering to leaving, of vehicles that entered when measured
};

struct FlowStats {
  Tally transit;
  P2Quantile p50{0.5}, p90{0.9}, p95{0.95};
  std::uint64_t on_time = 0;
  double delivered_teu = 0.0; ///< during the measured period
  Causes wait_sum{};
  Tally cost, co2;
  std::map<std::vector<ServiceIndex>, Tally> by_route; ///< transit by services ridden
  std::vector<std::uint64_t> histogram; ///< transit, consignments per whole day (last: more)
  Conservation teu;                     ///< whole run
};

class ResultsCollector {
public:
  ResultsCollector(const Context &ctx);
  FlowStats &flow(FlowIndex f) { return flows_[f]; }
  ServiceStats &service(ServiceIndex s) { return services_[s]; }
  [[nodiscard]] const std::vector<BackgroundStats> &background() const { return background_; }
  /// Background stream `b`'s vehicle with `teu` entered now.
  void background_entered(std::size_t b, double teu);
  /// Background stream `b`'s vehicle that entered at `entered` leaves now.
  void background_left(std::size_t b, Tick entered);
  [[nodiscard]] const std::vector<FlowStats> &flows() const { return flows_; }
  [[nodiscard]] const std::vector<ServiceStats> &services() const { return services_; }
  /// Counts consignment `k` delivered now: its transit when it was ready after the warm-up.
  void delivered(const Consignment &k);
  /// At the end of the warm-up: the services' statistics start again (flows count transit
  /// by ready time instead).
  void reset_services();
  /// TEU generated, delivered, unroutable, in transit and in backlog, over every flow.
  [[nodiscard]] Conservation totals(const Consignments &boxes) const;

private:
  const Context &ctx_;
  std::vector<FlowStats> flows_;
  std::vector<ServiceStats> services_;
  std::vector<BackgroundStats> background_;
};

} // namespace corsim::model::detail
