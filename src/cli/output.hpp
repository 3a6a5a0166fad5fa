#pragma once
// Console output shared by the subcommands: errors on stderr, loading with diagnostics.

#include "corsim/io/load.hpp"

#include <optional>
#include <string>

namespace corsim::cli {

void print_error(const std::string &text);
/// Loads a network, printing its warnings and errors to stderr. nullopt when it has errors.
std::optional<Network> load_or_report(const std::string &path);
/// Writes `text` to `path` atomically (temporary file, then rename). Throws InputError.
void write_file_atomically(const std::string &path, const std::string &text);

} // namespace corsim::cli
