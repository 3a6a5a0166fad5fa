// summary.json: every result with its 95% interval, the run and the scenario as run
// (schemas/summary.schema.json documents the structure).
#include "corsim/io/outputs.hpp"
#include "outputs_detail.hpp"

#include <cmath>

namespace corsim::io {
namespace {

using detail::estimate_json;
using detail::Json;

Json flow_json(const Network &net, const model::SimulationResults &r, const model::OdResult &o) {
  Json routes = Json::array();
  for (const auto &route : o.routes) {
    std::vector<std::string> ids;
    for (std::uint32_t s : route.services)
      ids.push_back(s < r.services.size() ? r.services[s].id : "?");
    routes.push_back({{"services", ids},
                      {"share", estimate_json(route.share)},
                      {"transit_hours_mean", estimate_json(route.transit_mean)}});
  }
  Json waits = Json::object();
  for (int c = 0; c < model::wait_cause_count; ++c)
    waits[to_string(static_cast<model::WaitCause>(c))] = estimate_json(o.wait_hours[c]);
  return {
      {"flow", o.flow},
      {"from", net.nodes[o.origin].id},
      {"to", net.nodes[o.destination].id},
      {"cargo", to_string(o.cargo)},
      {"transit_hours",
       {{"mean", estimate_json(o.transit_mean)},
        {"p50", estimate_json(o.transit_p50)},
        {"p90", estimate_json(o.transit_p90)},
        {"p95", estimate_json(o.transit_p95)},
        {"max", estimate_json(o.transit_max)}}},
      {"on_time_share", estimate_json(o.on_time_share)},
      {"delivered_teu_per_year", estimate_json(o.delivered_teu_per_year)},
      {"backlog_teu", estimate_json(o.backlog_teu)},
      {"in_transit_teu", estimate_json(o.in_transit_teu)},
      {"unroutable_teu", estimate_json(o.unroutable_teu)},
      {"cost_usd_per_teu", estimate_json(o.cost_per_teu)},
      {"co2_tonnes_per_teu", estimate_json(o.co2_per_teu)},
      {"wait_hours_by_cause", waits},
      {"routes", routes},
      {"transit_histogram", {{"bin_days", in_days(o.transit_bin)}, {"share", o.transit_histogram}}},
      {"note", o.note}};
}

Json facility_json(const Network &net, const model::FacilityResult &f) {
  return {{"facility", model::facility_name(net, f)},
          {"node", net.nodes[f.node].id},
          {"link", f.link < net.links.size() ? Json(net.links[f.link].id) : Json(nullptr)},
          {"kind", to_string(f.kind)},
          {"capacity", f.capacity},
          {"utilisation", estimate_json(f.utilisation)},
          {"mean_queue", estimate_json(f.mean_queue)},
          {"max_queue", estimate_json(f.max_queue)},
          {"mean_wait_hours", estimate_json(f.mean_wait)},
          {"visits_per_year", estimate_json(f.visits_per_year)},
          {"delay_teu_hours_per_year", estimate_json(f.delay_teu_hours_per_year)},
          {"background_share", estimate_json(f.background_share)}};
}

Json background_json(const model::BackgroundResult &b) {
  return {{"background", b.id},
          {"name", b.name},
          {"vehicles_per_year", estimate_json(b.vehicles_per_year)},
          {"teu_per_year", estimate_json(b.teu_per_year)},
          {"hours_through", estimate_json(b.hours_through)}};
}

Json service_json(const model::ServiceResult &s) {
  return {{"service", s.id},
          {"on_demand", s.on_demand},
          {"capacity_teu", s.capacity.value()},
          {"departures_per_year", estimate_json(s.departures_per_year)},
          {"load_factor", estimate_json(s.load_factor)},
          {"rolled_over_teu_per_year", estimate_json(s.rolled_over_teu_per_year)},
          {"delay_teu_hours_per_year", estimate_json(s.delay_teu_hours_per_year)},
          {"cancelled_per_year", estimate_json(s.cancelled_per_year)},
          {"empty_trips_per_year", estimate_json(s.empty_trips_per_year)}};
}

Json link_json(const Network &net, const model::LinkResult &l) {
  const Link &link = net.links[l.link];
  return {{"link", link.id},
          {"from", net.nodes[link.from].id},
          {"to", net.nodes[link.to].id},
          {"mode", to_string(link.mode)},
          {"teu_per_year", estimate_json(l.teu_per_year)},
          {"vehicles_per_year", estimate_json(l.vehicles_per_year)},
          {"utilisation", estimate_json(l.utilisation)}};
}

Json key_json(const model::KeyResult &k) {
  Json reps = Json::array();
  for (double v : k.per_replication) // NaN: that replication gave no value
    reps.push_back(std::isfinite(v) ? Json(v) : Json(nullptr));
  return {{"subject", k.subject},
          {"measure", k.measure},
          {"unit", k.unit},
          {"estimate", estimate_json(k.estimate)},
          {"per_replication", reps}};
}

Json replication_json(const model::ReplicationSummary &x) {
  return {{"generated_teu", x.teu.generated},
          {"delivered_teu", x.teu.delivered},
          {"in_transit_teu", x.teu.in_transit},
          {"backlog_teu", x.teu.backlog},
          {"unroutable_teu", x.teu.unroutable},
          {"consignments", x.teu.consignments},
          {"events", x.events},
          {"max_yard_teu", x.max_yard_teu},
          {"max_yard_share", x.max_yard_share},
          {"background_entered", x.background_entered},
          {"background_left", x.background_left}};
}

template <class T, class F> Json array_of(const std::vector<T> &items, F &&to_json) {
  Json out = Json::array();
  for (const T &item : items)
    out.push_back(to_json(item));
  return out;
}

Json scenario_json(const ScenarioOutput &s, std::size_t index) {
  const Network &net = *s.network;
  const model::SimulationResults &r = *s.results;
  return {
      {"name", detail::scenario_name(s.name, index)},
      {"network", net.name},
      {"measured_days", in_days(r.measured)},
      {"key_results", array_of(r.key, key_json)},
      {"flows", array_of(r.od, [&](const auto &o) { return flow_json(net, r, o); })},
      {"facilities", array_of(r.facilities, [&](const auto &f) { return facility_json(net, f); })},
      {"services", array_of(r.services, service_json)},
      {"links", array_of(r.links, [&](const auto &l) { return link_json(net, l); })},
      {"background", array_of(r.background, background_json)},
      {"bottlenecks", array_of(r.bottlenecks,
                               [](const model::Bottleneck &b) {
                                 return Json{
                                     {"where", b.what},
                                     {"delay_teu_hours_per_year", b.delay_teu_hours_per_year},
                                     {"utilisation", b.utilisation}};
                               })},
      {"replications", array_of(r.replications, replication_json)},
      {"overloads", array_of(r.overloads,
                             [](const model::Overload &o) {
                               return Json{{"what", o.what},
                                           {"unit", o.unit},
                                           {"growth", o.growth},
                                           {"mean", o.mean}};
                             })},
      {"overload_warning", overload_warning(r)},
      {"warnings", r.warnings}};
}

Json difference_json(const model::Difference &d) {
  return {{"subject", d.subject},
          {"measure", d.measure},
          {"unit", d.unit},
          {"base", estimate_json(d.base)},
          {"other", estimate_json(d.other)},
          {"difference", estimate_json(d.difference)},
          {"significant", d.significant}};
}

Json run_json(const RunRecord &run) {
  return {{"command", run.command},           {"scenario", run.scenario},
          {"horizon_days", run.horizon_days}, {"warmup_days", run.warmup_days},
          {"replications", run.replications}, {"seed", run.seed},
          {"route_choice", run.route_choice}, {"run_seconds", run.run_seconds}};
}

} // namespace

std::string results_json(const ScenarioOutput &scenario, const RunRecord &run) {
  Json out{{"run", run_json(run)}};
  out["run"].erase("run_seconds");                 // stdout stays the same bytes from run to run
  const Json results = scenario_json(scenario, 0); // named: items() must not outlive it
  for (const auto &[key, value] : results.items())
    out[key] = value;
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string summary_json(const std::vector<ScenarioOutput> &scenarios, const RunRecord &run,
                         const Differences &differences) {
  Json list = Json::array();
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    list.push_back(scenario_json(scenarios[i], i));
  Json diffs = Json::array();
  for (std::size_t i = 0; i < differences.size() && i + 1 < scenarios.size(); ++i)
    diffs.push_back({{"base", detail::scenario_name(scenarios[0].name, 0)},
                     {"other", detail::scenario_name(scenarios[i + 1].name, i + 1)},
                     {"results", array_of(differences[i], difference_json)}});
  const Json out{{"corsim_version", corsim_version()},
                 {"run", run_json(run)},
                 {"scenario_as_run", run.scenario_as_run},
                 {"scenarios", list},
                 {"differences", diffs}};
  // Invalid UTF-8 in a user's file is replaced rather than thrown on half way through a run.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace corsim::io
