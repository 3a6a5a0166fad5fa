#pragma once
/// \file network.hpp
/// The corridor network: nodes with their facilities, links, services and demand.
/// Plain data, validated once by the loader (corsim/io/load.hpp) before anything runs;
/// the routing and simulation code trust it. Units are those of units.hpp.

#include "corsim/calendar.hpp"
#include "corsim/disruption.hpp"
#include "corsim/distribution.hpp"
#include "corsim/units.hpp"

#include "corsim/id.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corsim {

enum class NodeKind { RailTerminal, BorderCrossing, Seaport, RoadCheckpoint, Hub, Gateway };
enum class Mode { Rail, Sea, Road };
/// Track gauge of a rail link. Dual = both gauges (four-rail or interlaced track).
enum class Gauge { None, Standard, Broad, Dual };
enum class CargoClass { Containers, Vehicles, Ecommerce, Mail };
inline constexpr int cargo_class_count = 4;

/// Names as written in files and on the command line, in the order of each enum (so the
/// name of value v is names()[static_cast<std::size_t>(v)]); to_string returns them.
const std::vector<std::string> &node_kind_names(); ///< "rail_terminal", "border_crossing", ...
const std::vector<std::string> &mode_names();      ///< "rail", "sea", "road"
const std::vector<std::string> &cargo_names(); ///< "containers", "vehicles", "ecommerce", "mail"

const char *to_string(NodeKind k);
const char *to_string(Mode m);
const char *to_string(Gauge g); ///< "1435", "1520", "dual", "none"
const char *to_string(CargoClass c);

/// The enum value named `s` (one of the names above); nullopt otherwise.
std::optional<Mode> mode_from_string(std::string_view s);
std::optional<CargoClass> cargo_from_string(std::string_view s);

/// Container handling at a node (terminal cranes, reach stackers).
struct Handling {
  int cranes = 1;
  PerHour moves_per_crane{25.0}; ///< moves (one TEU-box each) per hour per crane
};

/// Container yard. A full yard blocks arrivals.
struct Yard {
  Teu slots{0.0};
  /// The modes of the rides whose boxes wait in it; empty = all. Boxes leaving on another mode
  /// wait outside it, without a limit (a terminal of their own, not modelled).
  std::vector<Mode> modes;
  [[nodiscard]] bool serves(Mode m) const {
    for (Mode x : modes)
      if (x == m)
        return true;
    return modes.empty();
  }
};

/// Customs and border control, for trains and trucks alike.
struct Customs {
  int lanes = 1;                                                   ///< vehicles cleared at once
  DistributionSpec time = DistributionSpec::fixed(4.0);            ///< clearance, hours
  double inspection_share = 0.0;                                   ///< 0..1 of vehicles inspected
  DistributionSpec inspection_time = DistributionSpec::fixed(0.0); ///< extra hours if inspected
  Calendar hours;                                                  ///< opening hours and holidays
  /// Clears per box (`time` for each TEU aboard, on one lane) instead of per vehicle.
  bool per_box = false;
};

/// Break-of-gauge transshipment yard: containers are lifted between trains of the two gauges.
struct GaugeChange {
  int transfer_tracks = 1;
  PerHour lifts_per_track{30.0}; ///< containers lifted per hour per transfer track
  int wagon_pool = 0;            ///< wagons of the onward gauge available at the yard
  Teu teu_per_wagon{2.0};        ///< capacity of one onward wagon
  Hours wagon_turnaround{0.0};   ///< time before a wagon that left returns to the pool
};

/// Road border checkpoint.
struct RoadCheckpoint {
  int lanes = 1;
  DistributionSpec time = DistributionSpec::fixed(1.0); ///< processing per truck, hours
  PerHour daily_quota{0.0}; ///< trucks admitted per day (as a rate); 0 = no quota
  Calendar hours;
};

/// Seaport: berths with cranes.
struct Seaport {
  int berths = 1;
  int cranes_per_berth = 1;
  PerHour moves_per_crane{25.0};
};

struct Node {
  std::string id;         ///< short unique id used in files ("MZL")
  std::string name;       ///< English name ("Manzhouli")
  std::string local_name; ///< name in the local language ("满洲里")
  NodeKind kind = NodeKind::Hub;
  std::string country; ///< ISO 3166-1 alpha-2 ("CN")
  double lat = 0.0;    ///< WGS84 degrees
  double lon = 0.0;
  std::optional<Handling> handling;
  std::optional<Yard> yard;
  std::optional<Customs> customs;
  std::optional<GaugeChange> gauge_change;
  std::optional<RoadCheckpoint> road_checkpoint;
  std::optional<Seaport> seaport;
  /// Hours a box changing vehicles here (train, truck or vessel) needs before it can board the
  /// next one, on top of the facilities' own times: paperwork, shunting, the walk across.
  Hours transfer_time{0.0};
};

struct Link {
  std::string id;
  NodeIndex from = 0;
  NodeIndex to = 0;
  Mode mode = Mode::Rail;
  Km length{0.0};
  /// Running time; for links given by speed this is a fixed length / speed.
  DistributionSpec running_time = DistributionSpec::fixed(0.0);
  Gauge gauge = Gauge::None;
  PerHour capacity{0.0}; ///< paths (trains, sailings, trucks) per hour per direction; 0 = unlimited
  bool single_track = false; ///< one direction (and one gauge) at a time
  bool oneway = false;       ///< only from -> to
  Usd cost{0.0};             ///< tariff per TEU over the whole link
  GramsPerTkm co2{0.0};

  [[nodiscard]] Hours mean_running_time() const { return Hours(running_time.mean()); }
};

enum class VehicleType { Train, Vessel, Truck };
const std::vector<std::string> &vehicle_type_names(); ///< "train", "vessel", "truck"
const char *to_string(VehicleType v);

struct Vehicle {
  VehicleType type = VehicleType::Train;
  int wagons = 0;            ///< train
  Teu teu_per_wagon{2.0};    ///< train
  Metres max_length{0.0};    ///< train; 0 = no limit
  Metres wagon_length{15.0}; ///< train
  Teu capacity{0.0};         ///< total TEU (derived for trains: wagons × teu_per_wagon)
  KmPerHour speed{0.0};      ///< vessel (from knots), 0 = use link speeds
};

/// How a service's departures are decided.
struct Schedule {
  enum class Kind { Weekly, Interval, Dispatch };
  Kind kind = Kind::Weekly;
  std::vector<Hours> weekly; ///< Weekly: departure times within the week, hours after Monday 00:00
  Hours every{0.0};          ///< Interval: headway
  Hours first{0.0};          ///< Interval: first departure after the epoch
  bool when_full = true;     ///< Dispatch: leave as soon as full
  Hours max_wait{0.0};       ///< Dispatch: leave at the latest this long after the first load

  /// Departures a week of a weekly or interval timetable (0 for a dispatch rule).
  [[nodiscard]] double departures_per_week() const {
    return kind == Kind::Weekly     ? static_cast<double>(weekly.size())
           : kind == Kind::Interval ? hours_per_week / every.value()
                                    : 0.0;
  }
};

/// Departures a timetabled service adds when boxes pile up (corridor-format.md, "Extra
/// departures"): one leaves its first stop as soon as `when_waiting` TEU wait there, at most
/// `per_week` in a calendar week of the simulation clock, with a vehicle of its fleet.
struct ExtraDepartures {
  Teu when_waiting{0.0};
  int per_week = 0;
};

/// Service::fleet of a service without a fleet.
inline constexpr std::uint32_t no_fleet = UINT32_MAX;

struct Service {
  std::string id;
  std::string name;
  Mode mode = Mode::Rail;
  std::vector<NodeIndex> route; ///< node sequence
  std::vector<LinkIndex> legs;  ///< link used between route[i] and route[i+1] (resolved)
  Vehicle vehicle;
  Schedule schedule;
  std::vector<CargoClass> cargo; ///< classes it accepts; empty = all
  Usd tariff{0.0};               ///< per TEU for the whole run, on top of link costs
  Hours dwell{0.0};              ///< stop time at each intermediate node
  /// Stop times that replace `dwell` at the nodes named (e.g. 0 h at a border, whose waits the
  /// facilities there give).
  std::vector<std::pair<NodeIndex, Hours>> dwell_at;
  std::uint32_t fleet = no_fleet; ///< index into Network::fleets; no_fleet = vehicles unlimited
  std::optional<ExtraDepartures> extra; ///< timetabled services only

  /// Its stop time at intermediate stop `stop` of its route.
  [[nodiscard]] Hours stop_dwell(std::size_t stop) const {
    for (const auto &[node, h] : dwell_at)
      if (node == route[stop])
        return h;
    return dwell;
  }
};

/// Vehicles shared by services that run out and back (corridor-format.md, "Fleets"): a
/// departure needs one standing at its first stop, which stands at the last stop after
/// `turnaround`.
struct Fleet {
  std::string id;
  int vehicles = 1;
  Hours turnaround{0.0};
  /// A vehicle away from home (where it stood at the start) that nothing takes this long after
  /// its turnaround, where the fleet has a dispatched service, runs back empty on it; none: it
  /// waits there for cargo.
  std::optional<Hours> empty_return;
};

/// Most vehicles in one fleet.
inline constexpr int max_fleet_vehicles = 10'000;

/// Trains, trucks or vessels of other origins through the corridor's facilities
/// (corridor-format.md, "Background traffic"): vehicles without boxes, each with a load.
struct BackgroundTraffic {
  /// id, name, mode, route and legs, vehicle type (and a vessel's speed), dwell; its schedule
  /// when timetabled (Weekly or Interval), Dispatch when it arrives at `per_hour`.
  Service service;
  PerHour per_hour{0.0}; ///< mean vehicles entering per hour; 0 = by the schedule
  bool poisson = true;   ///< with per_hour: random arrivals, else evenly spaced
  DistributionSpec load = DistributionSpec::fixed(0.0); ///< per vehicle, in load_unit
  double teu_per_load_unit = 1.0; ///< 1 for TEU; 1 / tonnes_per_teu for a load in tonnes
  std::array<double, 12> monthly{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}; ///< rate factor by month
  std::vector<TimeWindow> holidays; ///< hours from the epoch; no vehicles enter
  [[nodiscard]] double mean_teu() const { return load.mean() * teu_per_load_unit; }
  /// Its largest monthly factor.
  [[nodiscard]] double busiest_month() const;
  /// Vehicles an hour entering in its busiest month (a timetable: as often as it is written).
  [[nodiscard]] double peak_per_hour() const;
  /// Vehicles an hour entering on average over the year.
  [[nodiscard]] double mean_per_hour() const;
};

enum class ArrivalProcess { Poisson, Scheduled, Bookings };

/// One line of a bookings file: a consignment ready at `ready` (hours from the epoch).
struct Booking {
  Hours ready{0.0};
  Teu teu{1.0};
  Hours due{0.0}; ///< hours from the epoch; 0 = the flow's `due` after ready (or none)
};

/// Consignments a year one flow may generate (volume / mean size). Memory and run time grow with
/// them: a million a year per flow is far beyond any corridor and catches unit slips (TEU/yr
/// for TEU/d, 0.000001 TEU). The loader and in-memory what-ifs both check it.
inline constexpr double max_consignments_per_year = 1e6;

/// Most units of one facility (lanes, berths, tracks, cranes), and wagons in one pool.
inline constexpr int max_facility_units = 100'000;
inline constexpr int max_wagon_pool = 10'000'000;

struct DemandFlow {
  std::string id;
  NodeIndex origin = 0;
  NodeIndex destination = 0;
  TeuPerYear volume{0.0};
  ArrivalProcess arrivals = ArrivalProcess::Poisson;
  std::string bookings_file;     ///< Bookings: CSV path, relative to the network file
  std::vector<Booking> bookings; ///< Bookings: read from the file by the loader, by ready time
  DistributionSpec size = DistributionSpec::fixed(1.0); ///< TEU per consignment
  CargoClass cargo = CargoClass::Containers;
  Hours due{0.0}; ///< due time after ready; 0 = none
  Usd value{0.0}; ///< cargo value per TEU
};

/// Network-wide settings.
struct Settings {
  CivilDate epoch{2023, 1, 2}; ///< simulation time 0 = 00:00 of this date
  Tonnes tonnes_per_teu{10.0}; ///< gross cargo mass per TEU, for CO2 per tonne-km
  /// Value of time per cargo class, USD per TEU-hour (generalised cost = cost + vot × time).
  std::vector<Usd> value_of_time{Usd(1.0), Usd(2.0), Usd(4.0), Usd(4.0)};
};

struct Network {
  std::string name;
  Settings settings;
  std::vector<Node> nodes;
  std::vector<Link> links;
  std::vector<Service> services;
  std::vector<DemandFlow> demand;
  std::vector<Disruption> disruptions;
  std::vector<Fleet> fleets;
  std::vector<BackgroundTraffic> background;

  /// Index of the node whose id, English name or local name equals `name`; nullopt if none.
  [[nodiscard]] std::optional<NodeIndex> find_node_or_null(std::string_view name) const;
  /// Like find_node_or_null but throws InputError naming the closest known names.
  [[nodiscard]] NodeIndex find_node(std::string_view name) const;
  /// All names a node may be called by, for suggestions.
  [[nodiscard]] std::vector<std::string> node_names() const;
};

/// CO2e of carrying one TEU over the whole link, tonnes: the link's factor (g per tonne-km) ×
/// its length (km) × the network's tonnes per TEU, grams to tonnes (/ 1e6).
Tonnes co2_per_teu(const Link &l, const Settings &s);

/// Gauge of the first leg of `s` from `leg` on that is on one gauge only; None if all are dual.
Gauge next_gauge(const Network &net, const Service &s, std::size_t leg);

/// Per stop of rail service `s`: whether its train is transshipped onto the other gauge there
/// (where the gauge of its next single-gauge link differs from the last one's, at the yard
/// nearest that link; across a dual-gauge border section, the receiving side's yard).
std::vector<bool> gauge_change_stops(const Network &net, const Service &s);

/// Great-circle distance between two nodes (km), for sanity checks and maps.
Km great_circle(const Node &a, const Node &b);

} // namespace corsim
