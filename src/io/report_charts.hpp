#pragma once
// The report's charts, each a complete inline <svg> element with a stable id and classes that
// tests look for (docs/outputs.md lists them). Internal to report_html.cpp.

#include "corsim/model/experiment.hpp"
#include "corsim/model/results.hpp"
#include "corsim/network.hpp"

#include <string>
#include <utility>
#include <vector>

namespace corsim::io::report {

/// The corridor: nodes at their coordinates (equirectangular, fitted to the bounding box),
/// links (class "link") coloured by utilisation and as wide as their TEU/yr.
std::string map_svg(const std::string &id, const Network &net, const model::SimulationResults &r);
/// A flow's transit-time distribution in days (histogram bars, class "bin") with p50, p90 and
/// p95 marked (class "marker").
std::string transit_svg(const std::string &id, const model::OdResult &od);
/// Mean hours per consignment by cause, one stacked bar per flow (class "wait").
std::string waits_svg(const std::string &id, const model::SimulationResults &r);

/// One line of a chart over time: its label and a value per period.
using Series = std::vector<std::pair<std::string, std::vector<double>>>;
/// Lines over the measured period (x: days after the warm-up), at most `max_lines` of them (the
/// highest on average), each a polyline of class "series".
std::string line_chart_svg(const std::string &id, const Series &series, double period_days,
                           const std::string &y_title, std::size_t max_lines = 8);
/// Paired differences as a share of the base (a forest plot): a point and its 95% interval per
/// key result, the significant ones marked (class "difference significant"); only the
/// `max_rows` largest (relative to the base), largest first.
std::string differences_svg(const std::string &id, const std::vector<model::Difference> &diffs,
                            std::size_t max_rows = 25);

} // namespace corsim::io::report
