#pragma once
/// \file units.hpp
/// Strong types for the quantities corsim works with. Every unit is stated here, once:
///
/// | type          | stored unit                 | written in YAML as               |
/// |---------------|-----------------------------|----------------------------------|
/// | Km            | kilometres                  | `529 km`, `9.8 km`, `975 nm`, `800 m` |
/// | Hours         | hours                       | `6 h`, `45 min`, `2.5 d`, `1 wk`, `30 s` |
/// | KmPerHour     | kilometres per hour         | `60 km/h`, `12 kn`, `900 km/d`   |
/// | Teu           | twenty-foot equivalent units| `100 TEU`, `55 FEU` (= 110 TEU)  |
/// | TeuPerYear    | TEU per year                | `14184 TEU/yr`, `300 TEU/wk`     |
/// | PerHour       | events (moves, trucks, paths) per hour | `25 /h`, `750 /d`     |
/// | Usd           | US dollars                  | `1200 USD`                       |
/// | GramsPerTkm   | grams CO2e per tonne-km     | `22 g/tkm`, `0.1 kg/tkm`         |
/// | Tonnes        | tonnes                      | `10 t`, `2500 kg`                |
/// | Metres        | metres (train length)       | `1050 m`, `0.85 km`              |
///
/// Values are unwrapped with `.value()` only at the boundary with Boost.Graph, Eigen or output.

#include <compare>

namespace corsim {

/// A double tagged with its unit. Adds and compares only with itself; scales by plain numbers.
template <class Tag> class Quantity {
public:
  constexpr Quantity() = default;
  constexpr explicit Quantity(double value) : value_(value) {}
  [[nodiscard]] constexpr double value() const { return value_; }

  constexpr Quantity &operator+=(Quantity o) {
    value_ += o.value_;
    return *this;
  }
  constexpr Quantity &operator-=(Quantity o) {
    value_ -= o.value_;
    return *this;
  }
  friend constexpr Quantity operator+(Quantity a, Quantity b) {
    return Quantity(a.value_ + b.value_);
  }
  friend constexpr Quantity operator-(Quantity a, Quantity b) {
    return Quantity(a.value_ - b.value_);
  }
  friend constexpr Quantity operator*(Quantity a, double k) { return Quantity(a.value_ * k); }
  friend constexpr Quantity operator*(double k, Quantity a) { return Quantity(a.value_ * k); }
  friend constexpr Quantity operator/(Quantity a, double k) { return Quantity(a.value_ / k); }
  friend constexpr double operator/(Quantity a, Quantity b) { return a.value_ / b.value_; }
  friend constexpr auto operator<=>(Quantity, Quantity) = default;

private:
  double value_ = 0.0;
};

using Km = Quantity<struct KmTag>;                   ///< length, kilometres
using Metres = Quantity<struct MetresTag>;           ///< short length (trains), metres
using Hours = Quantity<struct HoursTag>;             ///< duration, hours
using KmPerHour = Quantity<struct KmPerHourTag>;     ///< speed, km/h
using Teu = Quantity<struct TeuTag>;                 ///< volume, twenty-foot equivalent units
using TeuPerYear = Quantity<struct TeuPerYearTag>;   ///< demand volume, TEU per year
using PerHour = Quantity<struct PerHourTag>;         ///< a rate of moves, trucks or paths per hour
using Usd = Quantity<struct UsdTag>;                 ///< money, US dollars
using GramsPerTkm = Quantity<struct GramsPerTkmTag>; ///< CO2e emission factor, g per tonne-km
using Tonnes = Quantity<struct TonnesTag>;           ///< mass, tonnes

inline constexpr double hours_per_day = 24.0;
inline constexpr double hours_per_week = 7.0 * 24.0;
inline constexpr double hours_per_year = 365.0 * 24.0;
inline constexpr double km_per_nautical_mile = 1.852;

/// Time to cover `distance` at `speed`.
constexpr Hours running_time(Km distance, KmPerHour speed) {
  return Hours(distance.value() / speed.value());
}
constexpr Hours days(double d) { return Hours(d * hours_per_day); }
constexpr double in_days(Hours h) { return h.value() / hours_per_day; }
constexpr double per_day(PerHour r) { return r.value() * hours_per_day; }

} // namespace corsim
