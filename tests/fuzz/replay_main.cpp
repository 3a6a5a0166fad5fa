// Replays fuzz inputs through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer.
// Usage: replay_<target> FILE|DIR...   (directories: every file in them, sorted; names starting
// with '.' are skipped; a directory that does not exist counts as empty). A crash or an escaped
// exception fails the test, and the input being run is named on stderr first.

#include "fuzz.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_in(const fs::path &arg) {
  std::vector<fs::path> files;
  if (fs::is_directory(arg)) {
    for (const auto &entry : fs::directory_iterator(arg)) {
      const auto name = entry.path().filename().string();
      if (entry.is_regular_file() && !name.starts_with("."))
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
  } else if (fs::exists(arg)) {
    files.push_back(arg);
  }
  return files;
}

bool replay(const fs::path &file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
    return false;
  }
  const std::string bytes{std::istreambuf_iterator<char>(in), {}};
  std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
  return true;
}

} // namespace

int main(int argc, char **argv) {
  std::size_t count = 0;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    for (const auto &file : inputs_in(argv[i])) {
      ok = replay(file) && ok;
      ++count;
    }
  }
  std::fprintf(stderr, "replay: %zu inputs\n", count);
  if (count == 0) {
    std::fprintf(stderr, "replay: no inputs found\n");
    return 1;
  }
  return ok ? 0 : 1;
}
