#pragma once
// The boxes in a replication: each consignment's itinerary, where it is on it and the hours it
// has spent by cause, in a pool whose slots are reused. Internal to corsim_model.

#include "context.hpp"

#include <cstdint>
#include <vector>

namespace corsim::model::detail {

/// One ride of a planned itinerary: service, and the stop indices where it boards and alights.
struct PlannedLeg {
  ServiceIndex service = 0;
  std::uint16_t board = 0;
  std::uint16_t alight = 0;
  /// The departure booked (its tick at the service's first stop); -1 = any with room. A booked
  /// consignment does not board an earlier departure.
  Tick trip = -1;
  double cost = 0.0; ///< USD per TEU of the ride, as planned (tariff and links)
  double co2 = 0.0;  ///< tonnes per TEU of the ride
};

struct Consignment {
  std::uint64_t id = 0;
  FlowIndex flow = 0;
  double teu = 0.0;
  Tick ready = 0;
  Tick due = 0; ///< 0 = none
  Tick queued_since = 0;
  Tick rolled_since = -1;     ///< first departure that left it behind on the current leg
  ServiceIndex rolled_by = 0; ///< the service of that departure (charged the rolled hours)
  /// Left behind, it re-planned onto another ride: its wait for it counts as rolled over.
  bool moved_after_roll = false;
  Tick planned_at = 0;     ///< when its current plan was made
  Tick blocked_since = -1; ///< when it found its yard full
  std::uint32_t leg = 0;
  bool boarded_once = false;
  bool in_yard = false;
  bool live = false;
  double cost = 0.0;
  double co2 = 0.0;
  std::vector<PlannedLeg> legs;
  Causes wait{};
  Causes snapshot{}; ///< the vehicle's cause clock when it boarded
  /// The leg it is on (or waits for).
  [[nodiscard]] const PlannedLeg &current() const { return legs[leg]; }
};

/// Consignments by slot; a slot is valid from create() until free().
class Consignments {
public:
  /// A new live consignment with the next id; its slot.
  std::uint32_t create();
  void free(std::uint32_t c);
  Consignment &operator[](std::uint32_t c) { return pool_[c]; }
  const Consignment &operator[](std::uint32_t c) const { return pool_[c]; }
  /// Every slot, live or free (test `live`).
  [[nodiscard]] const std::vector<Consignment> &all() const { return pool_; }

private:
  std::vector<Consignment> pool_;
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_id_ = 1;
};

} // namespace corsim::model::detail
