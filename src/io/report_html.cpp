// report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) that
// opens offline in any browser. docs/outputs.md lists its sections and element ids.
#include "corsim/io/outputs.hpp"
#include "outputs_detail.hpp"
#include "report_charts.hpp"
#include "svg.hpp"

#include "corsim/units.hpp"

#include <fmt/format.h>

#include <cmath>

namespace corsim::io {
namespace {

using svg::escape;

constexpr const char *style = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#222;
 background:#fff;max-width:1600px}
h1{font-size:1.6em;margin-bottom:4px}h2{border-bottom:2px solid #4e79a7;padding-bottom:4px}
.run{color:#555}
.side-by-side{display:grid;gap:24px;grid-template-columns:repeat(var(--n),minmax(0,1fr))}
table{border-collapse:collapse;font-size:.9em;margin:8px 0 16px}
th,td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right;white-space:nowrap}
.wide{overflow-x:auto}
th:first-child,td:first-child,th.text,td.text{text-align:left}
.chart{max-width:100%;height:auto;display:block;margin:6px 0 14px;font-size:11px}
.charts{display:flex;flex-wrap:wrap;gap:8px}
.axes line{stroke:#666}.axes line.grid{stroke:#e4e4e4}.axis-title{fill:#444}
.link{fill:none;stroke-linecap:round;opacity:.85}.link.sea{stroke-dasharray:8 5}
.node{stroke:#222;stroke-width:1}.node-label{font-weight:600}
.marker{stroke:#c0392b;stroke-width:1.5;stroke-dasharray:4 2}
.marker-label{fill:#c0392b;font-size:10px}
.series{fill:none;stroke-width:2}.zero{stroke:#888}
.difference line{stroke:#777;stroke-width:2}.difference circle{fill:#777}
.difference.significant line{stroke:#c0392b}.difference.significant circle{fill:#c0392b}
tr.significant td{font-weight:600;color:#a93226}summary{cursor:pointer;margin:6px 0}
.note{color:#8a5a00}.warning{background:#fde8e8;border-left:4px solid #c00;padding:.5em}.empty{fill:#999}
)";

/// "12.3 ± 0.4" (± only with an interval), "-" without a value.
std::string est(const model::Estimate &e, double scale = 1.0, int decimals = 1) {
  if (e.n == 0)
    return "-";
  std::string s = fmt::format("{:.{}f}", e.mean * scale, decimals);
  if (e.n >= 2 && e.half_width * scale >= 0.5 * std::pow(10.0, -decimals)) // not "± 0.0"
    s += fmt::format(" ± {:.{}f}", e.half_width * scale, decimals);
  return s;
}

std::string header(const std::vector<ScenarioOutput> &scenarios, const RunRecord &run) {
  const std::string network = scenarios.empty() ? "" : scenarios[0].network->name;
  const std::string title = !run.scenario.empty() ? run.scenario
                            : !network.empty()    ? network
                                                  : std::string("corsim results");
  return fmt::format("<header><h1>{}</h1><p class=\"run\">{}corsim {} {}: {} days measured "
                     "after {} days of warm-up, {} replication{}, seed {}, route choice {}; ran "
                     "in {:.1f} s. ± = 95% interval across replications.</p></header>",
                     escape(title),
                     network.empty() || network == title ? "" : escape(network) + ". ",
                     escape(corsim_version()), escape(run.command), run.horizon_days,
                     run.warmup_days, run.replications, run.replications == 1 ? "" : "s", run.seed,
                     escape(run.route_choice), run.run_seconds);
}

std::string flow_table(const Network &net, const model::SimulationResults &r) {
  const double day = 1.0 / hours_per_day;
  std::string out =
      "<table class=\"flows\"><tr><th>flow</th><th class=\"text\">from→to</th><th>mean d</th>"
      "<th>p50 d</th><th>p90 d</th><th>p95 d</th><th>on time %</th>"
      "<th>TEU/yr</th></tr>";
  for (const auto &o : r.od)
    out += fmt::format("<tr><td>{}</td><td class=\"text\">{}→{}</td><td>{}</td><td>{}</td>"
                       "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                       escape(o.flow), escape(net.nodes[o.origin].id),
                       escape(net.nodes[o.destination].id), est(o.transit_mean, day),
                       est(o.transit_p50, day), est(o.transit_p90, day), est(o.transit_p95, day),
                       est(o.on_time_share, 100.0, 0), est(o.delivered_teu_per_year, 1.0, 0));
  return out + "</table>";
}

std::string bottleneck_table(const std::string &id, const model::SimulationResults &r) {
  if (r.bottlenecks.empty())
    return "<p>No queueing anywhere.</p>";
  std::string out =
      fmt::format("<table id=\"{}\" class=\"bottlenecks\"><tr><th>#</th>"
                  "<th class=\"text\">where</th><th>TEU·h queued/yr</th><th>util %</th></tr>",
                  id);
  int rank = 0;
  for (const auto &b : r.bottlenecks)
    out +=
        fmt::format("<tr><td>{}</td><td class=\"text\">{}</td><td>{}</td><td>{:.1f}</td></tr>",
                    ++rank, escape(b.what), svg::tick_label(std::round(b.delay_teu_hours_per_year)),
                    100.0 * b.utilisation);
  return out + "</table>";
}

// Facilities other origins' vehicles also use: how busy, and whose visits; then the streams.
std::string shared_table(const Network &net, const model::SimulationResults &r) {
  std::string out = "<table class=\"shared\"><tr><th class=\"text\">facility</th><th>util %</th>"
                    "<th>mean wait h</th><th>visits/yr</th><th>other origins %</th></tr>";
  for (const auto &f : r.facilities)
    if (f.background_share.n > 0 && f.background_share.mean > 0.0)
      out += fmt::format("<tr><td class=\"text\">{}</td><td>{}</td><td>{}</td><td>{}</td>"
                         "<td>{:.0f}</td></tr>",
                         escape(model::facility_name(net, f)), est(f.utilisation, 100.0, 1),
                         est(f.mean_wait, 1.0, 1), est(f.visits_per_year, 1.0, 0),
                         100.0 * f.background_share.mean);
  out += "</table><table class=\"background\"><tr><th class=\"text\">background</th>"
         "<th class=\"text\">what</th><th>vehicles/yr</th><th>TEU/yr</th><th>hours through</th>"
         "</tr>";
  for (const auto &b : r.background)
    out += fmt::format("<tr><td class=\"text\">{}</td><td class=\"text\">{}</td><td>{}</td>"
                       "<td>{}</td><td>{}</td></tr>",
                       escape(b.id), escape(b.name), est(b.vehicles_per_year, 1.0, 0),
                       est(b.teu_per_year, 1.0, 0), est(b.hours_through, 1.0, 1));
  return out + "</table>";
}

std::string transit_charts(const std::string &sfx, const model::SimulationResults &r) {
  std::string out = "<div class=\"charts\">";
  for (std::size_t f = 0; f < r.od.size(); ++f)
    out += fmt::format("<figure data-flow=\"{}\"><figcaption>{}</figcaption>{}</figure>",
                       escape(r.od[f].flow), escape(r.od[f].flow),
                       report::transit_svg(fmt::format("transit-{}{}", f, sfx), r.od[f]));
  return out + "</div>";
}

std::string over_time_charts(const std::string &sfx, const Network &net,
                             const model::SimulationResults &r) {
  const auto &t = r.over_time;
  report::Series util, queue, teu;
  for (std::size_t f = 0; f < r.facilities.size(); ++f) {
    const std::string label = model::facility_name(net, r.facilities[f]);
    if (f < t.facility_utilisation.size())
      util.emplace_back(label, t.facility_utilisation[f]);
    if (f < t.facility_queue.size())
      queue.emplace_back(label, t.facility_queue[f]);
  }
  for (std::size_t s = 0; s < r.services.size() && s < t.service_teu.size(); ++s)
    teu.emplace_back(r.services[s].id, t.service_teu[s]);
  return "<h3>Utilisation over time (the 8 busiest facilities)</h3>" +
         report::line_chart_svg("utilisation-over-time" + sfx, util, in_days(t.period),
                                "utilisation, share") +
         "<h3>Queues over time</h3>" +
         report::line_chart_svg("queue-over-time" + sfx, queue, in_days(t.period), "mean queue") +
         "<h3>TEU loaded per period by service</h3>" +
         report::line_chart_svg("service-teu-over-time" + sfx, teu, in_days(t.period), "TEU");
}

std::string scenario_section(const ScenarioOutput &s, std::size_t i) {
  const std::string sfx = i == 0 ? "" : fmt::format("-s{}", i + 1);
  const Network &net = *s.network;
  const model::SimulationResults &r = *s.results;
  std::string out = fmt::format("<section class=\"scenario\" id=\"scenario-{}\"><h2>{}</h2>", i + 1,
                                escape(detail::scenario_name(s.name, i)));
  if (const std::string w = overload_warning(r); !w.empty())
    out += "<p class=\"warning\"><strong>Warning</strong>: " + escape(w) + ".</p>";
  out += "<h3>Map: links coloured by utilisation, as wide as their flow</h3>" +
         report::map_svg("map" + sfx, net, r);
  out += "<h3>Transit time by flow (days)</h3><div class=\"wide\">" + flow_table(net, r) +
         "</div>" + transit_charts(sfx, r);
  out += "<h3>Where the time goes</h3>" + report::waits_svg("waits" + sfx, r);
  out += over_time_charts(sfx, net, r);
  out += "<h3>Bottlenecks (TEU-hours of queueing per year)</h3><div class=\"wide\">" +
         bottleneck_table("bottlenecks" + sfx, r) + "</div>";
  if (!r.background.empty())
    out += "<h3>Shared facilities: the corridor's traffic and other origins'</h3><div "
           "class=\"wide\">" +
           shared_table(net, r) + "</div>";
  for (const auto &w : r.warnings)
    out += "<p class=\"note\">note: " + escape(w) + "</p>";
  return out + "</section>";
}

/// Decimals that suit a key result's unit: whole TEU, hundredths of days, shares to 0.001.
int decimals_for(const std::string &unit) { return unit == "TEU/yr" ? 0 : unit == "share" ? 3 : 2; }

std::string difference_table(const std::vector<model::Difference> &diffs) {
  std::string rows;
  for (const auto &d : diffs) {
    const int k = decimals_for(d.unit);
    rows +=
        fmt::format("<tr{}><td>{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td>"
                    "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    d.significant ? " class=\"significant\"" : "", escape(d.subject),
                    escape(d.measure), escape(d.unit), est(d.base, 1.0, k), est(d.other, 1.0, k),
                    est(d.difference, 1.0, k), d.significant ? "significant" : "");
  }
  // A long table (the Jilin corridor has a hundred key results) starts folded, so that the
  // scenarios' maps and charts are not pushed pages down; <details> needs no script.
  return fmt::format("<details{}><summary>All {} key results</summary><div class=\"wide\"><table "
                     "class=\"differences\">"
                     "<tr><th>subject</th><th class=\"text\">measure</th><th class=\"text\">unit"
                     "</th><th>base</th><th>other</th><th>difference</th><th></th></tr>{}</table>"
                     "</div></details>",
                     diffs.size() <= 30 ? " open" : "", diffs.size(), rows);
}

std::string compare_section(const std::vector<ScenarioOutput> &scenarios,
                            const Differences &differences) {
  std::string out = "<section id=\"compare\"><h2>Scenarios compared (paired differences, "
                    "other − base, 95% interval; significant ones in bold and red)</h2>";
  for (std::size_t i = 0; i < differences.size() && i + 1 < scenarios.size(); ++i)
    out += fmt::format("<h3>{} vs {}: the largest differences, relative to the base (every key "
                       "result in the table)</h3>",
                       escape(detail::scenario_name(scenarios[i + 1].name, i + 1)),
                       escape(detail::scenario_name(scenarios[0].name, 0))) +
           report::differences_svg(fmt::format("differences-{}", i + 2), differences[i]) +
           difference_table(differences[i]);
  return out + "</section>";
}

} // namespace

std::string report_html(const std::vector<ScenarioOutput> &scenarios, const RunRecord &run,
                        const Differences &differences) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                    "<title>" +
                    escape(run.scenario.empty() ? "corsim report" : run.scenario) +
                    "</title><style>" + style + "</style></head><body>\n" + header(scenarios, run) +
                    "\n";
  if (!differences.empty())
    out += compare_section(scenarios, differences) + "\n";
  // Up to three scenarios side by side; more would be too narrow to read, so they stack.
  const std::size_t columns = scenarios.size() <= 3 ? scenarios.size() : 1;
  out += fmt::format("<div class=\"side-by-side\" style=\"--n:{}\">",
                     std::max<std::size_t>(columns, 1));
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    out += scenario_section(scenarios[i], i) + "\n";
  return out + "</div></body></html>\n";
}

} // namespace corsim::io
