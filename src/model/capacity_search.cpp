// The simulated capacity: one search per replication (doubling, then bisection on the
// multiplier of the set's demand), each run judged by the overload test; and why the three
// methods differ (docs/capacity.md).
#include "corsim/model/capacity.hpp"
#include "corsim/model/whatif.hpp"

#include "corsim/error.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <exception>
#include <map>
#include <thread>

namespace corsim::model {

namespace {

/// What grew: a facility's queue (the vehicles of a service wait there, so its boxes pile
/// up too), else a service's waiting boxes, else the total in the system.
std::string first_growing(const std::vector<Overload> &overloads) {
  for (const char *prefix : {"queue at ", "TEU waiting for "})
    for (const Overload &o : overloads)
      if (o.what.rfind(prefix, 0) == 0)
        return o.what;
  return overloads.empty() ? "" : overloads.front().what;
}

/// The first of the run's bottlenecks that is a service the set's boxes rode ("service CMO
/// (rolled over)"); "" when none is.
std::string delayed_most(const SimulationResults &r, const FlowSet &set) {
  std::vector<std::string> ridden;
  for (FlowIndex f : set.flows)
    for (const RouteResult &route : r.od[f].routes)
      for (ServiceIndex s : route.services)
        if (s < r.services.size())
          ridden.push_back("service " + r.services[s].id + " ");
  for (const Bottleneck &b : r.bottlenecks)
    for (const std::string &name : ridden)
      if (b.what.rfind(name, 0) == 0)
        return b.what;
  return "";
}

} // namespace

StabilityProbe judge_stability(const SimulationResults &r, const FlowSet &set, double multiplier,
                               const StabilityOptions &options) {
  double delivered = 0.0, backlog = 0.0, p95 = 0.0; // TEU/yr, TEU, hours
  for (FlowIndex f : set.flows) {
    delivered += r.od[f].delivered_teu_per_year.mean;
    backlog += r.od[f].backlog_teu.mean;
    p95 = std::max(p95, r.od[f].transit_p95.mean);
  }
  const double offered = multiplier * set.demand.value();
  StabilityProbe p{multiplier,
                   StabilityProbe::Verdict::Stable,
                   TeuPerYear(offered),
                   TeuPerYear(delivered),
                   Teu(backlog),
                   Hours(p95),
                   {}};
  std::vector<Overload> overloads = r.overloads;
  if (set.through) // a crossing's capacity: its own queues ("queue at customs at KRA")
    std::erase_if(overloads, [&](const Overload &o) {
      const std::string end = " at " + set.through_id;
      return o.what.rfind("queue at ", 0) != 0 || o.what.size() < end.size() ||
             o.what.compare(o.what.size() - end.size(), end.size(), end) != 0;
    });
  if (!overloads.empty()) {
    p.verdict = StabilityProbe::Verdict::Overloaded;
    p.growing = first_growing(overloads);
  } else if (!set.through && backlog > offered * 14.0 / 365.0) { // two weeks of demand
    p.verdict = StabilityProbe::Verdict::Backlog;
  } else if (options.p95_days && in_days(Hours(p95)) > *options.p95_days) {
    p.verdict = StabilityProbe::Verdict::SlowP95;
  }
  if (p.verdict != StabilityProbe::Verdict::Overloaded && !p.stable())
    p.growing = delayed_most(r, set);
  return p;
}

namespace {

/// One replication's search.
class Search {
public:
  Search(const FlowSet &set, const StabilityOptions &o,
         std::function<SimulationResults(double)> run)
      : set_(set), o_(o), run_(std::move(run)) {}

  StabilitySearch run() {
    if (!bracket())
      finish(StabilitySearch::Outcome::NotFound, out_.probes.back().multiplier, {});
    else if (lower_start())
      bisect();
    return std::move(out_);
  }

private:
  StabilityProbe probe(double m) {
    out_.probes.push_back(judge_stability(run_(m), set_, m, o_));
    return out_.probes.back();
  }

  /// Doubling from 1×: false when stable even at max_multiplier, or at the most demand the
  /// model takes (a million consignments a flow a year: scale_demand refuses more).
  bool bracket() {
    at_hi_ = probe(hi_);
    while (at_hi_.stable() && hi_ < o_.max_multiplier) {
      lo_ = hi_;
      hi_ *= 2.0;
      try {
        at_hi_ = probe(hi_);
      } catch (const InputError &) {
        return false;
      }
    }
    return !at_hi_.stable();
  }

  /// When 1× is unstable: is any load low enough? False when not.
  bool lower_start() {
    if (lo_ != 0.0)
      return true;
    const StabilityProbe low = probe(o_.lowest_multiplier);
    if (!low.stable()) {
      finish(StabilitySearch::Outcome::NoCapacity, 0.0, low);
      return false;
    }
    lo_ = o_.lowest_multiplier;
    return true;
  }

  void bisect() {
    for (int i = 0; i < o_.steps; ++i) {
      const double mid = 0.5 * (lo_ + hi_);
      const StabilityProbe p = probe(mid);
      (p.stable() ? lo_ : hi_) = mid;
      if (!p.stable())
        at_hi_ = p;
    }
    finish(StabilitySearch::Outcome::Found, lo_, at_hi_);
  }

  void finish(StabilitySearch::Outcome outcome, double m, const StabilityProbe &p) {
    out_.outcome = outcome;
    out_.multiplier = m;
    out_.unstable = p;
  }

  const FlowSet &set_;
  const StabilityOptions &o_;
  std::function<SimulationResults(double)> run_;
  StabilitySearch out_;
  double lo_ = 0.0, hi_ = 1.0;
  StabilityProbe at_hi_;
};

/// A share as a whole percentage: "18%".
std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", share * 100.0);
  return buf;
}

std::string one_decimal(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

const char *verdict_name(StabilityProbe::Verdict v) {
  switch (v) {
  case StabilityProbe::Verdict::Overloaded:
    return "overloaded";
  case StabilityProbe::Verdict::Backlog:
    return "backlog over two weeks of demand";
  case StabilityProbe::Verdict::SlowP95:
    return "p95 over the target";
  case StabilityProbe::Verdict::Stable:
    break;
  }
  return "";
}

/// What most searches' first unstable run found growing (ties: the first named).
std::string binding_of(const std::vector<StabilitySearch> &searches) {
  std::map<std::string, int> votes;
  std::vector<std::string> order;
  for (const StabilitySearch &s : searches) {
    if (s.outcome == StabilitySearch::Outcome::NotFound)
      continue;
    std::string what = verdict_name(s.unstable.verdict);
    if (s.unstable.verdict == StabilityProbe::Verdict::Overloaded)
      what = s.unstable.growing;
    else if (!s.unstable.growing.empty())
      what += ", most delay at " + s.unstable.growing;
    if (votes[what]++ == 0)
      order.push_back(what);
  }
  std::string best;
  for (const std::string &w : order)
    if (best.empty() || votes[w] > votes[best])
      best = w;
  return best;
}

} // namespace

bool SimulatedCapacity::all(StabilitySearch::Outcome o) const {
  return std::all_of(searches.begin(), searches.end(),
                     [o](const StabilitySearch &s) { return s.outcome == o; });
}

bool SimulatedCapacity::any(StabilitySearch::Outcome o) const {
  return std::any_of(searches.begin(), searches.end(),
                     [o](const StabilitySearch &s) { return s.outcome == o; });
}

SimulatedCapacity simulated_capacity(const FlowSet &set, const RunReplication &run,
                                     int replications, const StabilityOptions &options) {
  SimulatedCapacity out;
  out.searches.resize(static_cast<std::size_t>(std::max(replications, 0)));
  std::vector<std::exception_ptr> failed(out.searches.size());
  std::atomic<int> next{0};
  auto work = [&] {
    for (int r; (r = next++) < replications;) {
      const auto i = static_cast<std::size_t>(r);
      try {
        out.searches[i] = Search(set, options, [&run, r](double m) { return run(m, r); }).run();
      } catch (...) { // handed to the caller, the first replication's first, after the join
        failed[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < std::min(options.threads, replications); ++t)
    workers.emplace_back(work);
  work();
  for (std::thread &t : workers)
    t.join();
  for (const std::exception_ptr &e : failed)
    if (e)
      std::rethrow_exception(e);
  std::vector<double> found;
  for (const StabilitySearch &s : out.searches)
    found.push_back(s.multiplier);
  out.multiplier = estimate(found);
  out.binding = binding_of(out.searches);
  return out;
}

SimulatedCapacity simulated_capacity(const Network &net, const FlowSet &set,
                                     const SimulationOptions &run,
                                     const StabilityOptions &options) {
  return simulated_capacity(
      set,
      [&](double m, int r) {
        Network scaled = net;
        scale_demand(scaled, set.flows, m);
        SimulationOptions one = run;
        one.replications = 1;
        one.first_replication = run.first_replication + r;
        one.threads = 1;
        one.target_relative_half_width = 0.0;
        one.progress = nullptr;
        return simulate(scaled, one);
      },
      run.replications, options);
}

namespace {

/// Why the analytic answer differs from the simulated one by more than 15% above or 5% below,
/// with the numbers; "" when it does not.
std::string analytic_gap(const AnalyticCapacity &analytic, double sim) {
  if (!std::isfinite(analytic.multiplier) || analytic.binding >= analytic.resources.size() ||
      !(sim > 0.0))
    return "";
  const ResourceCapacity &r = analytic.resources[analytic.binding];
  const double gap = analytic.multiplier / sim;
  if (gap > 1.15)
    return "- the analytic bound is " + percent(gap - 1.0) +
           " above the simulated capacity: " + r.name + " is " +
           percent((r.load + (sim - 1.0) * r.marginal) / r.capacity) +
           " used at the simulated capacity; queues grow before 100% when arrivals and service "
           "vary, departures come in weekly batches, and boxes miss connections.\n";
  if (gap >= 0.95)
    return "";
  const std::string why =
      r.per_vehicle ? "its vehicles sent on demand carried " + one_decimal(r.teu_per_vehicle) +
                          " TEU each at 1× and fill fuller as demand grows (each waits less for "
                          "its load), so more demand adds fewer vehicles"
                    : "as it fills, the route choice and re-planning move boxes to other routes";
  return "- the simulation carries " + percent(1.0 / gap - 1.0) +
         " more than the analytic bound, whose marginal load on " + r.name +
         " is measured between 0.5× and 1×: " + why + ".\n";
}

/// Why the network bound differs from the simulated answer, with the numbers; "" when it
/// is within 15% above and not below.
std::string network_gap(const AnalyticCapacity &analytic, const ServiceBound &network, double sim) {
  if (network.unbounded || !(sim > 0.0))
    return "";
  if (network.multiplier < 0.999 * sim)
    return "- the network bound is below the simulated capacity: the other flows' load it "
           "leaves out (their base-run load) shrinks as the set's boxes take their room.\n";
  if (network.multiplier <= 1.15 * sim)
    return "";
  std::string out = "- the network bound is " + percent(network.multiplier / sim - 1.0) +
                    " above the simulated capacity: it sends boxes over every route at once, "
                    "each resource full, while the simulation's boxes choose routes one at a "
                    "time by cost and queue at the first resource to fill.";
  if (analytic.binding < analytic.resources.size() &&
      analytic.resources[analytic.binding].per_vehicle)
    out += " It also fills every vehicle sent on demand, where those through " +
           analytic.resources[analytic.binding].name + " carried " +
           one_decimal(analytic.resources[analytic.binding].teu_per_vehicle) +
           " TEU each at 1× (they leave when their wait runs out).";
  return out + "\n";
}

/// The p95 target, not a resource, limits the searches: how many met it at no demand.
std::string target_binds(const SimulatedCapacity &simulated) {
  const auto none = std::count_if(
      simulated.searches.begin(), simulated.searches.end(),
      [](const StabilitySearch &s) { return s.outcome == StabilitySearch::Outcome::NoCapacity; });
  return "- the p95 target binds, not a resource: the bounds know no target. " +
         std::to_string(none) + " of " + std::to_string(simulated.searches.size()) +
         " searches found no demand that meets it (their 0 is in the mean): a target near what "
         "the timetable gives at any load.\n";
}

} // namespace

std::string explain_capacity(const AnalyticCapacity &analytic, const ServiceBound &network,
                             const SimulatedCapacity &simulated) {
  if (simulated.all(StabilitySearch::Outcome::NoCapacity))
    return "- unstable even at the lowest demand tried: a target the timetable cannot meet, or "
           "overload elsewhere (another flow or background traffic) that this demand does "
           "not cause; see `corsim simulate` of the scenario.\n";
  std::string out;
  if (simulated.any(StabilitySearch::Outcome::NotFound))
    out += "- some searches found no limit below the largest multiplier tried: the simulated "
           "figure is a lower bound.\n";
  if (simulated.binding.rfind(verdict_name(StabilityProbe::Verdict::SlowP95), 0) == 0)
    return out + target_binds(simulated);
  if (analytic.binding > 0 && !analytic.resources.empty())
    out += "- " + analytic.resources.front().name + " fills at " +
           one_decimal(analytic.resources.front().multiplier) +
           "×, before any resource of the crossing: a limit of the routes through it, not of "
           "the crossing (whose boxes it then holds back).\n";
  const double sim = simulated.multiplier.mean;
  out += analytic_gap(analytic, sim) + network_gap(analytic, network, sim);
  if (out.empty())
    out = "- the bounds are within 15% of the simulated capacity: one resource binds.\n";
  return out;
}

} // namespace corsim::model
