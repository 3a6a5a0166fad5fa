// The warm-up chosen from the data: MSER-5 (White 1997) on a pilot run's weekly series of TEU
// in the system. The corridor starts empty; the series climbs while boxes fill the trains and
// queues, and MSER-5 drops the start that most inflates the variance of the mean of the rest.
#include "corsim/model/simulation.hpp"
#include "corsim/statistics.hpp"

#include <cmath>

namespace corsim::model {

Hours choose_warmup(const Network &network, const SimulationOptions &options) {
  SimulationOptions pilot = options;
  pilot.auto_warmup = false;
  pilot.warmup = Hours(0.0);
  pilot.target_relative_half_width = 0.0; // the replications asked, no more
  pilot.max_replications = pilot.replications;
  pilot.store = nullptr; // the pilot's replications are not those of the run
  pilot.trace = nullptr;
  const SimulationResults r = simulate(network, pilot);
  const std::size_t periods = mser5_truncation(r.over_time.in_system_teu);
  return Hours(static_cast<double>(periods) * r.over_time.period.value());
}

} // namespace corsim::model
