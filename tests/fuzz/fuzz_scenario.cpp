// Fuzz target: the scenario loader on arbitrary text. try_load_scenario reads files, so each
// input is written to fuzz.yaml in a private folder that also holds the teaching corridor
// (teaching.yaml) and a scenario on it (base.yaml): inputs can name either with `base:` or
// `extends:`. It must return diagnostics for every input: no crash, hang or exception, and a
// scenario exactly when there is no error.
// TODO(lead): with a try_load_scenario_text (as try_load_network_text) this target could skip
// the file and run several times faster.

#include "fuzz.hpp"

#include "corsim/io/scenario.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

void write(const fs::path &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out)
    std::abort();
}

/// The private folder: teaching.yaml and base.yaml beside the input; removed at exit.
struct Folder {
  fs::path dir = fs::temp_directory_path() / ("corsim-fuzz-scenario-" + std::to_string(::getpid()));
  Folder() {
    fs::create_directories(dir);
    fs::copy_file(fs::path(CORSIM_SOURCE_DIR) / "corridors/teaching.yaml", dir / "teaching.yaml",
                  fs::copy_options::overwrite_existing);
    write(dir / "base.yaml", "corsim: 1\nscenario: base\nbase: teaching.yaml\n"
                             "run: {days: 30 d, warmup: 0 d, replications: 1}\n");
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  Folder(const Folder &) = delete;
  Folder &operator=(const Folder &) = delete;
};

bool has_error(const std::vector<corsim::io::Diagnostic> &diagnostics) {
  for (const auto &d : diagnostics) {
    if (d.text().empty())
      std::abort();
    if (d.severity == corsim::io::Severity::Error)
      return true;
  }
  return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const Folder folder;
  const auto input = folder.dir / "fuzz.yaml";
  write(input, std::string(reinterpret_cast<const char *>(data), size));
  const auto result = corsim::io::try_load_scenario(input.string());
  if (result.scenario.has_value() == has_error(result.diagnostics))
    std::abort(); // a scenario exactly when there is no error
  return 0;
}
