// Fuzz target: the quantity and distribution parsers (corsim/parse.hpp) on arbitrary text, in
// every dimension. Checks what parse.hpp promises: no NaN or infinity accepted, failures point
// inside the text, and an accepted distribution has finite parameters and ordered bounds.

#include "fuzz.hpp"

#include "corsim/parse.hpp"

#include <cmath>
#include <cstdlib>
#include <string_view>

namespace {

constexpr corsim::Dimension dimensions[] = {
    corsim::Dimension::Length,    corsim::Dimension::TrainLength, corsim::Dimension::Duration,
    corsim::Dimension::Speed,     corsim::Dimension::Volume,      corsim::Dimension::VolumeRate,
    corsim::Dimension::Rate,      corsim::Dimension::Money,       corsim::Dimension::MoneyPerTime,
    corsim::Dimension::Co2Factor, corsim::Dimension::Mass,        corsim::Dimension::Share,
    corsim::Dimension::Count};

void check(bool condition) {
  if (!condition)
    std::abort();
}

void check_failure(const corsim::ParseFailure &failure, std::string_view text) {
  check(!failure.message.empty());
  check(failure.offset <= text.size());
}

void fuzz_quantity(std::string_view text, corsim::Dimension d) {
  const auto parsed = corsim::parse_quantity(text, d);
  if (const auto *value = std::get_if<double>(&parsed))
    check(std::isfinite(*value));
  else
    check_failure(std::get<corsim::ParseFailure>(parsed), text);
}

void fuzz_distribution(std::string_view text, corsim::Dimension d) {
  const auto parsed = corsim::parse_distribution(text, d);
  if (const auto *spec = std::get_if<corsim::DistributionSpec>(&parsed)) {
    for (const double p : spec->params)
      check(std::isfinite(p));
    if (spec->min && spec->max)
      check(*spec->min <= *spec->max);
    check(spec->lower_bound() <= spec->upper_bound());
    static_cast<void>(spec->mean());
  } else {
    check_failure(std::get<corsim::ParseFailure>(parsed), text);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > 4096)
    return 0; // values in a corridor file are short; longer inputs only slow the search
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  for (const auto d : dimensions) {
    fuzz_quantity(text, d);
    fuzz_distribution(text, d);
  }
  return 0;
}
