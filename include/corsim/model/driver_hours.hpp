#pragma once
/// \file model/driver_hours.hpp
/// The simulation's trucks follow the driver-hours rules of corsim/driver_hours.hpp, the same
/// rules and algorithm that route-level answers use; their names here for model code.

#include "corsim/driver_hours.hpp"

namespace corsim::model {

using corsim::drive;
using corsim::DriverHoursRules;
using corsim::DriverState;
using corsim::DriveTime;

} // namespace corsim::model
