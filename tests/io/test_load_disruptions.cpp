// Disruptions in the corridor format: targets, windows against the epoch, effects.
#include "corsim/io/load.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using Catch::Detail::Approx;
using namespace corsim;

namespace {

/// Loads `text` from a temporary file.
Network load_text(const std::string &text) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("corsim-disruptions-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << text;
  Network net = io::load_network(path.string());
  std::filesystem::remove(path);
  return net;
}

const char *corridor = R"yaml(corsim: 1
epoch: 2023-01-02
nodes:
  - {id: MZL, name: Manzhouli, kind: border_crossing, country: CN, coords: [49.6, 117.4]}
  - {id: ZBK, name: Zabaikalsk, kind: border_crossing, country: RU, coords: [49.65, 117.33]}
  - {id: VVO, name: Vladivostok, kind: seaport, country: RU, coords: [43.1, 131.9]}
  - {id: NGB, name: Ningbo, kind: seaport, country: CN, coords: [29.9, 121.9]}
links:
  - {id: MZL-ZBK, from: MZL, to: ZBK, mode: rail, gauge: dual, length: 11 km, speed: 30 km/h}
  - {id: VVO-NGB, from: VVO, to: NGB, mode: sea, length: 1010 nm, speed: 12 kn}
services:
  - id: CMO
    name: Changchun-Manzhouli-Europe
    mode: rail
    route: [MZL, ZBK]
    vehicle: {type: train, wagons: 41}
    schedule: {days: [Mon], times: ["10:00"]}
disruptions:
  - {id: mzl-closed, what: closure, node: Manzhouli, from: 2023-02-10, to: 2023-02-20}
  - {id: bridge-half, what: capacity, link: MZL-ZBK, factor: 50%, from: 2023-03-01 06:00, for: 36 h}
  - {id: no-cmo, what: closure, service: CMO, from: 2023-01-02, for: 1 wk, note: strike}
  - id: winter-storms
    what: weather
    mode: sea
    delay: "triangular(0 h, 12 h, 48 h)"
    from: 2023-12-01
    to: 2024-03-01
    every: year
  - {id: typhoon, what: weather, link: VVO-NGB, delay: 1 d, from: 2023-08-01T12:00, for: 2 d}
)yaml";

} // namespace

TEST_CASE("Disruptions load with their targets, windows and effects", "[io][disruption]") {
  const Network net = load_text(corridor);
  REQUIRE(net.disruptions.size() == 5);
  const Disruption &closed = net.disruptions[0];
  CHECK(closed.id == "mzl-closed");
  CHECK(closed.kind == DisruptionKind::Closure);
  CHECK(closed.target == DisruptionTarget::Node);
  CHECK(closed.index == 0);
  CHECK(closed.factor == 0.0);
  // 2023-02-10 is 39 days after the epoch (2023-01-02); `to` is exclusive: ten days.
  CHECK(closed.window.start.value() == Approx(39 * 24.0));
  CHECK(closed.window.end.value() == Approx(49 * 24.0));
  CHECK_FALSE(closed.yearly);

  const Disruption &cut = net.disruptions[1];
  CHECK(cut.kind == DisruptionKind::Capacity);
  CHECK(cut.target == DisruptionTarget::Link);
  CHECK(cut.index == 0);
  CHECK(cut.factor == Approx(0.5));
  CHECK(cut.window.start.value() == Approx(58 * 24.0 + 6.0)); // 1 March 06:00
  CHECK(cut.window.end.value() == Approx(58 * 24.0 + 42.0));

  const Disruption &strike = net.disruptions[2];
  CHECK(strike.target == DisruptionTarget::Service);
  CHECK(strike.window.start.value() == 0.0);
  CHECK(strike.window.end.value() == Approx(168.0));

  const Disruption &winter = net.disruptions[3];
  CHECK(winter.kind == DisruptionKind::Weather);
  CHECK(winter.target == DisruptionTarget::Mode);
  CHECK(winter.index == static_cast<std::uint32_t>(Mode::Sea));
  CHECK(winter.delay.mean() == Approx(20.0)); // (0 + 12 + 48) / 3
  CHECK(winter.yearly);
  CHECK(winter.first_day == CivilDate{2023, 12, 1});
  CHECK(winter.window.start.value() == Approx(333 * 24.0));
  CHECK(winter.window.end.value() == Approx(424 * 24.0)); // 2024-03-01: 91 days on
  const auto seasons = winter.occurrences(Hours(24.0 * 800));
  REQUIRE(seasons.size() == 2);
  CHECK(seasons[1].start.value() == Approx((333 + 366) * 24.0)); // 2024-12-01, after 29 Feb

  const Disruption &typhoon = net.disruptions[4];
  CHECK(typhoon.target == DisruptionTarget::Link);
  CHECK(typhoon.index == 1);
  CHECK(typhoon.delay.mean() == Approx(24.0));
  CHECK(typhoon.window.start.value() == Approx(211 * 24.0 + 12.0)); // 2023-08-01 12:00
}

TEST_CASE("A corridor without disruptions has none", "[io][disruption]") {
  const Network net = io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml");
  CHECK(net.disruptions.empty());
}
