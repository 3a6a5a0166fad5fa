// Disruptions: closures, capacity cuts and weather over time windows, once or every year.
#include "load_context.hpp"

#include "corsim/suggest.hpp"
#include "corsim/text.hpp"

namespace corsim::io {

namespace {

const std::vector<std::string> kind_names = {"closure", "capacity", "weather"};
const std::vector<std::string> every_names = {"year"};
constexpr double max_factor = 10.0; // 1000%: a rise, not an overflow of lane counts

struct Instant {
  CivilDate day;
  Hours at; ///< hours from the epoch
};

/// "YYYY-MM-DD" (00:00) or "YYYY-MM-DD HH:MM" (also with 'T'), as hours from the epoch.
std::optional<Instant> read_instant(LoadContext &ctx, const YAML::Node &node, const char *key) {
  auto text = scalar_text(ctx.diag, node, std::string("'") + key + "'");
  if (!text)
    return std::nullopt;
  auto day = read_date(ctx.diag, node, text->substr(0, 10), 0);
  if (!day)
    return std::nullopt;
  Hours clock(0.0);
  if (text->size() > 10) {
    const auto c =
        (*text)[10] == ' ' || (*text)[10] == 'T' ? try_parse_clock(text->substr(11)) : std::nullopt;
    if (!c) {
      ctx.diag.error(ctx.diag.pos(node, content_offset(node) + 11),
                     "'" + std::string(key) + "': cannot read the time of day in " +
                         in_quotes(*text) + " (expected 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM')");
      return std::nullopt;
    }
    clock = *c;
  }
  return Instant{*day, hours_from_epoch(ctx.net.settings.epoch, *day, clock)};
}

std::vector<std::string> link_ids(const Network &net) {
  std::vector<std::string> ids;
  for (const Link &l : net.links)
    ids.push_back(l.id);
  return ids;
}

std::vector<std::string> service_ids(const Network &net) {
  std::vector<std::string> ids;
  for (const Service &s : net.services)
    ids.push_back(s.id);
  return ids;
}

/// Index of `name` in `ids`, or an error naming the closest ids.
std::optional<std::uint32_t> find_id(LoadContext &ctx, const YAML::Node &ref, const char *what,
                                     const std::vector<std::string> &ids) {
  auto name = scalar_text(ctx.diag, ref, std::string("'") + what + "'");
  if (!name)
    return std::nullopt;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == *name)
      return static_cast<std::uint32_t>(i);
  ctx.diag.error(ref, std::string("'") + what + "': unknown " + what + " " + in_quotes(*name) +
                          (!ctx.diag.wants_suggestions() ? "" : did_you_mean(*name, ids)));
  return std::nullopt;
}

/// Which of node, link, service or mode the disruption names (its index in `keys`); -1 after
/// reporting none or more than one.
int target_key(LoadContext &ctx, MapReader &m, const char *const (&keys)[4]) {
  int found = -1;
  for (int k = 0; k < 4; ++k) {
    if (!m.has(keys[k]))
      continue;
    if (found >= 0) {
      ctx.diag.error(m.node(keys[k]), std::string("give one of 'node', 'link', 'service' or "
                                                  "'mode', not both '") +
                                          keys[found] + "' and '" + keys[k] + "'");
      return -1;
    }
    found = k;
  }
  if (found < 0 && m.valid())
    ctx.diag.error(m.map(), "a disruption needs one of 'node', 'link', 'service' or 'mode'");
  return found;
}

/// Exactly one of node, link, service or mode; weather takes a mode or a link only.
bool read_target(LoadContext &ctx, MapReader &m, Disruption &d) {
  static const char *const keys[] = {"node", "link", "service", "mode"};
  const int found = target_key(ctx, m, keys);
  if (found < 0)
    return false;
  d.target = static_cast<DisruptionTarget>(found);
  const YAML::Node ref = m.node(keys[found]);
  const bool weather = d.kind == DisruptionKind::Weather;
  if (weather != (d.target == DisruptionTarget::Mode) && d.target != DisruptionTarget::Link) {
    ctx.diag.error(ref, weather ? "weather applies to a 'mode' or a 'link'"
                                : "'mode' applies only to 'what: weather'");
    return false;
  }
  std::optional<std::uint32_t> index;
  switch (d.target) {
  case DisruptionTarget::Node:
    index = ctx.resolve_node(ref, "'node'");
    break;
  case DisruptionTarget::Link:
    index = find_id(ctx, ref, "link", link_ids(ctx.net));
    break;
  case DisruptionTarget::Service:
    index = find_id(ctx, ref, "service", service_ids(ctx.net));
    break;
  case DisruptionTarget::Mode:
    if (auto mode = m.choice("mode", mode_names(), true))
      index = static_cast<std::uint32_t>(*mode);
    break;
  }
  d.index = index.value_or(0);
  return index.has_value();
}

/// `from`, and `to` (exclusive) or `for`; `every: year` for a yearly rule.
void read_window(LoadContext &ctx, MapReader &m, Disruption &d) {
  std::optional<Instant> from;
  if (m.has("from"))
    from = read_instant(ctx, m.node("from"), "from");
  else if (m.valid())
    m.missing("from");
  if (m.has("to") && m.has("for")) {
    ctx.diag.error(m.node("for"), "give either 'to' or 'for', not both");
    return;
  }
  std::optional<Hours> end;
  if (m.has("to")) {
    if (auto to = read_instant(ctx, m.node("to"), "to"); to && from) {
      if (!(to->at > from->at)) {
        ctx.diag.error(m.node("to"), "'to' must be later than 'from'");
        return;
      }
      end = to->at;
    }
  } else if (m.has("for")) {
    if (auto length = m.quantity("for", Dimension::Duration, Sign::Positive, true); length && from)
      end = from->at + Hours(*length);
  } else if (m.valid()) {
    ctx.diag.error(m.map(), "missing 'to' or 'for' in a disruption");
  }
  if (!from || !end)
    return;
  d.window = TimeWindow{from->at, *end};
  d.first_day = from->day;
  if (m.has("every") && m.choice("every", every_names, true)) {
    d.yearly = true;
    if (*end - from->at >= days(365.0))
      ctx.diag.error(m.node("every"), "a yearly disruption must last less than a year");
  }
}

void read_effect(LoadContext &ctx, MapReader &m, Disruption &d) {
  const bool capacity = d.kind == DisruptionKind::Capacity;
  const bool weather = d.kind == DisruptionKind::Weather;
  if (!capacity && m.has("factor"))
    ctx.diag.error(m.node("factor"), "'factor' applies only to 'what: capacity'");
  if (!weather && m.has("delay"))
    ctx.diag.error(m.node("delay"), "'delay' applies only to 'what: weather'");
  if (capacity)
    if (auto f = m.quantity("factor", Dimension::Share, Sign::Positive, true)) {
      if (*f > max_factor)
        ctx.diag.error(m.node("factor"), "'factor' must be at most 1000%");
      d.factor = *f;
    }
  if (weather)
    if (auto delay = m.distribution("delay", Dimension::Duration, true)) {
      if (delay->lower_bound() < 0)
        ctx.diag.error(m.node("delay"), "'delay' must not be negative");
      d.delay = *delay;
    }
}

} // namespace

void load_disruptions(LoadContext &ctx, const YAML::Node &list) {
  std::set<std::string> seen;
  for (const auto &y : list) {
    MapReader m(ctx.diag, y, "a disruption",
                {"id", "what", "node", "link", "service", "mode", "from", "to", "for", "every",
                 "factor", "delay", "notice", "note"});
    Disruption d;
    d.id = m.text("id", true).value_or("");
    if (!d.id.empty())
      ctx.check_unique(seen, d.id, m.node("id"), "disruption");
    const auto kind = m.choice("what", kind_names, true);
    if (!kind)
      continue;
    d.kind = static_cast<DisruptionKind>(*kind);
    read_target(ctx, m, d);
    read_window(ctx, m, d);
    read_effect(ctx, m, d);
    if (m.has("notice")) {
      if (d.kind == DisruptionKind::Weather)
        ctx.diag.error(m.node("notice"), "'notice' applies to closures and capacity cuts; "
                                         "weather is never foreseen");
      else if (auto n = m.quantity("notice", Dimension::Duration, Sign::NonNegative, false))
        d.notice = Hours(*n);
    }
    (void)m.text("note", false);
    ctx.net.disruptions.push_back(std::move(d));
  }
}

} // namespace corsim::io
