// compare(): paired differences of two scenarios' key results on common random numbers.
#include "corsim/model/experiment.hpp"

#include "corsim/statistics.hpp"

#include <cmath>

namespace corsim::model {

namespace {

const KeyResult *find(const std::vector<KeyResult> &list, const KeyResult &k) {
  for (const KeyResult &x : list)
    if (x.subject == k.subject && x.measure == k.measure)
      return &x;
  return nullptr;
}

} // namespace

SimulationOptions paired_options(const SimulationOptions &base, const SimulationOptions &whatif) {
  SimulationOptions o = base;
  o.route_shares = whatif.route_shares;
  o.route_choice = whatif.route_choice;
  o.replan = whatif.replan; // how boxes react is the what-if's, like how they choose
  return o;
}

std::vector<Difference> compare(const SimulationResults &base, const SimulationResults &other) {
  std::vector<Difference> out;
  for (const KeyResult &b : base.key) {
    const KeyResult *o = find(other.key, b);
    if (!o)
      continue;
    std::vector<double> bs, os, ds;
    const std::size_t n = std::min(b.per_replication.size(), o->per_replication.size());
    for (std::size_t r = 0; r < n; ++r) {
      const double x = b.per_replication[r], y = o->per_replication[r];
      if (std::isnan(x) || std::isnan(y))
        continue;
      bs.push_back(x);
      os.push_back(y);
      ds.push_back(y - x);
    }
    Difference d{b.subject, b.measure, b.unit, estimate(bs), estimate(os), estimate(ds), false};
    const Estimate &e = d.difference;
    d.significant = e.n >= 2 && e.mean != 0.0 && std::abs(e.mean) > e.half_width;
    out.push_back(std::move(d));
  }
  return out;
}

} // namespace corsim::model
