#include "results_collector.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace corsim::model::detail {

ResultsCollector::ResultsCollector(const Context &ctx)
    : ctx_(ctx), flows_(ctx.net.demand.size()), services_(ctx.in.services.size()),
      background_(ctx.net.background.size()) {}

void ResultsCollector::background_entered(std::size_t b, double teu) {
  BackgroundStats &s = background_[b];
  ++s.entered;
  if (ctx_.eng.now() >= ctx_.warmup_end) {
    ++s.measured_vehicles;
    s.measured_teu += teu;
  }
}

void ResultsCollector::background_left(std::size_t b, Tick entered) {
  BackgroundStats &s = background_[b];
  ++s.left;
  if (entered >= ctx_.warmup_end)
    s.through.add(hours(ctx_.eng.now() - entered));
}

void ResultsCollector::delivered(const Consignment &k) {
  const Tick now = ctx_.eng.now();
  FlowStats &fs = flows_[k.flow];
  fs.teu.delivered += k.teu;
  if (now >= ctx_.warmup_end)
    fs.delivered_teu += k.teu;
  if (k.ready < ctx_.warmup_end)
    return;
  const double transit = hours(now - k.ready);
#ifndef NDEBUG
  double sum = 0.0;
  for (double w : k.wait)
    sum += w;
  assert(std::abs(sum - transit) < 1e-4 && "wait causes must partition the transit time");
#endif
  fs.transit.add(transit);
  fs.p50.add(transit);
  fs.p90.add(transit);
  fs.p95.add(transit);
  if (k.due == 0 || now <= k.due)
    ++fs.on_time;
  for (int i = 0; i < wait_cause_count; ++i)
    fs.wait_sum[i] += k.wait[i];
  fs.cost.add(k.cost);
  fs.co2.add(k.co2);
  std::vector<ServiceIndex> route;
  for (const PlannedLeg &l : k.legs)
    if (route.empty() || route.back() != l.service)
      route.push_back(l.service);
  fs.by_route[route].add(transit);
  const auto day = static_cast<std::size_t>(transit / hours_per_day);
  const std::size_t bin = std::min(day, max_histogram_days);
  if (fs.histogram.size() <= bin)
    fs.histogram.resize(bin + 1, 0);
  ++fs.histogram[bin];
}

void ResultsCollector::reset_services() {
  for (ServiceStats &s : services_)
    s = ServiceStats{};
  for (BackgroundStats &s : background_) { // the whole-run counts carry on
    s.measured_vehicles = 0;
    s.measured_teu = 0.0;
  }
}

Conservation ResultsCollector::totals(const Consignments &boxes) const {
  Conservation c;
  for (const FlowStats &f : flows_) {
    c.generated += f.teu.generated;
    c.delivered += f.teu.delivered;
    c.unroutable += f.teu.unroutable;
    c.consignments += f.teu.consignments;
  }
  for (const Consignment &k : boxes.all())
    if (k.live)
      (k.boarded_once ? c.in_transit : c.backlog) += k.teu;
  return c;
}

} // namespace corsim::model::detail
