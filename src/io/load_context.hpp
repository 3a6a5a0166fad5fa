#pragma once
// Shared state of one network load: the network being built, the diagnostics, and the YAML
// nodes of each entity so that later checks can point at the right line.

#include "yaml_reader.hpp"

#include <set>
#include <unordered_map>

namespace corsim::io {

struct LoadContext {
  Diagnostics &diag;
  const LoadLimits &limits;
  std::string directory; ///< of the network file, for relative paths in it
  Network net;
  int epoch_weekday = 0;
  std::vector<YAML::Node> node_yaml, link_yaml, service_yaml, demand_yaml, background_yaml,
      fleet_yaml;

  /// A node named by id, English or local name; reports unknown names with suggestions.
  std::optional<NodeIndex> resolve_node(const YAML::Node &ref, const std::string &what);
  /// Ids, then names and local names, to nodes (as Network::find_node_or_null finds them),
  /// built once the nodes are read: every reference costs O(1), not a scan of the nodes.
  std::unordered_map<std::string, NodeIndex> node_index;
  std::size_t node_index_of = 0; ///< how many nodes node_index was built from
  /// The required `from` and `to` nodes of `m`, which must differ (0 where unknown, after an
  /// error has been reported).
  std::pair<NodeIndex, NodeIndex> read_endpoints(MapReader &m);
  /// Reports a duplicate id; returns false when `id` was seen before in `seen`.
  bool check_unique(std::set<std::string> &seen, const std::string &id, const YAML::Node &at,
                    const char *what);
  /// The list under `key` of the root, checked to be a list within the entity limit.
  std::optional<YAML::Node> entity_list(const YAML::Node &root, const char *key, bool required);
};

void load_settings(LoadContext &ctx, const YAML::Node &root);
void load_nodes(LoadContext &ctx, const YAML::Node &list);
void load_links(LoadContext &ctx, const YAML::Node &list);
void load_services(LoadContext &ctx, const YAML::Node &list);
void load_demand(LoadContext &ctx, const YAML::Node &list);
void load_fleets(LoadContext &ctx, const YAML::Node &list);
void load_background(LoadContext &ctx, const YAML::Node &list);
/// A service's `schedule` map (weekly, interval or dispatch).
Schedule read_schedule(LoadContext &ctx, const YAML::Node &y);
/// The `route` of `m` into `s.route` (left empty after an error).
void read_route(LoadContext &ctx, MapReader &m, Service &s);
void load_disruptions(LoadContext &ctx, const YAML::Node &list);
/// The bookings of a CSV file (columns ready, teu and optionally due), sorted by ready time;
/// errors at the file's line and column, or at `at` when the file cannot be read.
std::vector<Booking> read_bookings(LoadContext &ctx, const YAML::Node &at, const std::string &path);
/// Loads a network from a parsed root (nullopt: reading it failed, already reported), the
/// file being diag.file(). What try_load_network and scenario loading share.
LoadResult load_network_tree(Diagnostics &diag, const std::optional<YAML::Node> &root,
                             const LoadLimits &limits);
/// Checks across entities: routes over links, gauge changes, reachability, sense warnings.
void validate_network(LoadContext &ctx);
/// The legs of `s` over the links of its mode, and its breaks of gauge (validate_network.cpp).
void check_route(LoadContext &ctx, Service &s, const YAML::Node &y);
/// Warnings for background traffic beyond a facility on its own, and for fleets that cannot
/// keep their services' timetables (validate_traffic.cpp).
void warn_traffic_beyond_capacity(LoadContext &ctx);
/// Warnings for services no demand flow can ride, customs where no vehicle clears and yards
/// where no box boards (validate_usable.cpp).
void warn_unusable(LoadContext &ctx);

/// Opening hours: a string or list like "Mon-Fri 08:00-20:00", or "24/7".
std::optional<std::vector<WeeklyWindow>> read_opening_hours(Diagnostics &diag,
                                                            const YAML::Node &node);
/// Holidays: a list of "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD" (inclusive), as closures.
std::optional<std::vector<TimeWindow>> read_holidays(Diagnostics &diag, const YAML::Node &node,
                                                     CivilDate epoch);
std::optional<CivilDate> read_date(Diagnostics &diag, const YAML::Node &node, std::string_view text,
                                   std::size_t offset);
/// The Calendar of a facility map with optional `hours` and `holidays` keys.
Calendar read_calendar(LoadContext &ctx, MapReader &map);

} // namespace corsim::io
