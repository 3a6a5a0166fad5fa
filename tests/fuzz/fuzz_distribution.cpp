// Fuzz target: what an accepted distribution produces, as the engine sees it. Any text the
// parser accepts as a duration is sampled and each sample scheduled as a delay: the samples
// are never negative or NaN, their mean is within the duration's range (the parser's limit on
// produced values), and the engine never throws (a huge sample is an event that never comes,
// not a time in the past).

#include "fuzz.hpp"

#include "corsim/engine.hpp"
#include "corsim/parse.hpp"
#include "corsim/random.hpp"

#include <cmath>
#include <cstdlib>
#include <string_view>

namespace {

void check(bool condition) {
  if (!condition)
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > 512)
    return 0; // a value in a corridor file is short
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const auto parsed = corsim::parse_distribution(text, corsim::Dimension::Duration);
  const auto *spec = std::get_if<corsim::DistributionSpec>(&parsed);
  if (!spec)
    return 0;
  check(spec->mean() <= 100'000.0); // the largest plausible duration, in hours
  corsim::RandomStream r(size);
  corsim::Engine eng;
  int fired = 0;
  eng.schedule_in(corsim::to_ticks(1000.0), [&] { // start later than 0: sums can overflow
    for (int i = 0; i < 64; ++i) {
      const double x = corsim::sample(*spec, r);
      check(!std::isnan(x) && x >= 0.0);
      eng.schedule_in(corsim::to_ticks(x), [&] { ++fired; });
    }
  });
  eng.run_until(corsim::to_ticks(876'600.0)); // the longest run: 36525 days
  check(fired <= 64);
  return 0;
}
