#pragma once
// Reduces each finished replication to a few numbers per flow, facility and service, and
// turns those into estimates across replications. Internal to corsim_model.

#include "replication.hpp"

namespace corsim::model::detail {

class Summary {
public:
  explicit Summary(const ModelInputs &in);
  void add(const Replication &rep);
  [[nodiscard]] SimulationResults results() const;

private:
  struct OdSample {
    double mean, p50, p90, p95, max, on_time, delivered, backlog, in_transit, unroutable, cost, co2;
    Causes wait;
    std::map<std::vector<std::uint32_t>, std::pair<double, double>> routes; ///< share, mean
  };
  struct FacSample {
    double util, mean_q, max_q, wait, visits, delay;
  };
  struct SvcSample {
    double departures, load_factor, rolled, delay;
  };
  void add_flows(const Replication &rep);
  void add_facilities(const Replication &rep);
  [[nodiscard]] FacSample facility(const Replication &rep, std::size_t i) const;
  [[nodiscard]] FacSample station(const Station &st, Tick end) const;
  [[nodiscard]] FacSample paths(const LinkState &l, bool oneway, Tick end) const;
  [[nodiscard]] OdResult od_result(std::size_t flow) const;
  [[nodiscard]] std::vector<RouteResult> routes(std::size_t flow) const;
  [[nodiscard]] FacilityResult facility_result(std::size_t i) const;
  [[nodiscard]] ServiceResult service_result(std::size_t s) const;
  [[nodiscard]] std::vector<Bottleneck> bottlenecks(const SimulationResults &r) const;

  const ModelInputs &in_;
  double per_year_;
  std::vector<std::vector<OdSample>> od_;   ///< [flow][replication]
  std::vector<FacilityResult> fac_keys_;    ///< node, kind and capacity of each facility
  std::vector<std::vector<FacSample>> fac_; ///< [facility][replication]
  std::vector<std::vector<SvcSample>> svc_; ///< [service][replication]
  std::vector<ReplicationSummary> reps_;
  std::vector<std::string> warnings_;
};

} // namespace corsim::model::detail
