#pragma once
// Small building blocks for the report's inline SVG charts: escaping, scales, ticks, colours.

#include <string>
#include <string_view>
#include <vector>

namespace corsim::io::svg {

/// Text made safe for HTML and SVG content and attribute values (ids come from user files).
std::string escape(std::string_view text);
/// A coordinate or length for an SVG attribute: one decimal, no exponent.
std::string num(double v);

/// A linear map from a data interval onto a pixel interval; a flat interval maps to its middle.
struct Scale {
  double d0 = 0.0, d1 = 1.0; ///< data
  double p0 = 0.0, p1 = 1.0; ///< pixels
  [[nodiscard]] double operator()(double v) const;
};

/// About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k).
std::vector<double> ticks(double lo, double hi, int count = 5);
/// A tick label: no trailing zeros, thousands separated ("12,500", "0.25").
std::string tick_label(double v);

/// Green (0) through amber to red (1 and above) for a utilisation; grey without one (NaN).
std::string utilisation_colour(double share);
/// One of a fixed palette of distinguishable colours, by index (wraps round).
std::string palette(std::size_t index);

/// `<text>` at (x, y) with the given anchor ("start", "middle", "end") and class.
std::string text(double x, double y, std::string_view content, std::string_view anchor = "start",
                 std::string_view css_class = "");
/// The axes of a chart: ticks and labels along the bottom (x) and left (y) of the plot area.
std::string axes(const Scale &x, const Scale &y, const std::vector<double> &x_ticks,
                 const std::vector<double> &y_ticks, std::string_view x_title,
                 std::string_view y_title);

} // namespace corsim::io::svg
