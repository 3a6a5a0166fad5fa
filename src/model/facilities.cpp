// Building the facilities from the network, their statistics, and their capacity cuts.
#include "facilities.hpp"

#include <cmath>

namespace corsim::model::detail {

namespace {
/// The node's stations whose units its capacity cuts scale.
std::vector<Station *> stations_of(NodeState &ns) {
  std::vector<Station *> out;
  for (Station *s : {ns.customs.get(), ns.checkpoint.get(), ns.berths.get(),
                     ns.gauge ? &ns.gauge->tracks : nullptr, ns.handling.get()})
    if (s)
      out.push_back(s);
  return out;
}

void build_node(NodeState &s, const Node &n, Engine &eng) {
  if (n.customs) {
    s.customs = std::make_unique<Station>(eng, n.customs->lanes);
    if (!n.customs->hours.always_open()) {
      s.customs->res.set_calendar(&n.customs->hours);
      s.customs->calendar = &n.customs->hours;
    }
  }
  if (n.road_checkpoint) {
    s.checkpoint = std::make_unique<Station>(eng, n.road_checkpoint->lanes);
    if (!n.road_checkpoint->hours.always_open()) {
      s.checkpoint->res.set_calendar(&n.road_checkpoint->hours);
      s.checkpoint->calendar = &n.road_checkpoint->hours;
    }
  }
  if (n.handling) {
    s.handling = std::make_unique<Station>(eng, 1);
    s.handling->gang = true;
  }
  if (n.seaport)
    s.berths = std::make_unique<Station>(eng, n.seaport->berths);
  if (n.gauge_change)
    s.gauge = std::make_unique<GaugeYard>(eng, *n.gauge_change);
  if (n.yard) {
    s.yard = std::make_unique<YardState>();
    s.yard->slots = n.yard->slots.value();
  }
}
} // namespace

void Station::reset(Tick t) {
  busy.reset(t);
  queue.reset(t);
  wait.reset();
  delay_teu_hours = 0.0;
  visits = 0;
  background_visits = 0;
  teu = 0.0;
}

Tick Station::arrive(Tick now) {
  queue.add(now, 1.0);
  return now;
}

void Station::start(Tick now, Tick since, double load, bool background) {
  const double w = hours(now - since);
  queue.add(now, -1.0);
  wait.add(w);
  last_wait = w;
  if (!background) // the ranking key counts the corridor's own cargo
    delay_teu_hours += w * load;
  ++visits;
  background_visits += background ? 1 : 0;
  teu += load;
  busy.add(now, 1.0);
}

void YardState::reset(Tick t) {
  occupancy.reset(t);
  blocked_level.reset(t);
  wait.reset();
  delay_teu_hours = 0.0;
  visits = 0;
}

bool YardState::fits(double teu) const { return used + teu <= slots + teu_eps; }

bool YardState::try_enter(Tick now, double teu) {
  if (!blocked.empty() || !fits(teu))
    return false;
  used += teu;
  max_used = std::max(max_used, used);
  occupancy.set(now, used);
  wait.add(0.0);
  ++visits;
  return true;
}

void YardState::hold(std::uint32_t c, double teu, Tick now) {
  blocked.push_back(c);
  blocked_teu += teu;
  blocked_level.set(now, blocked_teu);
}

void YardState::admit_held(double teu, double waited) {
  blocked.pop_front();
  wait.add(waited);
  delay_teu_hours += waited * teu;
  ++visits;
  blocked_teu -= teu;
  used += teu;
  max_used = std::max(max_used, used);
}

void YardState::record(Tick now) {
  occupancy.set(now, used);
  blocked_level.set(now, blocked_teu);
}

GaugeYard::GaugeYard(Engine &eng, const GaugeChange &gc) : tracks(eng, gc.transfer_tracks) {
  if (gc.wagon_pool > 0)
    wagons = std::make_unique<Container>(eng, gc.wagon_pool, gc.wagon_pool);
}

void GaugeYard::reset(Tick t) {
  tracks.reset(t);
  wagons_out.reset(t);
  wagon_queue.reset(t);
  wagon_wait.reset();
  wagon_delay_teu_hours = 0.0;
  wagon_visits = 0;
}

LinkState::LinkState(Engine &eng, const Link &l) : paths(eng, 1) {
  if (l.capacity.value() > 0.0)
    headway = 1.0 / l.capacity.value();
  if (l.single_track)
    single = std::make_unique<Station>(eng, 1);
}

Tick LinkState::book_entry(int dir, Tick now, const Timeline &cut) {
  const Tick entry = cut.open_at(std::max(now, next_entry[dir]));
  next_entry[dir] = entry + to_ticks(headway / cut.factor_at(entry));
  return entry;
}

void LinkState::entered(Tick now, Tick since, double load, int dir, bool background) {
  paths.wait.add(hours(now - since));
  if (!background)
    paths.delay_teu_hours += hours(now - since) * load;
  ++paths.visits;
  paths.background_visits += background ? 1 : 0;
  paths.teu += load;
  ++entries[dir];
}

void LinkState::reset(Tick t) {
  paths.reset(t);
  if (single)
    single->reset(t);
  entries[0] = entries[1] = 0;
  teu = 0.0;
  vehicles = 0;
}

Facilities::Facilities(Context &ctx) : ctx_(ctx) {
  const Network &net = ctx.net;
  nodes_.resize(net.nodes.size());
  for (std::size_t n = 0; n < net.nodes.size(); ++n)
    build_node(nodes_[n], net.nodes[n], ctx.eng);
  for (const Link &l : net.links)
    links_.emplace_back(ctx.eng, l);
  for (const Node &n : net.nodes)
    node_rng_.push_back(ctx.stream("node", n.id));
  schedule_capacity_cuts();
}

double Facilities::queue_hours(NodeIndex node, Mode mode) const {
  const NodeState &n = nodes_[node];
  const auto waiting = [](const Station *st) {
    return st && st->queue.value() > 0.5 ? st->last_wait : 0.0;
  };
  double h = mode == Mode::Sea ? waiting(n.berths.get())
                               : waiting(n.customs.get()) + waiting(n.handling.get());
  if (mode == Mode::Road)
    h += waiting(n.checkpoint.get());
  if (mode == Mode::Rail && n.gauge)
    h += waiting(&n.gauge->tracks);
  return h;
}

void Facilities::reset_statistics(Tick t) {
  for (NodeState &n : nodes_) {
    for (Station *s : {n.customs.get(), n.checkpoint.get(), n.handling.get(), n.berths.get()})
      if (s)
        s->reset(t);
    if (n.gauge)
      n.gauge->reset(t);
    if (n.yard)
      n.yard->reset(t);
  }
  for (LinkState &l : links_)
    l.reset(t);
}

int units_under_cut(int capacity, double factor, bool gang) {
  return !(factor > 0.0) ? 0
         : gang          ? capacity
                         : std::max(1, static_cast<int>(std::lround(capacity * factor)));
}

double Station::unit_hours(Tick from, Tick to) const {
  double sum = 0.0;
  const auto add = [&](Tick a, Tick b, double factor) {
    const double open = calendar
                            ? calendar->open_hours(Hours(to_time(a)), Hours(to_time(b))).value()
                            : hours(b - a);
    sum += units_under_cut(capacity, factor, gang) * open;
  };
  if (cut)
    cut->for_each_stretch(from, to, add);
  else
    add(from, to, 1.0);
  return sum;
}

// Units of the node's multi-unit facilities follow its timeline (rounded, at least one while
// the factor is positive); the crane gang (one unit) closes, and its rate follows the factor.
void Facilities::schedule_capacity_cuts() {
  for (std::size_t n = 0; n < nodes_.size(); ++n) {
    const Timeline &tl = ctx_.in.node_cut[n];
    NodeState &ns = nodes_[n];
    for (Station *s : stations_of(ns))
      s->cut = &tl;
    for (std::size_t i = 0; i < tl.at.size(); ++i) {
      const double f = tl.factor[i];
      for (Station *s : stations_of(ns))
        s->res.set_capacity_at(tl.at[i], units_under_cut(s->capacity, f, s->gang));
    }
  }
}

} // namespace corsim::model::detail
