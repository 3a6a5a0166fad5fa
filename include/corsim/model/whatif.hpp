#pragma once
/// \file model/whatif.hpp
/// What-ifs on a loaded network, for searches that vary one number many times (the capacity
/// search, demand growth): the change is made in memory and checked against the same limits
/// as the loader, without reading or validating the corridor file again. Scenario files and
/// `--set`/`--scale` (corsim/io/scenario.hpp) change the YAML instead, for any path.

#include "corsim/model/results.hpp"
#include "corsim/network.hpp"

#include <cstddef>
#include <vector>

namespace corsim::model {

/// Multiplies the yearly volume of the demand flows `flows` (indices into `net.demand`) by
/// `factor`. Throws InputError when the factor is not positive and finite, or when a flow would
/// generate more than max_consignments_per_year; `net` is unchanged then.
void scale_demand(Network &net, const std::vector<FlowIndex> &flows, double factor);

/// Multiplies the departures of service `s`. An interval timetable's headway is divided by
/// `factor`; a weekly timetable takes a whole factor k and gets k - 1 more departures spread
/// evenly between each departure and the next (around the week). Throws InputError for a
/// factor that is not positive and finite, a weekly factor that is not a whole number from 1
/// to 100, or a dispatch service (it has no frequency); `net` is unchanged then.
void scale_departures(Network &net, ServiceIndex s, double factor);

/// Sets the units of the facility `kind` at `node`: the lanes of customs or a road checkpoint,
/// the berths of a seaport, the transfer tracks or the wagons of a gauge-change yard, the
/// cranes of the crane gang. Throws InputError when the node has no such facility, when the
/// kind has no units to set (a yard's slots are TEU; paths and single track belong to links),
/// or when `units` is outside the loader's range; `net` is unchanged then.
void set_facility_units(Network &net, NodeIndex node, FacilityKind kind, int units);

} // namespace corsim::model
