#include "run_corsim.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace corsim::test {

std::string slurp(const std::string &path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string temp_path(const std::string &name) {
  return (std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid())))
      .string();
}

CliRun run_corsim(const std::string &args) {
  const std::string out = temp_path("corsim-cli-out"), err = temp_path("corsim-cli-err");
  const std::string cmd = std::string("cd '") + CORSIM_SOURCE_DIR + "' && '" + CORSIM_BINARY_DIR +
                          "/corsim' " + args + " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(cmd.c_str());
  CliRun run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return run;
}

} // namespace corsim::test
