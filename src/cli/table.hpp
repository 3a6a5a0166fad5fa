#pragma once
// Aligned text tables for the terminal. Widths count display columns, so Chinese names
// (two columns per character) line up too.

#include <string>
#include <vector>

namespace corsim::cli {

class Table {
public:
  enum class Align { Left, Right };
  struct Column {
    std::string header;
    Align align = Align::Left;
  };
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void add_row(std::vector<std::string> cells);
  /// A rule line followed by a row, for totals.
  void add_total(std::vector<std::string> cells);
  [[nodiscard]] std::string render() const;

private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<bool> rule_before_;
};

/// Display width of UTF-8 text: East Asian wide characters count two columns.
std::size_t display_width(const std::string &text);
/// Fixed-point number with `decimals` digits and thousands separators ("14,184").
std::string number(double value, int decimals = 0);

} // namespace corsim::cli
