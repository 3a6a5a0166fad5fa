// The network bound over the service network: a linear programme (GLPK) that sends the set's
// flows, each scaled by one multiplier, over the services' legs, changing vehicles only where
// services stop, within the seats, lanes, quotas, paths, lifts, cranes and berths left by the
// other flows (docs/capacity.md, "Network").
#include "corsim/model/capacity.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
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

/// The service network: stop vertices (arrive, depart) of each service the model runs; at each
/// node, an "in" and an "out" vertex per side (a box alights into an in, changes once to an
/// out, boards from it: lifts between the two gauges), and the origins' and sinks' vertices.
class ServiceGraph {
public:
  ServiceGraph(const Network &net, const std::vector<ResourceCapacity> &res) : net_(net) {
    for (std::size_t r = 0; r < res.size(); ++r) {
      if (!std::isfinite(res[r].capacity))
        continue; // no limit (a service time of 0)
      if (res[r].service != invalid_index) {
        seats_[res[r].service] = static_cast<int>(r);      // a row per leg, as each leg is added
      } else if (res[r].kind == FacilityKind::LinkPaths) { // a row per direction
        const Link &l = net.links[res[r].link];
        for (NodeIndex entry : {l.from, l.to})
          add_row(r, {res[r].kind, res[r].link, entry});
      } else {
        add_row(r, {res[r].kind, LinkIndex(invalid_index), res[r].node});
      }
    }
    const std::vector<Service> services = model_services(net);
    for (std::size_t s = 0; s < services.size(); ++s)
      add_service(services[s], static_cast<ServiceIndex>(s), s >= net.services.size());
  }

  int origin(NodeIndex n) { return end_vertex(n, true); }
  int sink(NodeIndex n) { return end_vertex(n, false); }
  [[nodiscard]] int vertices() const { return static_cast<int>(node_of_.size()); }
  [[nodiscard]] NodeIndex node_of(int v) const { return node_of_[static_cast<std::size_t>(v)]; }
  [[nodiscard]] const std::vector<Arc> &arcs() const { return arcs_; }
  /// The resource each row of capacity limits: a facility's row(s), a service's per leg.
  [[nodiscard]] const std::vector<int> &row_resource() const { return row_resource_; }

private:
  using Key = std::tuple<FacilityKind, LinkIndex, NodeIndex>;

  void add_row(std::size_t resource, const Key &key) {
    facility_[key] = static_cast<int>(row_resource_.size());
    row_resource_.push_back(static_cast<int>(resource));
  }

  /// The row of facility `k` at node n (for paths: link l entered at n), or -1.
  [[nodiscard]] int facility(FacilityKind k, NodeIndex n,
                             LinkIndex l = LinkIndex(invalid_index)) const {
    auto it = facility_.find({k, l, n});
    return it == facility_.end() ? -1 : it->second;
  }

  static void use(std::vector<Use> &uses, int row, double coef, bool per_box = false) {
    if (row >= 0)
      uses.push_back({row, coef, per_box});
  }

  int vertex(NodeIndex n) {
    node_of_.push_back(n);
    return static_cast<int>(node_of_.size()) - 1;
  }

  Side side_of(const Service &s, std::size_t leg) const {
    if (s.mode == Mode::Road)
      return Side::Road;
    if (s.mode == Mode::Sea)
      return Side::Sea;
    const Gauge g = net_.links[s.legs[leg]].gauge;
    return g == Gauge::Standard ? Side::Standard : g == Gauge::Broad ? Side::Broad : Side::Other;
  }

  static bool gauges(Side a, Side b) {
    return (a == Side::Standard && b == Side::Broad) || (a == Side::Broad && b == Side::Standard);
  }

  /// The in (`arriving`) or out vertex of side k at n, made with its changes on first use.
  int side(NodeIndex n, Side k, bool arriving) {
    if (const auto it = sides_.find({n, k}); it != sides_.end())
      return arriving ? it->second.first : it->second.second;
    const int in = vertex(n), out = vertex(n);
    sides_[{n, k}] = {in, out};
    for (const auto &[key, io] : sides_) // one change per visit: in -> out
      if (key.first == n) {
        const int lifts = gauges(k, key.second) ? facility(FacilityKind::GaugeTracks, n) : -1;
        arcs_.push_back({in, io.second, {}});
        use(arcs_.back().uses, lifts, 1.0);
        if (key.second != k) {
          arcs_.push_back({io.first, out, {}});
          use(arcs_.back().uses, lifts, 1.0);
        }
      }
    if (const auto o = ends_.find({n, true}); o != ends_.end())
      arcs_.push_back({o->second, out, {}});
    if (const auto d = ends_.find({n, false}); d != ends_.end())
      arcs_.push_back({in, d->second, {}});
    return arriving ? in : out;
  }

  int end_vertex(NodeIndex n, bool origin) {
    if (const auto it = ends_.find({n, origin}); it != ends_.end())
      return it->second;
    const int v = vertex(n);
    ends_[{n, origin}] = v;
    for (const auto &[key, io] : sides_)
      if (key.first == n)
        arcs_.push_back(origin ? Arc{v, io.second, {}} : Arc{io.first, v, {}});
    return v;
  }

  /// Loading or unloading at node n: the crane gang, or a vessel's berth.
  void handle(std::vector<Use> &uses, const Service &s, NodeIndex n) const {
    const bool vessel = s.vehicle.type == VehicleType::Vessel && net_.nodes[n].seaport;
    use(uses, facility(vessel ? FacilityKind::Berths : FacilityKind::Handling, n), 1.0);
  }

  /// What a truck sent on demand counts by vehicles over leg i: the paths it enters, the
  /// checkpoint it arrives at, the customs of a stop it passes.
  void truck_leg(std::vector<Use> &uses, const Service &s, std::size_t i, bool on_demand) const {
    const NodeIndex n = s.route[i + 1];
    const double per_teu = on_demand ? 1.0 : 1.0 / s.vehicle.capacity.value();
    use(uses, facility(FacilityKind::LinkPaths, s.route[i], s.legs[i]), per_teu, on_demand);
    if (s.mode != Mode::Road)
      return;
    use(uses, facility(FacilityKind::RoadCheckpoint, n), per_teu, on_demand);
    if (i + 2 < s.route.size() && net_.nodes[n].customs && !net_.nodes[n].customs->per_box)
      use(uses, facility(FacilityKind::Customs, n), per_teu, on_demand);
  }

  void add_service(const Service &s, ServiceIndex index, bool on_demand) {
    const std::size_t stops = s.route.size();
    if (stops < 2 || s.legs.size() + 1 != stops)
      return;
    const std::vector<bool> change = gauge_change_stops(net_, s);
    std::vector<int> arrive, depart;
    for (NodeIndex n : s.route) {
      arrive.push_back(vertex(n));
      depart.push_back(vertex(n));
    }
    const bool dispatch = s.schedule.kind == Schedule::Kind::Dispatch;
    const bool vessel = s.vehicle.type == VehicleType::Vessel;
    auto add = [&](Arc a) { // the service's own arcs take its cargo classes only
      if (!on_demand)
        a.cargo = &net_.services[index].cargo;
      arcs_.push_back(std::move(a));
    };
    for (std::size_t i = 0; i + 1 < stops; ++i) {
      const NodeIndex next = s.route[i + 1];
      Arc ride{depart[i], arrive[i + 1], {}};
      if (!dispatch && seats_.count(index)) { // each leg's seats are its own
        use(ride.uses, static_cast<int>(row_resource_.size()), 1.0);
        row_resource_.push_back(seats_.at(index));
      }
      if (dispatch)
        truck_leg(ride.uses, s, i, on_demand);
      if (!vessel && i + 2 < stops && net_.nodes[next].customs && net_.nodes[next].customs->per_box)
        use(ride.uses, facility(FacilityKind::Customs, next), 1.0);
      add(ride);
      Arc board{side(s.route[i], side_of(s, i), false), depart[i], {}};
      handle(board.uses, s, s.route[i]);
      add(board);
      Arc alight{arrive[i + 1], side(next, side_of(s, i), true), {}};
      handle(alight.uses, s, next);
      add(alight);
      if (i + 2 < stops) { // staying aboard through stop i + 1
        Arc stay{arrive[i + 1], depart[i + 1], {}};
        if (change[i + 1])
          use(stay.uses, facility(FacilityKind::GaugeTracks, next), 1.0);
        add(stay);
      }
    }
  }

  const Network &net_;
  std::map<ServiceIndex, int> seats_;
  std::map<Key, int> facility_;
  std::map<std::pair<NodeIndex, Side>, std::pair<int, int>> sides_; ///< in, out
  std::map<std::pair<NodeIndex, bool>, int> ends_;
  std::vector<Arc> arcs_;
  std::vector<int> row_resource_;
  std::vector<NodeIndex> node_of_;
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
    if (!set.through || at_node(r, *set.through))
      resources.push_back(r);
  ServiceGraph g(net, resources);
  std::vector<Commodity> goods;
  for (FlowIndex f : set.flows) {
    const DemandFlow &d = net.demand[f];
    goods.push_back({g.origin(d.origin), g.sink(d.destination), d.volume.value(),
                     std::max(d.size.mean(), 1e-9), d.cargo});
  }
  // A crossing's flows must pass it: two copies of the graph, before and after, joined only
  // at the crossing's vertices.
  std::vector<int> crossing;
  if (set.through)
    for (int v = 0; v < g.vertices(); ++v)
      if (g.node_of(v) == *set.through)
        crossing.push_back(v);
  const int layers = set.through ? 2 : 1;
  const auto &arcs = g.arcs();
  const int n_arcs = static_cast<int>(arcs.size()), n_vertices = g.vertices();
  const int n_goods = static_cast<int>(goods.size()), n_cross = static_cast<int>(crossing.size());
  const int per_good = layers * n_arcs + n_cross; // columns of one commodity
  std::unique_ptr<glp_prob, GlpkDeleter> lp(glp_create_prob());
  glp_set_obj_dir(lp.get(), GLP_MAX);
  // Rows: conservation per commodity, layer and vertex, then the capacities left to the set.
  const int conservation = n_goods * layers * n_vertices;
  const std::vector<int> &limits = g.row_resource();
  glp_add_rows(lp.get(), conservation + static_cast<int>(limits.size()));
  for (int r = 1; r <= conservation; ++r)
    glp_set_row_bnds(lp.get(), r, GLP_FX, 0.0, 0.0);
  for (std::size_t r = 0; r < limits.size(); ++r) {
    const ResourceCapacity &c = resources[static_cast<std::size_t>(limits[r])];
    const double left = std::max(0.0, c.capacity - std::max(0.0, c.load - c.marginal));
    glp_set_row_bnds(lp.get(), conservation + 1 + static_cast<int>(r), GLP_UP, 0.0, left);
  }
  // Columns: each commodity's flow on each arc of each layer and across the crossing, then
  // the multiplier (the objective).
  const int m_col = n_goods * per_good + 1;
  glp_add_cols(lp.get(), m_col);
  for (int c = 1; c < m_col; ++c)
    glp_set_col_bnds(lp.get(), c, GLP_LO, 0.0, 0.0);
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
    auto row = [&](int layer, int v) { return (k * layers + layer) * n_vertices + v + 1; };
    for (int layer = 0; layer < layers; ++layer)
      for (int a = 0; a < n_arcs; ++a) {
        const int col = k * per_good + layer * n_arcs + a + 1;
        if (!arcs[a].takes(goods[k].cargo)) // a service takes only the classes it accepts
          glp_set_col_bnds(lp.get(), col, GLP_FX, 0.0, 0.0);
        put(row(layer, arcs[a].from), col, 1.0); // out of `from`
        put(row(layer, arcs[a].to), col, -1.0);  // into `to`
        for (const Use &u : arcs[a].uses)
          put(conservation + 1 + u.row, col, u.per_box ? u.coef / goods[k].box_teu : u.coef);
      }
    for (int c = 0; c < n_cross; ++c) { // before -> after, at the crossing
      const int col = k * per_good + layers * n_arcs + c + 1;
      put(row(0, crossing[c]), col, 1.0);
      put(row(1, crossing[c]), col, -1.0);
    }
    put(row(0, goods[k].from), m_col, -goods[k].demand); // out - in = m × demand at the origin
    put(row(layers - 1, goods[k].to), m_col, goods[k].demand);
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
