#include "svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace corsim::io::svg {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  return out;
}

std::string num(double v) {
  if (!std::isfinite(v))
    v = 0.0; // never write "nan" into a coordinate: the browser would drop the element
  return fmt::format("{:.1f}", v);
}

double Scale::operator()(double v) const {
  if (d1 == d0)
    return 0.5 * (p0 + p1);
  return p0 + (v - d0) / (d1 - d0) * (p1 - p0);
}

std::vector<double> ticks(double lo, double hi, int count) {
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi))
    return {lo};
  const double rough = (hi - lo) / std::max(count, 1);
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= rough) {
      step = m * power;
      break;
    }
  std::vector<double> out;
  for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
    out.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  return out;
}

std::string tick_label(double v) {
  if (std::abs(v) >= 1000.0) {
    std::string digits = fmt::format("{}", std::llround(std::abs(v)));
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
      digits.insert(static_cast<std::size_t>(i), ",");
    return (v < 0 ? "-" : "") + digits;
  }
  std::string s = fmt::format("{:.3f}", v);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.')
    s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string utilisation_colour(double share) {
  if (!std::isfinite(share))
    return "#9e9e9e";
  // Hue 130 (green) down to 0 (red): a planner reads "red" as "full" at a glance.
  const double hue = 130.0 * (1.0 - std::clamp(share, 0.0, 1.0));
  return fmt::format("hsl({:.0f},75%,42%)", hue);
}

std::string palette(std::size_t index) {
  static const std::array<const char *, 16> colours{
      "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
      "#9c755f", "#bab0ac", "#1f77b4", "#8c564b", "#17becf", "#bcbd22", "#7f7f7f", "#d62728"};
  return colours[index % colours.size()];
}

std::string text(double x, double y, std::string_view content, std::string_view anchor,
                 std::string_view css_class) {
  return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"{}>{}</text>", num(x), num(y),
                     anchor, css_class.empty() ? "" : fmt::format(" class=\"{}\"", css_class),
                     escape(content));
}

std::string axes(const Scale &x, const Scale &y, const std::vector<double> &x_ticks,
                 const std::vector<double> &y_ticks, std::string_view x_title,
                 std::string_view y_title) {
  std::string out = "<g class=\"axes\">";
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>", num(x.p0), num(y.p0),
                     num(x.p1));
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>", num(x.p0), num(y.p0),
                     num(y.p1));
  for (double t : x_ticks)
    out += text(x(t), y.p0 + 14, tick_label(t), "middle");
  for (double t : y_ticks)
    out += fmt::format("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>",
                       num(x.p0), num(y(t)), num(x.p1)) +
           text(x.p0 - 4, y(t) + 4, tick_label(t), "end");
  out += text(0.5 * (x.p0 + x.p1), y.p0 + 30, x_title, "middle", "axis-title");
  out += fmt::format("<text class=\"axis-title\" transform=\"translate(12,{}) rotate(-90)\" "
                     "text-anchor=\"middle\">{}</text>",
                     num(0.5 * (y.p0 + y.p1)), escape(y_title));
  return out + "</g>";
}

} // namespace corsim::io::svg
