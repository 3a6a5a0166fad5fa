// Every file under tests/data/bad/ names, in "# expect: LINE:COLUMN: message" lines, the
// errors it must produce: exactly those, at exactly those positions.
#include "corsim/io/load.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

using namespace corsim;

namespace {

std::vector<std::string> expectations(const std::string &path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  const std::string marker = "# expect: ";
  for (std::string line; std::getline(in, line);)
    if (line.rfind(marker, 0) == 0)
      out.push_back(path + ":" + line.substr(marker.size()));
  return out;
}

} // namespace

TEST_CASE("Each bad file is rejected with the expected positions and messages", "[io][bad]") {
  const std::string dir = std::string(CORSIM_SOURCE_DIR) + "/tests/data/bad";
  std::set<std::string> files;
  for (const auto &e : std::filesystem::directory_iterator(dir))
    files.insert(e.path().string());
  REQUIRE(files.size() >= 25);
  for (const auto &file : files) {
    auto expected = expectations(file);
    if (std::filesystem::file_size(file) == 0)
      expected = {file + ":1:1: the file is empty: expected a corridor description"};
    INFO(file);
    REQUIRE_FALSE(expected.empty());
    const auto result = io::try_load_network(file);
    CHECK_FALSE(result.ok());
    CHECK(result.error_texts() == expected);
  }
}

TEST_CASE("Missing and unreadable files are reported without a position", "[io][bad]") {
  SECTION("a file that does not exist") {
    const auto r = io::try_load_network("no/such/corridor.yaml");
    REQUIRE(r.error_texts() ==
            std::vector<std::string>{
                "no/such/corridor.yaml: cannot open file: No such file or directory"});
  }
  SECTION("a directory") {
    const auto r = io::try_load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors");
    REQUIRE(r.error_texts().size() == 1);
    CHECK_THAT(r.error_texts()[0], Catch::EndsWith("corridors: is a directory, not a file"));
  }
  SECTION("a named pipe is refused at once instead of blocking") {
    const auto fifo = std::filesystem::temp_directory_path() /
                      ("corsim-test-fifo-" + std::to_string(::getpid()) + ".yaml");
    std::filesystem::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto r = io::try_load_network(fifo.string());
    std::filesystem::remove(fifo);
    REQUIRE(
        r.error_texts() ==
        std::vector<std::string>{fifo.string() + ": is not a regular file (a pipe or a device?)"});
  }
  SECTION("a file without read permission") {
    if (::geteuid() == 0) {
      WARN("running as root: permissions do not stop reading; skipped");
      return;
    }
    const auto path = std::filesystem::temp_directory_path() /
                      ("corsim-test-unreadable-" + std::to_string(::getpid()) + ".yaml");
    std::ofstream(path) << "corsim: 1\n";
    std::filesystem::permissions(path, std::filesystem::perms::none);
    const auto r = io::try_load_network(path.string());
    std::filesystem::remove(path);
    REQUIRE(r.error_texts() ==
            std::vector<std::string>{path.string() + ": cannot read file: Permission denied"});
  }
  SECTION("load_network throws every error together") {
    const std::string file = std::string(CORSIM_SOURCE_DIR) + "/tests/data/bad/many_errors.yaml";
    try {
      (void)io::load_network(file);
      FAIL("no exception");
    } catch (const io::LoadErrors &e) {
      CHECK(e.diagnostics().size() == 5);
      CHECK_THAT(e.what(), Catch::StartsWith(file + ":12:5: missing required key 'length'"));
    }
  }
}

TEST_CASE("Text a terminal or a JSON writer would choke on is refused at its position",
          "[io][bad]") {
  const auto path = std::filesystem::temp_directory_path() /
                    ("corsim-test-text-" + std::to_string(::getpid()) + ".yaml");
  const std::string nodes = "corsim: 1\nnodes:\n"
                            "  - {id: A, name: Alpha, kind: rail_terminal, country: CN, coords: "
                            "[44.0, 125.0]}\n";
  auto errors_of = [&](const std::string &text) {
    std::ofstream(path, std::ios::binary) << text;
    return io::try_load_network(path.string()).error_texts();
  };
  const std::string file = path.string();
  SECTION("a name that is not UTF-8") {
    CHECK(errors_of(nodes + "  - {id: B, name: \"Bravo\xFF\", kind: rail_terminal, country: CN, "
                            "coords: [44.0, 126.0]}\n") ==
          std::vector<std::string>{file + ":4:19: 'name' is not UTF-8 text (byte 0xFF at "
                                          "offset 5); save the file as UTF-8"});
  }
  SECTION("CR-only line ends, which would turn the file into one comment") {
    CHECK(errors_of("# a corridor\rcorsim: 1\rnodes: []\r") ==
          std::vector<std::string>{file + ":1:1: a carriage return (CR) not followed by a line "
                                          "feed: save the file with LF or CRLF line ends"});
  }
  SECTION("a tail too heavy to be a duration") {
    CHECK(errors_of(nodes +
                    "  - {id: B, name: Bravo, kind: border_crossing, country: CN, coords: "
                    "[44.0, 126.0], customs: {lanes: 1, time: \"weibull(0.05, 1 h)\"}}\n") ==
          std::vector<std::string>{file + ":4:112: 'time': its mean, 2.43e+18 h, is out of range: "
                                          "at most 100000 h; a tail this heavy is not a plausible "
                                          "duration"});
  }
  std::filesystem::remove(path);
}
