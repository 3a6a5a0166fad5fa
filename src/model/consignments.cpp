#include "consignments.hpp"

#include <utility>

namespace corsim::model::detail {

std::uint32_t Consignments::create() {
  std::uint32_t c;
  if (!free_slots_.empty()) {
    c = free_slots_.back();
    free_slots_.pop_back();
  } else {
    c = static_cast<std::uint32_t>(pool_.size());
    pool_.emplace_back();
  }
  std::vector<PlannedLeg> legs = std::move(pool_[c].legs); // keep its capacity
  legs.clear();
  pool_[c] = Consignment{};
  pool_[c].legs = std::move(legs);
  pool_[c].id = next_id_++;
  pool_[c].live = true;
  return c;
}

void Consignments::free(std::uint32_t c) {
  pool_[c].live = false;
  free_slots_.push_back(c);
}

} // namespace corsim::model::detail
