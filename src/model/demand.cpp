// Demand: consignments generated per flow, planned on the timetable, split to vehicle size.
#include "demand.hpp"

#include <algorithm>
#include <cmath>

namespace corsim::model::detail {

namespace {
/// Mean hours between consignments of a flow.
double mean_gap(const DemandFlow &f) { return f.size.mean() * hours_per_year / f.volume.value(); }
} // namespace

Demand::Demand(Context &ctx, Planner &planner, Consignments &boxes, Stops &stops,
               ResultsCollector &results)
    : ctx_(ctx), planner_(planner), boxes_(boxes), stops_(stops), results_(results) {
  for (const DemandFlow &f : ctx.net.demand)
    flow_rng_.push_back(ctx.stream("flow", f.id));
}

void Demand::start_flow(FlowIndex f) {
  Engine &eng = ctx_.eng;
  const DemandFlow &flow = ctx_.net.demand[f];
  if (flow.arrivals == ArrivalProcess::Bookings) {
    if (!flow.bookings.empty() && to_ticks(flow.bookings.front().ready) <= ctx_.end)
      eng.schedule_at(to_ticks(flow.bookings.front().ready), [this, f] { book(f, 0); });
    return;
  }
  if (!(flow.volume.value() > 0.0))
    return;
  const double gap = mean_gap(flow);
  const Tick first =
      flow.arrivals == ArrivalProcess::Poisson ? to_ticks(exponential(flow_rng_[f], gap)) : 0;
  if (first <= ctx_.end)
    eng.schedule_at(first, [this, f] { generate(f); });
}

void Demand::generate(FlowIndex f) {
  Engine &eng = ctx_.eng;
  const DemandFlow &flow = ctx_.net.demand[f];
  const double teu = sample(flow.size, flow_rng_[f]);
  if (teu > 0.0)
    release(f, teu);
  const double gap = mean_gap(flow);
  const double dt = flow.arrivals == ArrivalProcess::Poisson ? exponential(flow_rng_[f], gap) : gap;
  const Tick next = later(eng.now(), std::max<Tick>(1, to_ticks(dt)));
  if (next <= ctx_.end)
    eng.schedule_at(next, [this, f] { generate(f); });
}

// The bookings of a flow (sorted by ready time by the loader), one after another.
void Demand::book(FlowIndex f, std::size_t i) {
  Engine &eng = ctx_.eng;
  const DemandFlow &flow = ctx_.net.demand[f];
  const Booking &b = flow.bookings[i];
  release(f, b.teu.value(), b.due.value() > 0.0 ? to_ticks(b.due) : Tick{-1});
  if (i + 1 < flow.bookings.size()) {
    const Tick next = std::max(eng.now(), to_ticks(flow.bookings[i + 1].ready));
    if (next <= ctx_.end)
      eng.schedule_at(next, [this, f, i] { book(f, i + 1); });
  }
}

// A consignment larger than a vehicle on its itinerary travels as equal pieces that each fit
// (trucks of 2 TEU and 3-TEU bookings); the pieces count as consignments in the statistics.
void Demand::release(FlowIndex f, double teu, Tick due_at) {
  const DemandFlow &flow = ctx_.net.demand[f];
  const Tick now = ctx_.eng.now();
  FlowStats &fs = results_.flow(f);
  fs.teu.generated += teu;
  const auto plan = planner_.plan(f, teu);
  if (!plan) {
    fs.teu.unroutable += teu;
    ctx_.trace(TraceEvent::Kind::Unroutable, 0, 0, UINT32_MAX, flow.origin, teu);
    return;
  }
  planner_.book(*plan, teu);
  double smallest = teu;
  for (const PlannedLeg &l : plan->legs)
    smallest = std::min(smallest, ctx_.in.capacity[l.service].value());
  const double pieces = std::ceil(teu / smallest - 1e-9);
  const Tick due = due_at >= 0 ? due_at : flow.due.value() > 0.0 ? now + to_ticks(flow.due) : 0;
  for (double p = 0; p < pieces; ++p) {
    const std::uint32_t c = boxes_.create();
    Consignment &k = boxes_[c];
    k.flow = f;
    k.teu = teu / pieces;
    k.ready = now;
    k.planned_at = now;
    k.due = due;
    k.cost = plan->it.cost.value();
    k.co2 = plan->it.co2.value();
    k.legs = plan->legs;
    ++fs.teu.consignments;
    ctx_.trace(TraceEvent::Kind::Ready, k.id, 0, UINT32_MAX, flow.origin, k.teu);
    stops_.to_next_leg(c);
  }
}

} // namespace corsim::model::detail
