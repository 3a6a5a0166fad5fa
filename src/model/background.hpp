#pragma once
// Background traffic: the vehicles of other origins entering the network, by a rate (random
// or evenly spaced) or a timetable, scaled by month and stopped on holidays; each runs as a
// trip of its own (vehicles.cpp) without boxes. Internal to corsim_model.

#include "vehicles.hpp"

#include <vector>

namespace corsim::model::detail {

class Background {
public:
  Background(Context &ctx, Vehicles &vehicles);
  /// The vehicles of background stream `b` (index into Network::background) for the run.
  Process arrivals(std::size_t b);

private:
  /// The stream's rate factor at `t`: its month's factor, 0 on its holidays.
  [[nodiscard]] double factor_at(const BackgroundTraffic &b, Hours t) const;
  /// The next entry after `t` (hours), or infinity after the end of the run.
  [[nodiscard]] double next_entry(std::size_t b, double t);
  void enter(std::size_t b);

  Context &ctx_;
  Vehicles &vehicles_;
  std::vector<RandomStream> rng_; ///< per stream: arrival times, thinning and loads
};

} // namespace corsim::model::detail
