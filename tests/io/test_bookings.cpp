// Bookings files: read at load time with their positions, errors at the CSV's line and column.
#include "corsim/io/load.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using Catch::Detail::Approx;
using namespace corsim;

namespace {

const std::string data = std::string(CORSIM_SOURCE_DIR) + "/tests/data/";

/// A two-node corridor whose only flow reads `csv` (a path as written in the file).
io::LoadResult load_with(const std::string &csv) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("corsim-bookings-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << "corsim: 1\n"
                         "epoch: 2023-01-02\n"
                         "nodes:\n"
                         "  - {id: A, name: Alpha, kind: rail_terminal, country: CN, coords: "
                         "[44.0, 125.0]}\n"
                         "  - {id: B, name: Bravo, kind: rail_terminal, country: CN, coords: "
                         "[44.0, 126.0]}\n"
                         "links:\n"
                         "  - {id: A-B, from: A, to: B, mode: road, length: 60 km, speed: 60 "
                         "km/h}\n"
                         "demand:\n"
                         "  - {id: AB, from: A, to: B, volume: 100 TEU/yr, arrivals: bookings, "
                         "bookings: "
                      << csv << "}\n";
  io::LoadResult r = io::try_load_network(path.string());
  std::filesystem::remove(path);
  return r;
}

} // namespace

TEST_CASE("A bookings file is read at load time, sorted by ready time", "[io][bookings]") {
  const io::LoadResult r = load_with(data + "bookings.csv");
  INFO((r.error_texts().empty() ? std::string() : r.error_texts().front()));
  REQUIRE(r.ok());
  const std::vector<Booking> &b = r.network.demand.at(0).bookings;
  REQUIRE(b.size() == 4);
  // 00:00 on the epoch; "12 h"; hours "24"; 2023-01-04 06:30 = 54.5 h.
  CHECK(b[0].ready.value() == 0.0);
  CHECK(b[0].teu.value() == 2.0);
  CHECK(b[0].due.value() == 0.0);
  CHECK(b[1].ready.value() == 12.0);
  CHECK(b[1].teu.value() == 1.0);
  CHECK(b[2].ready.value() == 24.0);
  CHECK(b[2].due.value() == Approx(8 * 24.0)); // 2023-01-10
  CHECK(b[3].ready.value() == Approx(54.5));
  CHECK(b[3].teu.value() == 2.0); // 1 FEU
}

TEST_CASE("Errors in a bookings file point at its line and column", "[io][bookings]") {
  SECTION("bad rows") {
    const std::string f = data + "bookings_bad.csv";
    CHECK(load_with(f).error_texts() ==
          std::vector<std::string>{
              f + ":3:1: cannot read the ready time '2023-13-01' (expected 'YYYY-MM-DD', "
                  "'YYYY-MM-DD HH:MM' or hours from the epoch)",
              f + ":4:12: TEU must be a positive number ('2', '2 TEU', '1 FEU'), not '-1'",
              f + ":5:14: due time '2023-01-02' is not after the ready time",
              f + ":6:1: expected 3 fields, found 2",
              f + ":7:1: ready time '2022-12-31' is before the epoch"});
  }
  SECTION("an unknown column") {
    const std::string f = data + "bookings_bad_header.csv";
    CHECK(load_with(f).error_texts() ==
          std::vector<std::string>{f + ":1:7: unknown column 'TEU' (did you mean 'teu'?) (the "
                                       "columns are ready, teu and optionally due)"});
  }
  SECTION("sizes and times out of range: work and clock bounded before the run") {
    const std::string f = data + "bookings_out_of_range.csv";
    CHECK(load_with(f).error_texts() ==
          std::vector<std::string>{
              f + ":2:12: TEU: '1e15 TEU' is out of range: at most 1000000 TEU ('2', '2 TEU', "
                  "'1 FEU')",
              f + ":3:12: TEU: '1e-300 TEU' is too small: at least 0.01 TEU (or 0 where allowed) "
                  "('2', '2 TEU', '1 FEU')",
              f + ":4:1: cannot read the ready time '1e15': more than 36525 days after the "
                  "epoch (expected 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM' or hours from the epoch)",
              f + ":5:24: cannot read the due time '9e9 h': '9e9 h' is out of range: at most "
                  "100000 h"});
  }
  SECTION("a column named twice") {
    const std::string f = data + "bookings_twice.csv";
    CHECK(load_with(f).error_texts() ==
          std::vector<std::string>{f + ":1:11: column 'ready' appears twice"});
  }
  SECTION("a named pipe is refused at once instead of blocking") {
    const std::string fifo = std::filesystem::temp_directory_path() /
                             ("corsim-bookings-fifo-" + std::to_string(::getpid()));
    std::filesystem::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto e = load_with(fifo).error_texts();
    std::filesystem::remove(fifo);
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0], Catch::EndsWith("': is not a regular file (a pipe or a device?)"));
  }
  SECTION("a missing file is reported at the 'bookings' key") {
    const auto e = load_with("no-such-bookings.csv").error_texts();
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0], Catch::Contains(":9:80: bookings file '") &&
                         Catch::EndsWith(
                             "no-such-bookings.csv': cannot open file: No such file or directory"));
  }
}
