// Inputs made to hurt: huge files, deep nesting, many entities. Each gets a clear error,
// quickly and in bounded memory.
#include "corsim/io/load.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace corsim;

namespace {

/// A file in a fresh temporary directory, removed with the object.
class TempFile {
public:
  TempFile(const std::string &name, const std::string &text) {
    dir_ = std::filesystem::temp_directory_path() /
           ("corsim-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() { std::filesystem::remove_all(dir_); }
  [[nodiscard]] const std::string &path() const { return path_; }

private:
  std::filesystem::path dir_;
  std::string path_;
};

std::string first_error(const io::LoadResult &r) {
  REQUIRE_FALSE(r.ok());
  return r.diagnostics.front().text();
}

std::string node_line(int i) {
  return "  - {id: N" + std::to_string(i) + ", name: Node " + std::to_string(i) +
         ", kind: hub, country: CN, coords: [40.0, 120.0]}\n";
}

} // namespace

TEST_CASE("A file over the size limit is refused before it is parsed", "[io][limits]") {
  const TempFile big("big.yaml", "corsim: 1\n# " + std::string(17u << 20, 'x') + "\n");
  CHECK_THAT(first_error(io::try_load_network(big.path())),
             Catch::Contains("file too large: 17825805 bytes, the limit is 16777216"));
}

TEST_CASE("Nesting deeper than the limit is an error, however deep", "[io][limits]") {
  SECTION("just past corsim's own limit") {
    const TempFile f("deep.yaml",
                     "corsim: 1\nnodes: " + std::string(40, '[') + std::string(40, ']') + "\n");
    CHECK_THAT(first_error(io::try_load_network(f.path())),
               Catch::Contains("nesting deeper than 32 levels"));
  }
  SECTION("far past the YAML parser's recursion guard") {
    const TempFile f("deeper.yaml", "corsim: 1\nnodes: " + std::string(100000, '[') + "\n");
    CHECK_THAT(first_error(io::try_load_network(f.path())),
               Catch::Contains("nesting deeper than 32 levels"));
  }
}

TEST_CASE("Entity counts and alias expansion have limits", "[io][limits]") {
  std::string text = "corsim: 1\nnodes:\n";
  for (int i = 0; i < 5; ++i)
    text += node_line(i);
  const TempFile f("many.yaml", text);
  SECTION("the default limits accept five nodes") { CHECK(io::try_load_network(f.path()).ok()); }
  SECTION("a limit of three nodes refuses five") {
    io::LoadLimits limits;
    limits.max_entities = 3;
    CHECK_THAT(first_error(io::try_load_network(f.path(), limits)),
               Catch::Contains("too many entries in 'nodes': 5, the limit is 3"));
  }
  SECTION("a small alias expansion limit stops the walk early") {
    io::LoadLimits limits;
    limits.max_yaml_nodes = 20;
    CHECK_THAT(first_error(io::try_load_network(f.path(), limits)),
               Catch::Contains("expands to more than 20 values"));
  }
}

TEST_CASE("Ten thousand nodes load in bounded time", "[io][limits]") {
  std::string text = "corsim: 1\nnodes:\n";
  for (int i = 0; i < 10000; ++i)
    text += node_line(i);
  const TempFile f("large.yaml", text);
  const auto r = io::try_load_network(f.path());
  CHECK(r.ok());
  CHECK(r.network.nodes.size() == 10000);
}
