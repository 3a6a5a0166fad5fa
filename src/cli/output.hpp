#pragma once
// Console output shared by the subcommands: errors on stderr, loading with diagnostics.

#include "corsim/io/load.hpp"

#include <optional>
#include <string>

namespace corsim::cli {

/// How much the tool says on stderr besides errors: --quiet, the default, --verbose.
enum class Verbosity { Quiet, Normal, Verbose };
void set_verbosity(Verbosity v);
Verbosity verbosity();
/// stderr is a terminal and NO_COLOR is unset: colours and progress bars are welcome.
bool stderr_is_terminal();
/// `text` wrapped in an ANSI colour ("31" red, "33" yellow) when stderr_is_terminal().
std::string coloured(const std::string &text, const char *ansi_code);

/// An error or warning line on stderr (red or yellow on a terminal, plain otherwise).
void print_error(const std::string &text);
/// "note: text" on stderr, unless --quiet.
void print_note(const std::string &text);
/// A line on stderr with --verbose only (timings).
void print_verbose(const std::string &text);
/// Loads a network, printing its warnings and errors to stderr. nullopt when it has errors.
std::optional<Network> load_or_report(const std::string &path);
} // namespace corsim::cli
