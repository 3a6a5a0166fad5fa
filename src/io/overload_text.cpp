// The overload warning, one sentence for the terminal and the report.
#include "corsim/io/outputs.hpp"

#include <fmt/format.h>

namespace corsim::io {

std::string overload_warning(const model::SimulationResults &r) {
  if (r.overloads.empty())
    return "";
  const model::Overload &first = r.overloads.front();
  const double weeks = r.over_time.period.value() / (7.0 * 24.0) *
                       static_cast<double>(r.over_time.in_system_teu.size());
  std::string text = fmt::format("overloaded: {} rose by {:.0f} {} over the {:.0f} weeks measured "
                                 "(mean {:.0f}) and does not settle",
                                 first.what, first.growth, first.unit, weeks, first.mean);
  for (std::size_t i = 1; i < r.overloads.size(); ++i)
    text += fmt::format("{} {} (+{:.0f} {})", i == 1 ? "; rising too:" : ",", r.overloads[i].what,
                        r.overloads[i].growth, r.overloads[i].unit);
  double undelivered = 0.0;
  for (const model::OdResult &o : r.od)
    undelivered += o.backlog_teu.mean + o.in_transit_teu.mean;
  return text + fmt::format(". Transit times are those of the boxes delivered: {:.0f} TEU still "
                            "undelivered at the end are not in them (censored)",
                            undelivered);
}

} // namespace corsim::io
