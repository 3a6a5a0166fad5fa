#include "output.hpp"

#include "corsim/io/scenario.hpp"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace corsim::cli {

namespace {
Verbosity current_verbosity = Verbosity::Normal; // set once by main() after parsing
} // namespace

void set_verbosity(Verbosity v) { current_verbosity = v; }
Verbosity verbosity() { return current_verbosity; }

bool stderr_is_terminal() {
  // https://no-color.org: any non-empty NO_COLOR turns colours off.
  const char *no_color = std::getenv("NO_COLOR");
  return ::isatty(STDERR_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

std::string coloured(const std::string &text, const char *ansi_code) {
  if (!stderr_is_terminal())
    return text;
  return std::string("\033[") + ansi_code + "m" + text + "\033[0m";
}

void print_error(const std::string &text) {
  // Only the colour differs on a terminal: pipes and logs get the plain line.
  const bool warning = text.find(": warning: ") != std::string::npos;
  std::cerr << coloured(text, warning ? "33" : "31") << '\n';
}

void print_note(const std::string &text) {
  if (current_verbosity != Verbosity::Quiet)
    std::cerr << "note: " << text << '\n';
}

void print_verbose(const std::string &text) {
  if (current_verbosity == Verbosity::Verbose)
    std::cerr << text << '\n';
}

// Scenario files are accepted wherever a network is read: the network is the changed one.
std::optional<Network> load_or_report(const std::string &path) {
  io::ScenarioLoad r = io::try_load_scenario(path);
  for (const auto &d : r.diagnostics)
    print_error(d.text());
  if (!r.scenario)
    return std::nullopt;
  return std::move(r.scenario->network);
}

} // namespace corsim::cli
