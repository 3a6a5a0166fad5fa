// The tidy CSV files: one observation per row, for pandas, R or a spreadsheet.
#include "corsim/io/outputs.hpp"
#include "outputs_detail.hpp"

#include <fmt/format.h>

#include <cmath>

namespace corsim::io {
namespace {

using detail::csv_field;
using detail::csv_number;

/// A value of series[i][period], NaN where the series is shorter (a facility not measured).
double at(const std::vector<std::vector<double>> &series, std::size_t i, std::size_t period) {
  return i < series.size() && period < series[i].size() ? series[i][period] : NAN;
}

/// The number of periods of the longest of the series.
std::size_t periods(const std::vector<std::vector<double>> &a,
                    const std::vector<std::vector<double>> &b) {
  std::size_t n = 0;
  for (const auto *series : {&a, &b})
    for (const auto &s : *series)
      n = std::max(n, s.size());
  return n;
}

} // namespace

std::string results_csv(const std::vector<ScenarioOutput> &scenarios) {
  std::string out = "scenario,replication,subject,measure,unit,value\n";
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const std::string name = csv_field(detail::scenario_name(scenarios[s].name, s));
    for (const auto &k : scenarios[s].results->key)
      for (std::size_t r = 0; r < k.per_replication.size(); ++r)
        out +=
            fmt::format("{},{},{},{},{},{}\n", name, r + 1, csv_field(k.subject),
                        csv_field(k.measure), csv_field(k.unit), csv_number(k.per_replication[r]));
  }
  return out;
}

std::string facilities_over_time_csv(const std::vector<ScenarioOutput> &scenarios) {
  std::string out = "scenario,facility,node,kind,period,start_day,utilisation,queue\n";
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const Network &net = *scenarios[s].network;
    const model::SimulationResults &r = *scenarios[s].results;
    const auto &t = r.over_time;
    const std::size_t n = periods(t.facility_utilisation, t.facility_queue);
    const std::string name = csv_field(detail::scenario_name(scenarios[s].name, s));
    for (std::size_t f = 0; f < r.facilities.size(); ++f)
      for (std::size_t p = 0; p < n; ++p)
        out += fmt::format(
            "{},{},{},{},{},{},{},{}\n", name,
            csv_field(model::facility_name(net, r.facilities[f])),
            csv_field(net.nodes[r.facilities[f].node].id), to_string(r.facilities[f].kind), p + 1,
            csv_number(static_cast<double>(p) * in_days(t.period)),
            csv_number(at(t.facility_utilisation, f, p)), csv_number(at(t.facility_queue, f, p)));
  }
  return out;
}

std::string services_over_time_csv(const std::vector<ScenarioOutput> &scenarios) {
  std::string out = "scenario,service,period,start_day,departures,teu\n";
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const model::SimulationResults &r = *scenarios[s].results;
    const auto &t = r.over_time;
    const std::size_t n = periods(t.service_departures, t.service_teu);
    const std::string name = csv_field(detail::scenario_name(scenarios[s].name, s));
    for (std::size_t v = 0; v < r.services.size(); ++v)
      for (std::size_t p = 0; p < n; ++p)
        out += fmt::format("{},{},{},{},{},{}\n", name, csv_field(r.services[v].id), p + 1,
                           csv_number(static_cast<double>(p) * in_days(t.period)),
                           csv_number(at(t.service_departures, v, p)),
                           csv_number(at(t.service_teu, v, p)));
  }
  return out;
}

} // namespace corsim::io
