// A replication: the components wired together, the run, the warm-up reset and the periodic
// hook of the time series.
#include "replication.hpp"

namespace corsim::model::detail {

Replication::Replication(const ModelInputs &in, int replication)
    : ctx_(in, replication), facilities_(ctx_), results_(ctx_), planner_(ctx_, facilities_),
      stops_(ctx_, boxes_, facilities_, results_, planner_),
      vehicles_(ctx_, facilities_, stops_, results_), background_(ctx_, vehicles_),
      demand_(ctx_, planner_, boxes_, stops_, results_) {
  stops_.set_launch([this](ServiceIndex s, std::size_t stop, bool extra) {
    return vehicles_.launch(s, stop, extra);
  });
}

void Replication::run() {
  Engine &eng = ctx_.eng;
  const Network &net = ctx_.net;
  for (FlowIndex f = 0; f < net.demand.size(); ++f)
    demand_.start_flow(f);
  for (std::uint32_t s = 0; s < net.services.size(); ++s)
    if (ctx_.in.services[s].schedule.kind != Schedule::Kind::Dispatch)
      spawn(eng, vehicles_.timetable_departures(s));
  for (std::size_t b = 0; b < net.background.size(); ++b)
    spawn(eng, background_.arrivals(b));
  stops_.follow_disruptions();
  if (ctx_.warmup_end > 0)
    eng.schedule_at(
        ctx_.warmup_end, [this] { reset_statistics(); }, priority_urgent);
  if (period_ > 0)
    schedule_period(ctx_.warmup_end + period_);
  eng.run_until(ctx_.end);
}

void Replication::every(Tick period, std::function<void(Tick)> hook) {
  period_ = period;
  period_hook_ = std::move(hook);
}

void Replication::schedule_period(Tick at) {
  if (at > ctx_.end)
    return;
  ctx_.eng.schedule_at(
      at,
      [this, at] {
        period_hook_(at);
        schedule_period(at + period_);
      },
      priority_late);
}

void Replication::reset_statistics() {
  facilities_.reset_statistics(ctx_.eng.now());
  results_.reset_services();
}

} // namespace corsim::model::detail
