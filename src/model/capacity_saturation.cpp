// The simulated saturation point of an origin–destination (doubling, then bisection on the
// multiplier of its demand) and why the three capacity figures differ.
#include "corsim/model/capacity.hpp"
#include "corsim/model/whatif.hpp"

#include <algorithm>
#include <cmath>

namespace corsim::model {

SaturationProbe judge_saturation(const SimulationResults &r, const OdFlows &od, double multiplier,
                                 const SaturationOptions &options) {
  double delivered = 0.0, backlog = 0.0, p95 = 0.0; // TEU/yr, TEU, hours
  for (FlowIndex f : od.flows) {
    delivered += r.od[f].delivered_teu_per_year.mean;
    backlog += r.od[f].backlog_teu.mean;
    p95 = std::max(p95, r.od[f].transit_p95.mean);
  }
  const double offered = multiplier * od.demand.value();
  SaturationProbe p{multiplier,          SaturationProbe::Verdict::NotSaturated,
                    TeuPerYear(offered), TeuPerYear(delivered),
                    Teu(backlog),        Hours(p95)};
  if (backlog > offered * 14.0 / 365.0) // two weeks of demand
    p.verdict = SaturationProbe::Verdict::Backlog;
  else if (delivered < 0.8 * offered)
    p.verdict = SaturationProbe::Verdict::Undelivered;
  else if (options.p95_days && in_days(Hours(p95)) > *options.p95_days)
    p.verdict = SaturationProbe::Verdict::SlowP95;
  return p;
}

namespace {

class Search {
public:
  Search(const OdFlows &od, const RunAtMultiplier &run, const SaturationOptions &o)
      : od_(od), run_(run), o_(o) {}

  SaturationProbe probe(double m) {
    out.probes.push_back(judge_saturation(run_(m), od_, m, o_));
    return out.probes.back();
  }

  /// Doubling from 1×: false when not saturated even at max_multiplier.
  bool bracket() {
    at_hi_ = probe(hi_);
    while (!at_hi_.saturated() && hi_ < o_.max_multiplier) {
      lo_ = hi_;
      hi_ *= 2.0;
      at_hi_ = probe(hi_);
    }
    return at_hi_.saturated();
  }

  /// When 1× is saturated: is any load low enough? False when not.
  bool lower_start() {
    if (lo_ != 0.0)
      return true;
    const SaturationProbe low = probe(o_.lowest_multiplier);
    if (low.saturated()) {
      finish(SaturationResult::Outcome::TargetUnmet, 0.0, low);
      return false;
    }
    lo_ = o_.lowest_multiplier;
    return true;
  }

  void bisect() {
    for (int i = 0; i < o_.steps; ++i) {
      const double mid = 0.5 * (lo_ + hi_);
      const SaturationProbe p = probe(mid);
      (p.saturated() ? hi_ : lo_) = mid;
      if (p.saturated())
        at_hi_ = p;
    }
    finish(SaturationResult::Outcome::Found, lo_, at_hi_);
  }

  void finish(SaturationResult::Outcome outcome, double m, const SaturationProbe &p) {
    out.outcome = outcome;
    out.multiplier = m;
    out.saturated = p;
  }

  SaturationResult out;

private:
  const OdFlows &od_;
  const RunAtMultiplier &run_;
  const SaturationOptions &o_;
  double lo_ = 0.0, hi_ = 1.0;
  SaturationProbe at_hi_;
};

} // namespace

SaturationResult saturation_search(const OdFlows &od, const RunAtMultiplier &run,
                                   const SaturationOptions &options) {
  Search s(od, run, options);
  if (!s.bracket())
    s.finish(SaturationResult::Outcome::NotSaturated, s.out.probes.back().multiplier,
             s.out.probes.back());
  else if (s.lower_start())
    s.bisect();
  return std::move(s.out);
}

SaturationResult saturation_search(const Network &net, const OdFlows &od,
                                   const SimulationOptions &run, const SaturationOptions &options) {
  return saturation_search(
      od,
      [&](double m) {
        Network scaled = net;
        scale_demand(scaled, od.flows, m);
        return simulate(scaled, run);
      },
      options);
}

std::string explain_capacity(double analytic, double network, double simulated) {
  if (simulated == 0.0)
    return "- the simulated target is not a question of capacity here: set a --p95 target "
           "above what the timetable gives, or change the timetable (a what-if), and run "
           "again.\n";
  std::string out;
  if (network > analytic * 1.2)
    out += "- max-flow is higher than the analytic bound: it may use every route at once and "
           "ignores timetables, gauge changes and the route choice, so it is an upper bound.\n";
  if (simulated < analytic * 0.9)
    out += "- the simulation saturates before the services' mean capacity is used up: "
           "departures are lumpy (weekly trains), demand is random, and queues at facilities "
           "and rolled-over boxes build up before the mean load reaches 100%.\n";
  if (simulated > analytic * 1.1)
    out += "- the simulation carries more than the analytic bound: the route choice moves "
           "boxes to other routes as departures fill, while the bound keeps the base run's "
           "route shares.\n";
  if (simulated > network * 1.1)
    out += "- the simulation carries more than max-flow: the max-flow graph rates each "
           "facility by the fixed figures of docs/routing.md (lanes x opening hours / mean "
           "processing time, TEU per vehicle), while the simulation batches boxes per vehicle "
           "and uses on-demand trucks; treat the max-flow figure as indicative here.\n";
  if (out.empty())
    out = "- the three agree within 10-20%.\n";
  return out;
}

} // namespace corsim::model
