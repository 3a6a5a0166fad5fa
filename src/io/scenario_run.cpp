// A scenario's run settings: horizon, warm-up, replications, precision, seed, route choice.
#include "corsim/io/scenario.hpp"

#include "corsim/suggest.hpp"
#include "corsim/text.hpp"
#include "scenario_changes.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

namespace corsim::io {

namespace {

const model::RouteChoice route_choice_values[] = {model::RouteChoice::Logit,
                                                  model::RouteChoice::EarliestArrival,
                                                  model::RouteChoice::FixedShares};
const std::vector<std::string> route_choices = [] {
  std::vector<std::string> names;
  for (model::RouteChoice c : route_choice_values)
    names.emplace_back(model::to_string(c));
  return names;
}();

std::vector<model::RouteShare> read_shares(Diagnostics &diag, const YAML::Node &list) {
  std::vector<model::RouteShare> out;
  if (!list.IsSequence()) {
    diag.error(list, "'route_shares' must be a list of {flow, via, share}");
    return out;
  }
  for (const auto &entry : list) {
    MapReader m(diag, entry, "a route share", {"flow", "via", "share"});
    if (!m.valid())
      continue;
    model::RouteShare rs;
    rs.flow = m.text("flow", true).value_or("");
    rs.share = m.quantity("share", Dimension::Share, Sign::Positive, true).value_or(0.0);
    if (m.has("via") && m.node("via").IsSequence())
      for (const auto &v : m.node("via"))
        rs.via.push_back(scalar_text(diag, v, "'via'").value_or(""));
    else
      m.missing("via");
    out.push_back(std::move(rs));
  }
  return out;
}

/// replications, max_replications and precision (sequential replications).
void read_replications(Diagnostics &diag, MapReader &m, const YAML::Node &run,
                       model::SimulationOptions &o, const ScenarioLimits &limits) {
  if (auto n = m.integer("replications", 1, limits.max_replications, false))
    o.replications = *n;
  if (auto n = m.integer("max_replications", 1, limits.max_replications, false))
    o.max_replications = *n;
  if (auto p = m.quantity("precision", Dimension::Share, Sign::Positive, false)) {
    if (*p >= 1.0)
      diag.error(m.node("precision"), "'precision' is a relative half width below 100%, "
                                      "like 5%");
    else
      o.target_relative_half_width = *p;
  }
  if (o.target_relative_half_width > 0.0 && o.max_replications < o.replications)
    diag.error(run, "'max_replications' must be at least 'replications' (the minimum)");
}

} // namespace

void read_run_settings(Diagnostics &diag, const YAML::Node &run, model::SimulationOptions &o,
                       const ScenarioLimits &limits) {
  MapReader m(diag, run, "'run'",
              {"days", "warmup", "replications", "precision", "max_replications", "seed",
               "route_choice", "route_shares", "replan"});
  if (!m.valid())
    return;
  auto days = [&](const char *key, Hours &into, double min_days) {
    const auto h = m.quantity(key, Dimension::RunLength, Sign::NonNegative, false);
    if (!h)
      return;
    if (*h < min_days * hours_per_day || *h > limits.max_days * hours_per_day)
      diag.error(m.node(key), std::string("'") + key + "' must be from " +
                                  std::to_string(static_cast<int>(min_days)) + " d to " +
                                  std::to_string(static_cast<int>(limits.max_days)) + " d");
    else
      into = Hours(*h);
  };
  days("days", o.horizon, 1.0);
  if (m.has("warmup") && m.node("warmup").IsScalar() && m.node("warmup").Scalar() == "auto")
    o.auto_warmup = true; // chosen from the data (model::choose_warmup)
  else
    days("warmup", o.warmup, 0.0);
  read_replications(diag, m, run, o, limits);
  if (auto seed = m.text("seed", false)) {
    if (const auto value = parse_seed(*seed))
      o.seed = *value;
    else
      diag.error(m.node("seed"), "'seed' must be a whole number from 0 to 2^53 (9007199254740992)");
  }
  if (auto c = m.choice("route_choice", route_choices, false))
    o.route_choice = route_choice_values[*c];
  if (m.has("route_shares"))
    o.route_shares = read_shares(diag, m.node("route_shares"));
  if (auto c = m.choice("replan", {"react", "never"}, false))
    o.replan = *c == 0;
  if (o.route_choice == model::RouteChoice::FixedShares && o.route_shares.empty())
    diag.error(run, "route_choice 'shares' needs 'route_shares'");
}

/// Route shares name flows, services and links of the corridor as changed.
void check_route_shares(Diagnostics &diag, const Network &net, const YAML::Node &run) {
  if (!run.IsMap() || !run["route_shares"] || !run["route_shares"].IsSequence())
    return;
  std::vector<std::string> flows, via;
  for (const DemandFlow &f : net.demand)
    flows.push_back(f.id);
  for (const Service &s : net.services)
    via.push_back(s.id);
  for (const Link &l : net.links)
    via.push_back(l.id);
  auto known = [](const std::vector<std::string> &ids, const std::string &id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  for (const auto &entry : run["route_shares"]) {
    const YAML::Node flow = entry["flow"];
    if (flow && flow.IsScalar() && !known(flows, flow.Scalar()))
      diag.error(flow, "unknown flow " + in_quotes(flow.Scalar()) +
                           (!diag.wants_suggestions() ? "" : did_you_mean(flow.Scalar(), flows)));
    if (entry["via"] && entry["via"].IsSequence())
      for (const auto &v : entry["via"])
        if (v.IsScalar() && !known(via, v.Scalar()))
          diag.error(v, "unknown service or link " + in_quotes(v.Scalar()) +
                            (!diag.wants_suggestions() ? "" : did_you_mean(v.Scalar(), via)));
  }
}

namespace {

/// A run length as the scenario file reads it, exactly: whole days as "365 d", else hours.
std::string run_length_text(Hours h) {
  const double days = h.value() / hours_per_day;
  return days == std::floor(days) ? fmt::format("{} d", days) : fmt::format("{} h", h.value());
}

/// A change's value as the YAML it was read from (a map, a list or a scalar); the text itself
/// when it is not YAML (it was parsed before, so this is a defence, not a path).
YAML::Node as_yaml(const std::string &text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception &) {
    return YAML::Node(text);
  }
}

void emit_route_shares(YAML::Emitter &out, const std::vector<model::RouteShare> &shares) {
  out << YAML::Key << "route_shares" << YAML::Value << YAML::BeginSeq;
  for (const model::RouteShare &rs : shares) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "flow" << YAML::Value << rs.flow;
    out << YAML::Key << "via" << YAML::Value << YAML::Flow << rs.via;
    out << YAML::Key << "share" << YAML::Value << fmt::format("{}", rs.share) << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

} // namespace

// Every value is written as the scenario reader reads it (units, the change's own YAML), so
// that the text, saved as a file in the folder the run started from, runs the same again.
std::string Scenario::as_run() const {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "corsim" << YAML::Value << 1;
  out << YAML::Key << "scenario" << YAML::Value << name;
  out << YAML::Key << "base" << YAML::Value << corridor;
  out << YAML::Key << "run" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "days" << YAML::Value << run_length_text(options.horizon);
  out << YAML::Key << "warmup" << YAML::Value << run_length_text(options.warmup);
  out << YAML::Key << "replications" << YAML::Value << options.replications;
  if (options.target_relative_half_width > 0.0) {
    out << YAML::Key << "precision" << YAML::Value
        << fmt::format("{}", options.target_relative_half_width);
    out << YAML::Key << "max_replications" << YAML::Value << options.max_replications;
  }
  out << YAML::Key << "seed" << YAML::Value << options.seed;
  out << YAML::Key << "route_choice" << YAML::Value << model::to_string(options.route_choice);
  if (!options.route_shares.empty())
    emit_route_shares(out, options.route_shares);
  out << YAML::Key << "replan" << YAML::Value << (options.replan ? "react" : "never");
  out << YAML::EndMap << YAML::Key << "changes" << YAML::Value << YAML::BeginSeq;
  static const char *kinds[] = {"set", "scale", "add", "remove"};
  static const char *values[] = {"to", "by", "items", nullptr};
  for (const Change &c : changes) {
    const auto k = static_cast<std::size_t>(c.kind);
    out << YAML::BeginMap << YAML::Key << kinds[k] << YAML::Value << c.path;
    if (c.kind == Change::Kind::Scale)
      out << YAML::Key << values[k] << YAML::Value << c.value;
    else if (values[k]) // a value is YAML text: a map or a list stays one
      out << YAML::Key << values[k] << YAML::Value << as_yaml(c.value);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return out.c_str();
}

} // namespace corsim::io
