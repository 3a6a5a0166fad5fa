#include "corsim/suggest.hpp"

#include <algorithm>
#include <cstdint>

namespace corsim {
namespace {

/// Splits UTF-8 into code points (invalid bytes count as one each), ASCII lower-cased.
std::vector<std::uint32_t> code_points(std::string_view s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 1;
    if (i + len > s.size())
      len = 1;
    std::uint32_t cp = c;
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 8) | static_cast<unsigned char>(s[i + k]);
    if (cp >= 'A' && cp <= 'Z')
      cp += 'a' - 'A';
    out.push_back(cp);
    i += len;
  }
  return out;
}

/// Names longer than this (in code points) are not compared: no one mistypes them.
constexpr std::size_t max_compared = 200;

/// Levenshtein distance between two code point sequences.
std::size_t distance(const std::vector<std::uint32_t> &x, const std::vector<std::uint32_t> &y) {
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return distance(code_points(a), code_points(b));
}

std::vector<std::string> closest_names(std::string_view name, const std::vector<std::string> &known,
                                       std::size_t max_count) {
  // Plausible: within a third of the longer name's length (at least 2 edits), or a name that
  // begins with what was typed ("Changchun" for "Changchun Xinglong railway port").
  std::vector<std::pair<std::size_t, std::size_t>> scored; // (distance, position)
  const auto typed = code_points(name);
  const std::size_t own = typed.size();
  for (std::size_t i = 0; i < known.size(); ++i) {
    const auto candidate = code_points(known[i]);
    if (own >= 3 && candidate.size() > own &&
        std::equal(typed.begin(), typed.end(), candidate.begin())) {
      scored.emplace_back(0, i);
      continue;
    }
    const std::size_t limit = std::max<std::size_t>(2, std::max(own, known[i].size()) / 3);
    // The distance is at least the difference in length; names past the cap are not typos of
    // each other. Skipping both keeps every search linear in the number of names known.
    const std::size_t longer = std::max(own, candidate.size());
    if (longer > max_compared || longer - std::min(own, candidate.size()) > limit)
      continue;
    const std::size_t d = distance(typed, candidate);
    if (d <= limit)
      scored.emplace_back(d, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](auto &l, auto &r) { return l.first < r.first; });
  std::vector<std::string> out;
  for (auto [d, i] : scored) {
    if (out.size() == max_count)
      break;
    if (std::find(out.begin(), out.end(), known[i]) == out.end())
      out.push_back(known[i]);
  }
  return out;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string> &known) {
  const auto close = closest_names(name, known);
  if (close.empty())
    return "";
  std::string text = " (did you mean ";
  for (std::size_t i = 0; i < close.size(); ++i)
    text += (i ? ", '" : "'") + close[i] + "'";
  return text + "?)";
}

} // namespace corsim
