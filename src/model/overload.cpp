// Honest overload: what grew without bound over the measured time, found by a trend test on
// the weekly time series (docs/model.md, "Overload").
#include "corsim/model/results.hpp"
#include "corsim/statistics.hpp"

namespace corsim::model {

namespace {

/// Fewer periods than this give no verdict: over a few weeks a season (the Spring Festival and
/// the rush after it) rises like an overload; a quarter of a year is the shortest verdict.
constexpr std::size_t min_periods = 13;
/// The line must rise by more than this share of the series' mean over the measured time: a
/// stable queue fluctuates about its mean, one past capacity keeps adding the excess.
constexpr double growth_over_mean = 0.5;
/// ... and by more than these, so that a handful of boxes or a few vehicles, which seasons and
/// a busy month give a stable queue, are not an alarm. Past capacity the growth is the excess
/// rate times the measured time: 1 % over 100 TEU a day is 365 TEU in a year.
constexpr double min_growth_teu = 50.0;
constexpr double min_growth_vehicles = 20.0;

void test(std::vector<Overload> &out, std::string what, const char *unit, double floor,
          const std::vector<double> &series) {
  if (series.size() < min_periods)
    return;
  const Trend t = theil_sen_trend(series);
  if (t.growth > growth_over_mean * t.mean && t.growth > floor)
    out.push_back(Overload{std::move(what), unit, t.growth, t.mean});
}

} // namespace

std::vector<Overload> find_overloads(const Network &net, const SimulationResults &r) {
  std::vector<Overload> out;
  const TimeSeries &t = r.over_time;
  test(out, "TEU in the system", "TEU", min_growth_teu, t.in_system_teu);
  for (std::size_t s = 0; s < t.service_waiting_teu.size() && s < r.services.size(); ++s)
    test(out, "TEU waiting for service " + r.services[s].id, "TEU", min_growth_teu,
         t.service_waiting_teu[s]);
  for (std::size_t f = 0; f < t.facility_queue.size() && f < r.facilities.size(); ++f) {
    // A yard's queue is TEU held outside it; every other queue is of vehicles.
    const bool yard = r.facilities[f].kind == FacilityKind::Yard;
    test(out, "queue at " + facility_name(net, r.facilities[f]), yard ? "TEU" : "vehicles",
         yard ? min_growth_teu : min_growth_vehicles, t.facility_queue[f]);
  }
  return out;
}

} // namespace corsim::model
