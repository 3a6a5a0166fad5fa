// Scaling the numbers of a YAML value's text: what `scale` does to "529 km" or
// "triangular(1 h, 2 h, 4 h)".
#include "scenario_changes.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace corsim::io {

std::optional<std::string> scale_text(const std::string &text, double factor) {
  std::string out;
  bool scaled = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool starts_number =
        (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.') &&
        (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])));
    if (!starts_number) {
      out += text[i++];
      continue;
    }
    char *end = nullptr;
    const double x = std::strtod(text.c_str() + i, &end);
    const auto len = static_cast<std::size_t>(end - (text.c_str() + i));
    if (len == 0) {
      out += text[i++];
      continue;
    }
    std::size_t after = i + len;
    while (after < text.size() && text[after] == ' ')
      ++after;
    const bool whole = i == 0 && after == text.size();
    const bool unit =
        after < text.size() && (std::isalpha(static_cast<unsigned char>(text[after])) ||
                                text[after] == '%' || text[after] == '/');
    if (whole || unit) {
      char buf[64];
      const auto r = std::to_chars(buf, buf + sizeof buf, x * factor);
      out.append(buf, r.ptr);
      scaled = true;
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  if (!scaled)
    return std::nullopt;
  return out;
}

} // namespace corsim::io
