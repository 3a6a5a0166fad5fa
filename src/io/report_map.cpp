// The report's map of the corridor: a simple equirectangular projection is enough for a
// corridor a few thousand km wide, and needs no tiles or map library (the report is offline).
#include "corsim/io/outputs.hpp"
#include "report_charts.hpp"
#include "svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace corsim::io::report {
namespace {

using svg::num;

constexpr double width = 720, height = 440, pad = 36, legend_h = 56; // legend below the map

/// Lon/lat to pixels: longitudes shrunk by cos(mid latitude) so that shapes are not stretched,
/// then scaled uniformly to fit the nodes' bounding box.
struct Projection {
  double x0 = 0, y0 = 0, k = 1, scale = 1, ox = 0, oy = 0;
  explicit Projection(const Network &net) {
    double lon0 = 180, lon1 = -180, lat0 = 90, lat1 = -90;
    for (const Node &n : net.nodes) {
      lon0 = std::min(lon0, n.lon), lon1 = std::max(lon1, n.lon);
      lat0 = std::min(lat0, n.lat), lat1 = std::max(lat1, n.lat);
    }
    if (net.nodes.empty())
      lon0 = lon1 = lat0 = lat1 = 0;
    k = std::cos(0.5 * (lat0 + lat1) * std::numbers::pi / 180.0);
    x0 = lon0 * k, y0 = lat1;
    const double w = std::max((lon1 - lon0) * k, 1e-6), h = std::max(lat1 - lat0, 1e-6);
    scale = std::min((width - 2 * pad) / w, (height - pad - legend_h) / h);
    ox = pad + 0.5 * ((width - 2 * pad) - w * scale); // centre the box
    oy = pad + 0.5 * ((height - pad - legend_h) - h * scale);
  }
  [[nodiscard]] double x(const Node &n) const { return ox + (n.lon * k - x0) * scale; }
  [[nodiscard]] double y(const Node &n) const { return oy + (y0 - n.lat) * scale; }
};

/// Each node's busiest facility (NaN when it has none measured).
std::vector<double> node_utilisation(const Network &net, const model::SimulationResults &r) {
  std::vector<double> u(net.nodes.size(), NAN);
  for (const auto &f : r.facilities)
    if (f.node < u.size() && f.link >= net.links.size() && f.utilisation.n)
      u[f.node] =
          std::isnan(u[f.node]) ? f.utilisation.mean : std::max(u[f.node], f.utilisation.mean);
  return u;
}

std::string link_paths(const Network &net, const model::SimulationResults &r, const Projection &p) {
  std::vector<const model::LinkResult *> traffic(net.links.size(), nullptr);
  double most = 0.0;
  for (const auto &l : r.links)
    if (l.link < traffic.size()) {
      traffic[l.link] = &l;
      most = std::max(most, l.teu_per_year.mean);
    }
  std::string out = "<g class=\"links\">";
  for (LinkIndex i = 0; i < net.links.size(); ++i) {
    const Link &l = net.links[i];
    const model::LinkResult *t = traffic[i];
    const double teu = t && t->teu_per_year.n ? t->teu_per_year.mean : 0.0;
    const double util = t && t->utilisation.n ? t->utilisation.mean : NAN;
    // Width by the square root of the flow: area-like, so small flows stay visible.
    const double w = 1.5 + (most > 0 ? 9.0 * std::sqrt(teu / most) : 0.0);
    const Node &a = net.nodes[l.from], &b = net.nodes[l.to];
    out +=
        fmt::format("<path class=\"link {}\" data-link=\"{}\" d=\"M{} {} L{} {}\" stroke=\"{}\" "
                    "stroke-width=\"{}\"><title>{}</title></path>",
                    to_string(l.mode), svg::escape(l.id), num(p.x(a)), num(p.y(a)), num(p.x(b)),
                    num(p.y(b)), svg::utilisation_colour(util), num(w),
                    svg::escape(fmt::format(
                        "{} ({}): {} TEU/yr, utilisation {}", l.id, to_string(l.mode),
                        svg::tick_label(std::round(teu)),
                        std::isnan(util) ? "- (no limit)" : fmt::format("{:.0f}%", 100 * util))));
  }
  return out + "</g>";
}

std::string node_marks(const Network &net, const model::SimulationResults &r, const Projection &p) {
  const std::vector<double> util = node_utilisation(net, r);
  std::string out = "<g class=\"nodes\">";
  for (NodeIndex i = 0; i < net.nodes.size(); ++i) {
    const Node &n = net.nodes[i];
    out += fmt::format(
        "<circle class=\"node\" data-node=\"{}\" cx=\"{}\" cy=\"{}\" r=\"5\" "
        "fill=\"{}\"><title>{}</title></circle>",
        svg::escape(n.id), num(p.x(n)), num(p.y(n)), svg::utilisation_colour(util[i]),
        svg::escape(n.name + (std::isnan(util[i])
                                  ? std::string()
                                  : fmt::format(": busiest facility {:.0f}%", 100 * util[i]))));
    out += svg::text(p.x(n) + 7, p.y(n) - 6, n.id, "start", "node-label");
  }
  return out + "</g>";
}

std::string legend() {
  std::string out = "<g class=\"legend\">" + svg::text(10, height - 24, "utilisation");
  for (int i = 0; i <= 4; ++i)
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"28\" height=\"8\" fill=\"{}\"/>",
                       80 + 32 * i, num(height - 32), svg::utilisation_colour(0.25 * i)) +
           svg::text(94 + 32 * i, height - 12, fmt::format("{}%", 25 * i), "middle");
  out += fmt::format("<rect x=\"250\" y=\"{}\" width=\"28\" height=\"8\" fill=\"{}\"/>",
                     num(height - 32), svg::utilisation_colour(NAN)) +
         svg::text(284, height - 24, "no limit / not measured; width: TEU/yr");
  return out + "</g>";
}

} // namespace

std::string map_svg(const std::string &id, const Network &net, const model::SimulationResults &r) {
  const Projection p(net);
  return fmt::format("<svg id=\"{}\" class=\"chart map\" viewBox=\"0 0 {} {}\" width=\"{}\" "
                     "height=\"{}\" role=\"img\"><title>Map of {}</title>",
                     svg::escape(id), width, height, width, height, svg::escape(net.name)) +
         link_paths(net, r, p) + node_marks(net, r, p) + legend() + "</svg>";
}

} // namespace corsim::io::report
