// The report's charts other than the map: transit distributions, waits by cause, lines over
// time and the differences between scenarios.
#include "report_charts.hpp"
#include "svg.hpp"

#include "corsim/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace corsim::io::report {
namespace {

using svg::num;

std::string open_svg(const std::string &id, const std::string &css_class, double w, double h,
                     const std::string &title) {
  return fmt::format("<svg id=\"{}\" class=\"chart {}\" viewBox=\"0 0 {} {}\" width=\"{}\" "
                     "height=\"{}\" role=\"img\"><title>{}</title>",
                     svg::escape(id), css_class, w, h, w, h, svg::escape(title));
}

std::string rect(double x, double y, double w, double h, const std::string &fill,
                 const std::string &attrs, const std::string &title) {
  return fmt::format("<rect {} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}"
                     "</title></rect>",
                     attrs, num(x), num(y), num(std::max(w, 0.0)), num(std::max(h, 0.0)), fill,
                     svg::escape(title));
}

/// Vertical marker at a percentile of the transit time, its name above the plot (staggered by
/// row: p90 and p95 are often a few pixels apart); the values go in the axis title.
std::string marker(const svg::Scale &x, const svg::Scale &y, const char *name,
                   const model::Estimate &hours, int row) {
  if (hours.n == 0)
    return "";
  const double at = x(hours.mean / hours_per_day);
  return fmt::format("<line class=\"marker {0}\" x1=\"{1}\" y1=\"{2}\" x2=\"{1}\" y2=\"{3}\"/>",
                     name, num(at), num(y.p0), num(y.p1 - 6 - 10 * row)) +
         svg::text(at, y.p1 - 8 - 10 * row, name, "middle", "marker-label");
}

std::string percentiles_title(const model::OdResult &od) {
  std::string out = "transit time, days";
  for (const auto &[name, e] :
       {std::pair{"p50", &od.transit_p50}, std::pair{"p90", &od.transit_p90},
        std::pair{"p95", &od.transit_p95}})
    if (e->n)
      out += fmt::format("{} {} {:.1f}", out.size() == 18 ? " —" : " ·", name,
                         e->mean / hours_per_day);
  return out;
}

} // namespace

std::string transit_svg(const std::string &id, const model::OdResult &od) {
  constexpr double w = 460, h = 230;
  const auto &bins = od.transit_histogram;
  const double bin = od.transit_bin.value() > 0 ? in_days(od.transit_bin) : 1.0;
  double x_max = static_cast<double>(bins.size()) * bin;
  for (const auto *e : {&od.transit_p95, &od.transit_max})
    if (e->n)
      x_max = std::max(x_max, e->mean / hours_per_day);
  x_max = std::max(x_max * 1.05, 1.0);
  const double y_max =
      std::max(0.01, bins.empty() ? 0.0 : *std::max_element(bins.begin(), bins.end()));
  const svg::Scale x{0, x_max, 52, w - 12}, y{0, y_max * 1.1, h - 40, 40};
  std::string out = open_svg(id, "transit", w, h, "Transit time of " + od.flow) +
                    svg::axes(x, y, svg::ticks(0, x_max), svg::ticks(0, y_max * 1.1, 4),
                              percentiles_title(od), "share");
  for (std::size_t i = 0; i < bins.size(); ++i)
    out += rect(x(static_cast<double>(i) * bin), y(bins[i]), x(bin) - x(0) - 1, y(0) - y(bins[i]),
                "#4e79a7", "class=\"bin\"",
                fmt::format("{:g}–{:g} d: {:.1f}%", static_cast<double>(i) * bin,
                            static_cast<double>(i + 1) * bin, 100 * bins[i]));
  if (bins.empty())
    out += svg::text(0.5 * (x.p0 + x.p1), 0.5 * (y.p0 + y.p1), "no distribution recorded", "middle",
                     "empty");
  out += marker(x, y, "p50", od.transit_p50, 0) + marker(x, y, "p90", od.transit_p90, 1) +
         marker(x, y, "p95", od.transit_p95, 2);
  return out + "</svg>";
}

std::string waits_svg(const std::string &id, const model::SimulationResults &r) {
  std::vector<int> causes; // only the causes some flow spends time on
  for (int c = 0; c < model::wait_cause_count; ++c)
    if (std::any_of(r.od.begin(), r.od.end(),
                    [c](const auto &o) { return o.wait_hours[c].mean > 1e-9; }))
      causes.push_back(c);
  double most = 1.0;
  for (const auto &o : r.od)
    most = std::max(most, std::accumulate(o.wait_hours.begin(), o.wait_hours.end(), 0.0,
                                          [](double s, const auto &e) { return s + e.mean; }));
  const double row = 24, w = 760, h = 70 + row * static_cast<double>(r.od.size()) + 20;
  const svg::Scale x{0, most * 1.05, 170, w - 16}, y{0, 1, h - 62, 24};
  std::string out = open_svg(id, "waits", w, h, "Where the time goes, hours per consignment") +
                    svg::axes(x, y, svg::ticks(0, most * 1.05), {}, "hours per consignment", "");
  for (std::size_t f = 0; f < r.od.size(); ++f) {
    const double top = 30 + row * static_cast<double>(f);
    out += svg::text(x.p0 - 6, top + 15, r.od[f].flow, "end", "flow-label");
    double at = 0.0;
    for (int c : causes) {
      const double v = r.od[f].wait_hours[c].mean;
      const char *name = to_string(static_cast<model::WaitCause>(c));
      out += rect(x(at), top, x(at + v) - x(at), row - 6, svg::palette(c),
                  fmt::format("class=\"wait\" data-cause=\"{}\"", name),
                  fmt::format("{}: {} {:.1f} h", r.od[f].flow, name, v));
      at += v;
    }
  }
  double lx = 10; // the legend wraps onto a second line when it runs out of width
  double ly = h - 14;
  for (int c : causes) {
    const std::string name = to_string(static_cast<model::WaitCause>(c));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>", num(lx),
                       num(ly - 9), svg::palette(c)) +
           svg::text(lx + 13, ly, name, "start", "legend");
    lx += 20 + 7.0 * static_cast<double>(name.size());
  }
  return out + "</svg>";
}

namespace {

/// Indices of the `most` series highest on average, highest first: a chart of sixty facilities
/// is unreadable, and the busy ones are what a planner looks for.
std::vector<std::size_t> highest(const Series &series, std::size_t most) {
  auto mean = [](const std::vector<double> &v) {
    return v.empty() ? 0.0
                     : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  };
  std::vector<std::size_t> order(series.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return mean(series[a].second) > mean(series[b].second);
  });
  order.resize(std::min(order.size(), most));
  return order;
}

} // namespace

std::string line_chart_svg(const std::string &id, const Series &series, double period_days,
                           const std::string &y_title, std::size_t max_lines) {
  const std::vector<std::size_t> order = highest(series, max_lines);
  std::size_t periods = 1;
  double y_max = 0.0;
  for (std::size_t i : order) {
    periods = std::max(periods, series[i].second.size());
    for (double v : series[i].second)
      y_max = std::max(y_max, std::isfinite(v) ? v : 0.0);
  }
  constexpr double w = 760, h = 280;
  const double x_max = std::max(1.0, static_cast<double>(periods - 1) * period_days);
  const svg::Scale x{0, x_max, 56, w - 220}, y{0, y_max > 0 ? y_max * 1.05 : 1.0, h - 44, 16};
  std::string out = open_svg(id, "over-time", w, h, y_title + " over time") +
                    svg::axes(x, y, svg::ticks(0, x_max), svg::ticks(y.d0, y.d1, 4),
                              "days after the warm-up (start of each period)", y_title);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto &[label, values] = series[order[k]];
    std::string points;
    for (std::size_t p = 0; p < values.size(); ++p)
      if (std::isfinite(values[p]))
        points += num(x(static_cast<double>(p) * period_days)) + "," + num(y(values[p])) + " ";
    out += fmt::format("<polyline class=\"series\" data-label=\"{}\" points=\"{}\" "
                       "stroke=\"{}\"><title>{}</title></polyline>",
                       svg::escape(label), points, svg::palette(k), svg::escape(label));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>",
                       num(w - 208), num(20 + 18 * static_cast<double>(k)), svg::palette(k)) +
           svg::text(w - 194, 29 + 18 * static_cast<double>(k), label, "start", "legend");
  }
  if (order.empty())
    out += svg::text(0.5 * (x.p0 + x.p1), 0.5 * (y.p0 + y.p1), "no time series recorded", "middle",
                     "empty");
  return out + "</svg>";
}

namespace {

/// A difference as a share of the base, percent, so that days, TEU and shares share one axis.
double relative(const model::Difference &d, double v) {
  return d.base.mean != 0.0 ? 100.0 * v / std::abs(d.base.mean) : 0.0;
}

/// The `most` differences largest relative to their base, largest first: a compare of the
/// Jilin corridor has a hundred key results, too many rows for a chart (the table has all).
std::vector<model::Difference> largest(std::vector<model::Difference> diffs, std::size_t most) {
  std::stable_sort(diffs.begin(), diffs.end(), [](const auto &a, const auto &b) {
    return std::abs(relative(a, a.difference.mean)) > std::abs(relative(b, b.difference.mean));
  });
  diffs.resize(std::min(diffs.size(), most));
  return diffs;
}

} // namespace

std::string differences_svg(const std::string &id, const std::vector<model::Difference> &all,
                            std::size_t max_rows) {
  const std::vector<model::Difference> diffs = largest(all, max_rows);
  double extent = 1.0;
  for (const auto &d : diffs)
    extent = std::max(extent, std::abs(relative(d, d.difference.mean)) +
                                  std::abs(relative(d, d.difference.half_width)));
  const double row = 20, w = 760, h = 60 + row * static_cast<double>(diffs.size());
  const svg::Scale x{-extent * 1.05, extent * 1.05, 330, w - 20}, y{0, 1, h - 36, 10};
  std::string out = open_svg(id, "differences", w, h, "Differences from the base scenario") +
                    svg::axes(x, y, svg::ticks(x.d0, x.d1, 6), {}, "difference, % of the base", "");
  out += fmt::format("<line class=\"zero\" x1=\"{0}\" y1=\"10\" x2=\"{0}\" y2=\"{1}\"/>", num(x(0)),
                     num(y.p0));
  for (std::size_t i = 0; i < diffs.size(); ++i) {
    const auto &d = diffs[i];
    const double cy = 20 + row * static_cast<double>(i);
    const double m = relative(d, d.difference.mean), hw = relative(d, d.difference.half_width);
    out += svg::text(x.p0 - 8, cy + 4, d.subject + " · " + d.measure, "end", "diff-label");
    out +=
        fmt::format("<g class=\"difference{0}\"><line x1=\"{1}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/>"
                    "<circle cx=\"{4}\" cy=\"{2}\" r=\"4\"/><title>{5}</title></g>",
                    d.significant ? " significant" : "", num(x(m - std::abs(hw))), num(cy),
                    num(x(m + std::abs(hw))), num(x(m)),
                    svg::escape(fmt::format("{} {}: {:+.3g} ± {:.3g} {}{}", d.subject, d.measure,
                                            d.difference.mean, d.difference.half_width, d.unit,
                                            d.significant ? " (significant)" : "")));
  }
  return out + "</svg>";
}

} // namespace corsim::io::report
