#include "corsim/model/whatif.hpp"

#include "corsim/error.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace corsim::model {

namespace {
std::string factor_text(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}
} // namespace

void scale_demand(Network &net, const std::vector<FlowIndex> &flows, double factor) {
  if (!(factor > 0.0) || !std::isfinite(factor))
    throw InputError("a demand factor must be positive and finite, not " + factor_text(factor));
  for (FlowIndex f : flows) {
    const DemandFlow &flow = net.demand.at(f);
    if (flow.volume.value() * factor / flow.size.mean() > max_consignments_per_year)
      throw InputError("demand of flow " + flow.id + " × " + factor_text(factor) +
                       " gives more than 1,000,000 consignments a year");
  }
  for (FlowIndex f : flows) // volumes are in TEU/yr, as the loader keeps them
    net.demand[f].volume = TeuPerYear(net.demand[f].volume.value() * factor);
}

} // namespace corsim::model
