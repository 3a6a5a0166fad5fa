// The network bound over the service network: a linear programme (GLPK) that sends the set's
// flows, each scaled by one multiplier, over the services' legs, changing vehicles only where
// services stop, within the seats, lanes, quotas, paths, lifts, cranes and berths left by the
// other flows (docs/capacity.md, "Network").
#include "corsim/model/capacity.hpp"

#include <glpk.h>

#include <algorithm>
#include <map>
#include <memory>

namespace corsim::model {

namespace {

/// One use of a resource by a TEU on an arc: `coef` units per TEU, or per box (a truck on
/// demand carries one box: 1 / the box's TEU) when `per_box`.
struct Use {
  int row;
  double coef;
  bool per_box = false;
};

struct Arc {
  int from, to;
  std::vector<Use> uses;
  const std::vector<CargoClass> *cargo = nullptr; ///< a service's arcs: the classes it takes
  [[nodiscard]] bool takes(CargoClass c) const {
    return !cargo || cargo->empty() || std::find(cargo->begin(), cargo->end(), c) != cargo->end();
  }
};

/// Where a box may be at a node: off a vehicle of one kind (a gauge, the road, the sea).
enum class Side { Road, Sea, Standard, Broad, Other };

/// The service network: stop vertices (arrive, depart), sides at nodes, origins and sinks.
class ServiceGraph {
public:
  ServiceGraph(const Network &net, const std::vector<ResourceCapacity> &res) : net_(net) {
    for (std::size_t r = 0; r < res.size(); ++r) {
      if (res[r].service != invalid_index) {
        seats_[res[r].service] = static_cast<int>(r); // a row per leg, as each leg is added
        continue;
      }
      facility_[{res[r].kind,
                 res[r].link < net.links.size() ? res[r].link : LinkIndex(invalid_index),
                 res[r].node}] = static_cast<int>(row_resource_.size());
      row_resource_.push_back(static_cast<int>(r));
    }
    for (ServiceIndex s = 0; s < net.services.size(); ++s)
      add_service(net.services[s], s);
    for (LinkIndex l = 0; l < net.links.size(); ++l)
      if (net.links[l].mode == Mode::Road && !served(l))
        add_on_demand(l);
  }

  int origin(NodeIndex n) { return end_vertex(n, true); }
  int sink(NodeIndex n) { return end_vertex(n, false); }
  [[nodiscard]] int vertices() const { return next_; }
  /// The resource each row of capacity limits: a facility's one row, a service's per leg.
  [[nodiscard]] const std::vector<int> &row_resource() const { return row_resource_; }
  [[nodiscard]] const std::vector<Arc> &arcs() const { return arcs_; }

private:
  [[nodiscard]] bool served(LinkIndex l) const {
    return std::any_of(net_.services.begin(), net_.services.end(), [l](const Service &s) {
      return std::find(s.legs.begin(), s.legs.end(), l) != s.legs.end();
    });
  }

  [[nodiscard]] int facility(FacilityKind k, NodeIndex n,
                             LinkIndex l = LinkIndex(invalid_index)) const {
    auto it = facility_.find({k, l, l < net_.links.size() ? net_.links[l].from : n});
    return it == facility_.end() ? -1 : it->second;
  }

  static void use(std::vector<Use> &uses, int row, double coef, bool per_box = false) {
    if (row >= 0)
      uses.push_back({row, coef, per_box});
  }

  Side side_of(const Service &s, std::size_t leg) const {
    if (s.mode == Mode::Road)
      return Side::Road;
    if (s.mode == Mode::Sea)
      return Side::Sea;
    const Gauge g = net_.links[s.legs[leg]].gauge;
    return g == Gauge::Standard ? Side::Standard : g == Gauge::Broad ? Side::Broad : Side::Other;
  }

  int side(NodeIndex n, Side k) {
    auto [it, added] = sides_.try_emplace({n, k}, next_);
    if (!added)
      return it->second;
    const int v = next_++;
    for (const auto &[key, other] : sides_) // changing sides at n: lifts between gauges
      if (key.first == n && key.second != k) {
        const bool gauges = (k == Side::Standard && key.second == Side::Broad) ||
                            (k == Side::Broad && key.second == Side::Standard);
        const int lifts = gauges ? facility(FacilityKind::GaugeTracks, n) : -1;
        arcs_.push_back({v, other, {}});
        use(arcs_.back().uses, lifts, 1.0);
        arcs_.push_back({other, v, {}});
        use(arcs_.back().uses, lifts, 1.0);
      }
    if (const auto o = ends_.find({n, true}); o != ends_.end())
      arcs_.push_back({o->second, v, {}});
    if (const auto d = ends_.find({n, false}); d != ends_.end())
      arcs_.push_back({v, d->second, {}});
    return v;
  }

  int end_vertex(NodeIndex n, bool origin) {
    auto [it, added] = ends_.try_emplace({n, origin}, next_);
    if (!added)
      return it->second;
    const int v = next_++;
    for (const auto &[key, s] : sides_)
      if (key.first == n)
        arcs_.push_back(origin ? Arc{v, s, {}} : Arc{s, v, {}});
    return v;
  }

  /// Loading or unloading at node n: the crane gang, or a vessel's berth.
  void handle(std::vector<Use> &uses, const Service &s, NodeIndex n) const {
    const bool vessel = s.vehicle.type == VehicleType::Vessel && net_.nodes[n].seaport;
    use(uses, facility(vessel ? FacilityKind::Berths : FacilityKind::Handling, n), 1.0);
  }

  /// A truck's vehicle-counted uses on arriving at stop i + 1 over leg i.
  void truck_arrival(std::vector<Use> &uses, const Service &s, std::size_t i, bool on_demand) {
    const NodeIndex n = s.route[i + 1];
    const double per_teu = on_demand ? 1.0 : 1.0 / s.vehicle.capacity.value();
    use(uses, facility(FacilityKind::RoadCheckpoint, n), per_teu, on_demand);
    use(uses, facility(FacilityKind::LinkPaths, n, s.legs[i]), per_teu, on_demand);
    if (i + 2 < s.route.size() && net_.nodes[n].customs && !net_.nodes[n].customs->per_box)
      use(uses, facility(FacilityKind::Customs, n), per_teu, on_demand);
  }

  void add_service(const Service &s, ServiceIndex index, bool on_demand = false) {
    const std::size_t stops = s.route.size();
    if (stops < 2 || s.legs.size() + 1 != stops)
      return;
    const std::vector<bool> change = gauge_change_stops(net_, s);
    const int first = next_;
    next_ += static_cast<int>(2 * stops); // arrive 2i, depart 2i + 1
    auto arrive = [first](std::size_t i) { return first + static_cast<int>(2 * i); };
    auto depart = [first](std::size_t i) { return first + static_cast<int>(2 * i + 1); };
    const bool dispatch = s.schedule.kind == Schedule::Kind::Dispatch;
    const std::size_t first_arc = arcs_.size();
    for (std::size_t i = 0; i + 1 < stops; ++i) {
      Arc ride{depart(i), arrive(i + 1), {}};
      if (!dispatch && seats_.count(index)) { // each leg's seats are its own
        use(ride.uses, static_cast<int>(row_resource_.size()), 1.0);
        row_resource_.push_back(seats_.at(index));
      }
      if (dispatch)
        truck_arrival(ride.uses, s, i, on_demand);
      const NodeIndex next = s.route[i + 1];
      if (i + 2 < stops && net_.nodes[next].customs && net_.nodes[next].customs->per_box)
        use(ride.uses, facility(FacilityKind::Customs, next), 1.0);
      arcs_.push_back(ride);
      Arc board{side(s.route[i], side_of(s, i)), depart(i), {}};
      handle(board.uses, s, s.route[i]);
      arcs_.push_back(board);
      Arc alight{arrive(i + 1), side(next, side_of(s, i)), {}};
      handle(alight.uses, s, next);
      arcs_.push_back(alight);
      if (i + 2 < stops) { // staying aboard through stop i + 1
        Arc stay{arrive(i + 1), depart(i + 1), {}};
        if (change[i + 1])
          use(stay.uses, facility(FacilityKind::GaugeTracks, next), 1.0);
        arcs_.push_back(stay);
      }
    }
    if (index != invalid_index) // on-demand trucks take any cargo
      for (std::size_t a = first_arc; a < arcs_.size(); ++a)
        if (arcs_[a].from >= first || arcs_[a].to >= first)
          arcs_[a].cargo = &net_.services[index].cargo;
  }

  void add_on_demand(LinkIndex l) {
    const Link &link = net_.links[l];
    for (bool reverse : {false, true}) {
      if (reverse && link.oneway)
        continue;
      Service s;
      s.id = link.id + " on demand";
      s.mode = Mode::Road;
      s.route = reverse ? std::vector<NodeIndex>{link.to, link.from}
                        : std::vector<NodeIndex>{link.from, link.to};
      s.legs = {l};
      s.schedule.kind = Schedule::Kind::Dispatch;
      add_service(s, invalid_index, true);
    }
  }

  const Network &net_;
  std::map<ServiceIndex, int> seats_;
  std::map<std::tuple<FacilityKind, LinkIndex, NodeIndex>, int> facility_;
  std::map<std::pair<NodeIndex, Side>, int> sides_;
  std::map<std::pair<NodeIndex, bool>, int> ends_;
  std::vector<Arc> arcs_;
  std::vector<int> row_resource_;
  int next_ = 0;
};

struct GlpkDeleter {
  void operator()(glp_prob *p) const { glp_delete_prob(p); }
};

/// One commodity: a flow of the set, from its origin vertex to its sink vertex.
struct Commodity {
  int from, to;
  double demand;  ///< TEU/yr at 1×
  double box_teu; ///< mean TEU per box
  CargoClass cargo;
};

} // namespace

ServiceBound service_bound(const Network &net, const FlowSet &set,
                           const std::vector<ResourceCapacity> &all) {
  std::vector<ResourceCapacity> resources; // for a crossing, its own
  for (const ResourceCapacity &r : all)
    if (!set.through || at_node(net, r, *set.through))
      resources.push_back(r);
  ServiceGraph g(net, resources);
  std::vector<Commodity> goods;
  for (FlowIndex f : set.flows) {
    const DemandFlow &d = net.demand[f];
    goods.push_back({g.origin(d.origin), g.sink(d.destination), d.volume.value(),
                     std::max(d.size.mean(), 1e-9), d.cargo});
  }
  const auto &arcs = g.arcs();
  const int n_arcs = static_cast<int>(arcs.size()), n_vertices = g.vertices();
  const int n_goods = static_cast<int>(goods.size());
  std::unique_ptr<glp_prob, GlpkDeleter> lp(glp_create_prob());
  glp_set_obj_dir(lp.get(), GLP_MAX);
  // Rows: conservation per commodity and vertex, then the capacities left to the set.
  const int conservation = n_goods * n_vertices;
  const std::vector<int> &limits = g.row_resource();
  glp_add_rows(lp.get(), conservation + static_cast<int>(limits.size()));
  for (int r = 1; r <= conservation; ++r)
    glp_set_row_bnds(lp.get(), r, GLP_FX, 0.0, 0.0);
  for (std::size_t r = 0; r < limits.size(); ++r) {
    const ResourceCapacity &c = resources[static_cast<std::size_t>(limits[r])];
    const double left = std::max(0.0, c.capacity - std::max(0.0, c.load - c.marginal));
    glp_set_row_bnds(lp.get(), conservation + 1 + static_cast<int>(r), GLP_UP, 0.0, left);
  }
  // Columns: each commodity's flow on each arc, then the multiplier (the objective).
  const int m_col = n_goods * n_arcs + 1;
  glp_add_cols(lp.get(), m_col);
  for (int k = 0; k < n_goods; ++k) // a service takes only the classes it accepts
    for (int a = 0; a < n_arcs; ++a)
      glp_set_col_bnds(lp.get(), k * n_arcs + a + 1,
                       arcs[a].takes(goods[k].cargo) ? GLP_LO : GLP_FX, 0.0, 0.0);
  glp_set_col_bnds(lp.get(), m_col, GLP_LO, 0.0, 0.0);
  glp_set_obj_coef(lp.get(), m_col, 1.0);
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0.0};
  auto put = [&](int row, int col, double v) {
    ia.push_back(row);
    ja.push_back(col);
    ar.push_back(v);
  };
  for (int k = 0; k < n_goods; ++k) {
    const int base = k * n_vertices + 1;
    for (int a = 0; a < n_arcs; ++a) {
      const int col = k * n_arcs + a + 1;
      put(base + arcs[a].from, col, 1.0); // out of `from`
      put(base + arcs[a].to, col, -1.0);  // into `to`
      for (const Use &u : arcs[a].uses)
        put(conservation + 1 + u.row, col, u.per_box ? u.coef / goods[k].box_teu : u.coef);
    }
    put(base + goods[k].from, m_col, -goods[k].demand); // out - in = m × demand at the origin
    put(base + goods[k].to, m_col, goods[k].demand);
  }
  glp_load_matrix(lp.get(), static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  ServiceBound out;
  if (glp_simplex(lp.get(), &parm) != 0 || glp_get_status(lp.get()) == GLP_UNBND) {
    out.unbounded = true;
    return out;
  }
  out.multiplier = glp_get_obj_val(lp.get());
  std::map<int, double> dual; // per resource, over its rows
  for (std::size_t r = 0; r < limits.size(); ++r)
    dual[limits[r]] += glp_get_row_dual(lp.get(), conservation + 1 + static_cast<int>(r));
  std::vector<std::pair<double, int>> tight;
  for (const auto &[r, d] : dual)
    if (d > 1e-12)
      tight.emplace_back(d, r);
  std::stable_sort(tight.begin(), tight.end(),
                   [](const auto &a, const auto &b) { return a.first > b.first; });
  for (const auto &t : tight)
    out.binding.push_back(resources[static_cast<std::size_t>(t.second)].name);
  return out;
}

ServiceBound services_max_flow(const Network &net, NodeIndex from, NodeIndex to, Teu box) {
  Network one = net;
  DemandFlow f;
  f.id = "max-flow";
  f.origin = from;
  f.destination = to;
  f.size = DistributionSpec::fixed(box.value());
  f.volume = TeuPerYear(1.0);
  one.demand = {f};
  FlowSet set;
  set.flows = {0};
  set.demand = f.volume;
  return service_bound(one, set, rated_resources(one, Hours(0.0), Hours(hours_per_year)));
}

} // namespace corsim::model
