#pragma once
// A vehicle on one trip of its service: its load, the boxes aboard and the clock of causes its
// passengers share. Internal to corsim_model.

#include "context.hpp"

#include "corsim/model/driver_hours.hpp"
#include "corsim/process.hpp"

#include <cstdint>
#include <vector>

namespace corsim::model::detail {

struct GaugeYard;

struct Trip {
  std::uint64_t number = 0;
  ServiceIndex service = 0;
  std::vector<std::uint32_t> aboard; ///< consignment slots
  double load = 0.0;                 ///< TEU aboard
  Causes clock{};
  DriverState driver;
  Gauge gauge = Gauge::None;
  int wagons_held = 0; ///< wagons taken from a gauge-change pool, returned after departure
  GaugeYard *wagons_from = nullptr;
  double capacity = 0.0; ///< TEU, after any capacity cut of the service at departure
  Tick key = -1;         ///< timetabled: its departure from the first stop, as bookings name it
  double boarded_first = 0.0; ///< TEU boarded at the first stop, loaded by the trip's cranes
  double boarded = 0.0;       ///< TEU boarded at all its stops (0: it ran empty)
  bool background = false;    ///< other origins' traffic: its load, no boxes (background.cpp)
  bool extra = false;         ///< an extra departure (Service::extra): takes the boxes booked later
  std::uint64_t vehicle = UINT64_MAX; ///< its fleet's vehicle (fleets.cpp); none without a fleet
  Tick entered = 0;                   ///< background: when it entered at its first stop
};

/// Starts `p` now and returns the signal of its end, for `co_await sub(...)`.
inline Signal &sub(Engine &eng, Process p) {
  return spawn(eng, std::move(p), priority_urgent).done();
}

} // namespace corsim::model::detail
