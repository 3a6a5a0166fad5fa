#pragma once
/// \file io/load.hpp
/// Loading a corridor network from YAML (format: docs/corridor-format.md). Every problem in the
/// file is collected with its `file:line:column`, not only the first.

#include "corsim/error.hpp"
#include "corsim/network.hpp"

#include <string>
#include <vector>

namespace corsim::io {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourcePos pos;
  std::string message;
  [[nodiscard]] std::string text() const; ///< "file:line:column: [warning: ]message"
};

/// Limits on what an input file may contain; each is a clear error when passed.
struct LoadLimits {
  std::size_t max_file_bytes = 16u << 20; ///< 16 MiB
  int max_depth = 32;                     ///< nesting of maps and lists
  std::size_t max_yaml_nodes = 2'000'000; ///< nodes visited, aliases expanded
  std::size_t max_entities = 100'000;     ///< nodes, links, services or demand rows each
};

struct LoadResult {
  Network network;                     ///< complete only when ok()
  std::vector<Diagnostic> diagnostics; ///< errors and warnings, in file order
  [[nodiscard]] bool ok() const;
  /// The errors' texts ("file:line:column: message"), in file order; warnings left out.
  [[nodiscard]] std::vector<std::string> error_texts() const;
};

/// Reads and validates a network file; never throws for problems in the file.
LoadResult try_load_network(const std::string &path, const LoadLimits &limits = {});

/// Like try_load_network, for a text already in memory; `name` stands for the file in
/// messages, and relative paths in the text (bookings files) are relative to its folder.
LoadResult try_load_network_text(const std::string &text, const std::string &name,
                                 const LoadLimits &limits = {});

/// All the errors of a file, reported together.
class LoadErrors : public InputError {
public:
  explicit LoadErrors(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic> &diagnostics() const { return diagnostics_; }

private:
  std::vector<Diagnostic> diagnostics_;
};

/// Like try_load_network but throws LoadErrors when the file has errors.
Network load_network(const std::string &path, const LoadLimits &limits = {});

} // namespace corsim::io
