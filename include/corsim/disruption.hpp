#pragma once
/// \file disruption.hpp
/// Disruptions of a corridor over time windows: closures and capacity cuts of nodes, links and
/// services, weather delays on the links of a mode (or one link), each once or every year.
/// Plain data in Network::disruptions, validated by the loader; docs/corridor-format.md has
/// the file form and docs/model.md what the simulation does with each.

#include "corsim/calendar.hpp"
#include "corsim/distribution.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace corsim {

enum class DisruptionKind {
  Closure,  ///< nothing passes: the node's facilities, the link, the service's departures
  Capacity, ///< capacity scaled by `factor` (lanes, tracks, berths, paths, vehicle size...)
  Weather   ///< every leg begun in the window takes `delay` extra hours
};

enum class DisruptionTarget { Node, Link, Service, Mode };

/// "closure", "capacity", "weather"
inline const char *to_string(DisruptionKind k) {
  return k == DisruptionKind::Closure    ? "closure"
         : k == DisruptionKind::Capacity ? "capacity"
                                         : "weather";
}

struct Disruption {
  std::string id;
  DisruptionKind kind = DisruptionKind::Closure;
  DisruptionTarget target = DisruptionTarget::Node;
  std::uint32_t index = 0; ///< NodeIndex, LinkIndex, ServiceIndex or Mode, by `target`
  TimeWindow window;       ///< the first (or only) occurrence, hours from the epoch
  CivilDate first_day;     ///< the date `window` starts on, for yearly repetition
  bool yearly = false;     ///< repeats every year from the same date, with the same length
  double factor = 0.0;     ///< Capacity: share of the capacity left (> 0); Closure: 0
  DistributionSpec delay = DistributionSpec::fixed(0.0); ///< Weather: extra hours per leg
  /// How long before each occurrence starts the planner learns of it (0: when it starts, so
  /// boxes already on their way meet it unannounced). Weather is never foreseen.
  Hours notice{0.0};

  /// The occurrences that overlap [0, until), in time order (windows may start before 0).
  [[nodiscard]] std::vector<TimeWindow> occurrences(Hours until) const {
    std::vector<TimeWindow> out;
    if (!yearly) {
      if (window.start < until && window.end > Hours(0.0))
        out.push_back(window);
      return out;
    }
    const std::int64_t day0 = days_since_unix_epoch(first_day);
    for (int k = 0;; ++k) {
      CivilDate d{first_day.year + k, first_day.month, first_day.day};
      if (!is_valid_date(d))
        d.day = 28; // 29 February in a common year
      const Hours shift(24.0 * static_cast<double>(days_since_unix_epoch(d) - day0));
      const TimeWindow w{window.start + shift, window.end + shift};
      if (!(w.start < until))
        return out;
      if (w.end > Hours(0.0))
        out.push_back(w);
    }
  }
};

} // namespace corsim
