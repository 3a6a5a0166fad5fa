// Opening hours and holidays of facilities.
#include "load_context.hpp"

#include "corsim/text.hpp"

#include <array>

namespace corsim::io {
namespace {

constexpr std::array<const char *, 7> day_names = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

int day_index(std::string_view s) {
  for (int i = 0; i < 7; ++i)
    if (s == day_names[static_cast<std::size_t>(i)])
      return i;
  return -1;
}

/// "Mon-Fri", "Sat", "Mon,Wed,Fri" -> bit mask (bit 0 = Monday); 0 with `why` when malformed
/// or when a day is named twice ("Mon,Mon" or "Mon-Fri,Wed" is a slip, not a wish).
std::uint8_t parse_days(std::string_view s, std::string &why) {
  std::uint8_t mask = 0;
  while (!s.empty()) {
    const std::size_t comma = s.find(',');
    const std::string_view part = s.substr(0, comma);
    const std::size_t dash = part.find('-');
    const int a = day_index(part.substr(0, dash));
    const int b = dash == std::string_view::npos ? a : day_index(part.substr(dash + 1));
    if (a < 0 || b < 0)
      return 0;
    for (int d = a;; d = (d + 1) % 7) {
      const auto bit = static_cast<std::uint8_t>(1u << d);
      if (mask & bit) {
        why = std::string(day_names[static_cast<std::size_t>(d)]) + " is named twice";
        return 0;
      }
      mask |= bit;
      if (d == b)
        break;
    }
    s = comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
  }
  return mask;
}

std::optional<WeeklyWindow> parse_window(std::string_view s, std::string &why) {
  if (s == "24/7")
    return WeeklyWindow{};
  const std::size_t space = s.find(' ');
  if (space == std::string_view::npos)
    return std::nullopt;
  const std::uint8_t days = parse_days(s.substr(0, space), why);
  const std::string_view times = s.substr(space + 1);
  const std::size_t dash = times.find('-');
  if (!days || dash == std::string_view::npos)
    return std::nullopt;
  const auto open = try_parse_clock(times.substr(0, dash), true);
  const auto close = try_parse_clock(times.substr(dash + 1), true);
  if (!open || !close || !(*open < *close))
    return std::nullopt;
  return WeeklyWindow{days, open->value(), close->value()};
}

} // namespace

std::optional<std::vector<WeeklyWindow>> read_opening_hours(Diagnostics &diag,
                                                            const YAML::Node &node) {
  std::vector<YAML::Node> items;
  if (node.IsSequence())
    for (const auto &item : node)
      items.push_back(item);
  else
    items.push_back(node);
  if (items.empty()) { // not "always open": that is '24/7'
    diag.error(node, "'hours' is an empty list: give windows like 'Mon-Fri 08:00-20:00', or "
                     "'24/7'");
    return std::nullopt;
  }
  std::vector<WeeklyWindow> out;
  for (const auto &item : items) {
    auto text = scalar_text(diag, item, "'hours'");
    if (!text)
      return std::nullopt;
    std::string why;
    auto w = parse_window(*text, why);
    if (!w) {
      diag.error(item, "'hours': cannot read " + in_quotes(*text) +
                           (why.empty() ? "" : ": " + why) +
                           " (expected like 'Mon-Fri 08:00-20:00', 'Sat 09:00-13:00' or '24/7')");
      return std::nullopt;
    }
    out.push_back(*w);
  }
  return out;
}

std::optional<CivilDate> read_date(Diagnostics &diag, const YAML::Node &node, std::string_view s,
                                   std::size_t offset) {
  const auto d = try_parse_date(s);
  if (!d) {
    diag.error(diag.pos(node, content_offset(node) + offset),
               in_quotes(s) + " is not a valid date (expected YYYY-MM-DD, 1900..2200)");
    return std::nullopt;
  }
  return d;
}

std::optional<std::vector<TimeWindow>> read_holidays(Diagnostics &diag, const YAML::Node &node,
                                                     CivilDate epoch) {
  if (!node.IsSequence()) {
    diag.error(node, "'holidays' must be a list of dates or date ranges");
    return std::nullopt;
  }
  std::vector<TimeWindow> out;
  for (const auto &item : node) {
    auto text = scalar_text(diag, item, "a holiday");
    if (!text)
      return std::nullopt;
    const std::size_t dots = text->find("..");
    const std::string first = text->substr(0, dots);
    auto a = read_date(diag, item, first, 0);
    auto b =
        dots == std::string::npos ? a : read_date(diag, item, text->substr(dots + 2), dots + 2);
    if (!a || !b)
      return std::nullopt;
    if (*b < *a) {
      diag.error(item, "holiday range ends before it starts: " + in_quotes(*text));
      return std::nullopt;
    }
    out.push_back({hours_from_epoch(epoch, *a), hours_from_epoch(epoch, *b) + days(1.0)});
  }
  return out;
}

Calendar read_calendar(LoadContext &ctx, MapReader &map) {
  std::vector<WeeklyWindow> weekly;
  std::vector<TimeWindow> closures;
  if (map.has("hours"))
    if (auto w = read_opening_hours(ctx.diag, map.node("hours")))
      weekly = *w;
  if (map.has("holidays"))
    if (auto h = read_holidays(ctx.diag, map.node("holidays"), ctx.net.settings.epoch))
      closures = *h;
  return Calendar(std::move(weekly), std::move(closures), ctx.epoch_weekday);
}

} // namespace corsim::io
