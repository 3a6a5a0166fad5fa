#pragma once
/// \file model/driver_hours.hpp
/// Truck driver-hours rules (EU 561/2006 and the AETR agreement, simplified): a 45-minute
/// break after 4.5 hours of driving, and an 11-hour daily rest after 9 hours of driving.
/// One driver per truck; a new trip starts rested.

#include "corsim/units.hpp"

namespace corsim::model {

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
};

/// Drives `driving` hours from `state`, inserting breaks and rests as the rules require, and
/// updates `state`. A break or rest falling exactly at the end of the drive is not taken (the
/// driver stops there anyway; it is taken before the next drive).
DriveTime drive(DriverState &state, Hours driving, const DriverHoursRules &rules = {});

} // namespace corsim::model
