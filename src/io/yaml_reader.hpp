#pragma once
// Reading YAML with positions: a diagnostics sink and a map reader that knows its keys,
// converts units once and reports problems at the right line and column.

#include "corsim/io/load.hpp"
#include "corsim/parse.hpp"

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace corsim::io {

/// Collects diagnostics for one file.
class Diagnostics {
public:
  /// Errors kept per file: past them, errors are only counted (and take() says how many),
  /// so that a file with thousands of mistakes costs no more than one with a hundred.
  static constexpr std::size_t max_errors = 100;
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}
  [[nodiscard]] SourcePos pos(const YAML::Node &node, std::size_t offset = 0) const;
  [[nodiscard]] SourcePos pos(const YAML::Mark &mark) const;
  void error(const SourcePos &pos, std::string message);
  void error(const YAML::Node &at, std::string message) {
    if (full())
      ++dropped_; // not even its position is looked up
    else
      error(pos(at), std::move(message));
  }
  /// Whether further errors are only counted.
  [[nodiscard]] bool full() const { return errors_ >= max_errors; }
  /// Whether an error now may search for "did you mean" among many names: for a file's first
  /// 20 errors, so that a file of thousands of bad references costs no more than 20 searches.
  [[nodiscard]] bool wants_suggestions() const { return errors_ < max_suggested; }
  static constexpr std::size_t max_suggested = 20;
  void warning(const SourcePos &pos, std::string message);
  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] const std::string &file() const { return file_; }
  std::vector<Diagnostic> take();
  /// Problems found at `node` are reported at `at`: for nodes a scenario put into a corridor
  /// (the scenario's line, not the corridor's).
  void attribute(const YAML::Node &node, SourcePos at);
  /// Every node of `tree` is reported at its own line and column in `file`.
  void attribute_tree(const YAML::Node &tree, const std::string &file);

private:
  std::string file_;
  std::vector<Diagnostic> list_;
  std::size_t errors_ = 0, dropped_ = 0;
  std::vector<std::pair<YAML::Node, SourcePos>> elsewhere_; ///< searched on errors only
};

/// Column offset of a scalar's first character of content (skips an opening quote).
std::size_t content_offset(const YAML::Node &scalar);

enum class Sign { Any, NonNegative, Positive };

/// Reads one YAML map: reports unknown keys (with suggestions) and missing required keys.
class MapReader {
public:
  MapReader(Diagnostics &diag, const YAML::Node &map, std::string what,
            std::initializer_list<const char *> known_keys);
  MapReader(Diagnostics &diag, const YAML::Node &map, std::string what,
            const std::vector<std::string> &known_keys);
  [[nodiscard]] bool valid() const { return valid_; }
  [[nodiscard]] bool has(const char *key) const;
  [[nodiscard]] YAML::Node node(const char *key) const;
  [[nodiscard]] const YAML::Node &map() const { return map_; }
  [[nodiscard]] const std::string &what() const { return what_; }

  std::optional<std::string> text(const char *key, bool required);
  std::optional<double> quantity(const char *key, Dimension d, Sign sign, bool required);
  std::optional<DistributionSpec> distribution(const char *key, Dimension d, bool required);
  std::optional<int> integer(const char *key, int min, int max, bool required);
  std::optional<bool> boolean(const char *key);
  /// One of `choices` (reported with suggestions when unknown); index into choices.
  std::optional<std::size_t> choice(const char *key, const std::vector<std::string> &choices,
                                    bool required);
  void missing(const char *key);

private:
  Diagnostics &diag_;
  YAML::Node map_;
  std::string what_;
  bool valid_ = true;
};

/// A scalar node's text; reports a type error when it is a list or map.
std::optional<std::string> scalar_text(Diagnostics &diag, const YAML::Node &node,
                                       const std::string &what);
/// Parses a quantity from a scalar node; errors point into the scalar.
std::optional<double> scalar_quantity(Diagnostics &diag, const YAML::Node &node, Dimension d,
                                      Sign sign, const std::string &what);
std::optional<std::size_t> scalar_choice(Diagnostics &diag, const YAML::Node &node,
                                         const std::vector<std::string> &choices,
                                         const std::string &what);

} // namespace corsim::io
