#pragma once
// The read-only inputs that every replication of a run shares: the network, the options, the
// timetable, the services the model runs (with on-demand trucks) and the disruptions as
// timelines. Internal to corsim_model.

#include "corsim/engine.hpp"
#include "corsim/model/simulation.hpp"
#include "corsim/timetable.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace corsim::model::detail {

/// A target's capacity over time from its closures and capacity cuts: `factor[i]` holds from
/// `at[i]` until `at[i + 1]`, 1 before `at[0]`; overlapping disruptions multiply.
struct Timeline {
  std::vector<Tick> at;
  std::vector<double> factor;
  [[nodiscard]] bool empty() const { return at.empty(); }
  [[nodiscard]] double factor_at(Tick t) const;
  /// The earliest tick >= t at which the factor is positive (t when open).
  [[nodiscard]] Tick open_at(Tick t) const;
  /// Whether it is closed (factor 0) at some time in [from, to).
  [[nodiscard]] bool closed_during(Tick from, Tick to) const {
    return open_at(from) != from || closes_in(from, to);
  }
  /// Whether a closure starts in (from, to).
  [[nodiscard]] bool closes_in(Tick from, Tick to) const;
  /// The time-average factor over [from, to).
  [[nodiscard]] double mean_factor(Tick from, Tick to) const;
  /// Calls `f(a, b, factor)` for each stretch [a, b) of [from, to) with one factor.
  template <class F> void for_each_stretch(Tick from, Tick to, F &&f) const {
    double current = 1.0;
    Tick a = from;
    for (std::size_t i = 0; i <= at.size() && a < to; ++i) {
      const Tick b = i < at.size() ? std::min(to, at[i]) : to;
      if (b > a) {
        f(a, b, current);
        a = b;
      }
      if (i < at.size())
        current = factor[i];
    }
  }
};

/// One occurrence of a closure or capacity cut on one target, and when the planner learns of it.
struct Cut {
  DisruptionTarget target = DisruptionTarget::Node; ///< Node, Link or Service
  std::uint32_t index = 0;
  Tick start = 0;
  Tick end = 0;
  double factor = 0.0; ///< 0: closed
  Tick announced = 0;  ///< start less the disruption's notice, not before 0
};

/// The timeline of `cuts` (those on one target).
Timeline make_timeline(const std::vector<Cut> &cuts);

/// Timelines per node, link and service.
struct CutTimelines {
  std::vector<Timeline> node, link, service;
};

/// The timelines of the cuts in `all` announced by `now` (what the planner knows then), for
/// `nodes`, `links` and `services` targets.
CutTimelines announced_timelines(const std::vector<Cut> &all, Tick now, std::size_t nodes,
                                 std::size_t links, std::size_t services);

/// A weather disruption's occurrence on one link.
struct WeatherWindow {
  Tick start = 0;
  Tick end = 0;
  std::uint32_t disruption = 0; ///< index into Network::disruptions (its random stream)
};

/// The random stream number of what draws (purpose "flow", "link", ...) and its id.
std::uint64_t stream_key(const char *purpose, const std::string &id);

/// Read-only inputs shared by all replications.
struct ModelInputs {
  const Network *net = nullptr;
  const SimulationOptions *options = nullptr;
  const Timetable *timetable = nullptr;
  /// Network services, then on-demand road links, then background traffic (from
  /// background_begin, in the order of Network::background).
  std::vector<Service> services;
  ServiceIndex background_begin = 0;
  /// [service][stop]: its train is transshipped onto the other gauge there.
  std::vector<std::vector<bool>> gauge_change_at;
  std::vector<Teu> capacity;           ///< effective TEU per vehicle, per service
  std::vector<ServiceIndex> on_demand; ///< [link * 2 + (reverse ? 1 : 0)] -> service
  /// Logit or fixed shares: per flow, one filter per alternative route (empty otherwise),
  /// and for fixed shares their weights (empty for flows chosen by logit).
  std::vector<std::vector<RouteFilter>> choice_sets;
  std::vector<std::vector<double>> choice_shares;
  /// Disruptions (disruptions.cpp): per node, link and service (empty for on-demand trucks).
  std::vector<Timeline> node_cut, link_cut, service_cut;
  /// Every occurrence of a closure or capacity cut, by announcement time.
  std::vector<Cut> cuts;
  std::vector<std::vector<WeatherWindow>> link_weather; ///< per link
};

/// Fills the disruption fields of `in` for a run of `until` hours (disruptions.cpp).
void add_disruptions(ModelInputs &in, Hours until);

} // namespace corsim::model::detail
