#pragma once
/// \file driver_hours.hpp
/// Truck driver-hours rules (EU 561/2006 and the AETR agreement, simplified): a 45-minute
/// break after 4.5 hours of driving, and an 11-hour daily rest after 9 hours of driving.
/// One driver per truck; a new trip starts rested. The one rule set and algorithm of corsim:
/// route-level answers (routing_graph.hpp, timetable.hpp, flow.hpp) and the simulation's
/// trucks (corsim/model) both drive through drive().

#include "corsim/network.hpp"
#include "corsim/units.hpp"

#include <optional>

namespace corsim {

struct DriverHoursRules {
  Hours drive_before_break{4.5};
  Hours break_length{0.75};
  Hours daily_driving{9.0};
  Hours daily_rest{11.0};
};

/// What the driver has done since the last break and the last daily rest.
struct DriverState {
  Hours since_break{0.0};
  Hours today{0.0};
};

struct DriveTime {
  Hours driving{0.0}; ///< equals the driving asked for
  Hours rest{0.0};    ///< breaks and daily rests taken on the way
  [[nodiscard]] Hours elapsed() const { return driving + rest; }
};

/// Drives `driving` hours from `state`, inserting breaks and rests as the rules require, and
/// updates `state`. A break or rest falling exactly at the end of the drive is not taken (the
/// driver stops there anyway; it is taken before the next drive). Rules with a non-positive
/// driving limit insert nothing.
DriveTime drive(DriverState &state, Hours driving, const DriverHoursRules &rules = {});

/// The elapsed time of a vehicle over link `l` whose running takes `running` hours: `running`,
/// and on a road link under `rules` also the breaks and daily rests that the driver, from
/// `driver` (updated), takes on the way. Without rules (nullopt) every link takes `running`.
DriveTime run_link(const Link &l, Hours running, DriverState &driver,
                   const std::optional<DriverHoursRules> &rules);

/// run_link at the link's mean running time for a driver rested at its start, in hours.
Hours mean_elapsed_time(const Link &l, const std::optional<DriverHoursRules> &rules);

} // namespace corsim
