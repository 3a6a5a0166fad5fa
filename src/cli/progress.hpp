#pragma once
// A progress bar with an estimate of the time left, on stderr, for long runs. It draws only when
// stderr is a terminal and --quiet was not given, so CI logs and pipes stay clean.

#include <chrono>
#include <functional>
#include <iosfwd>
#include <string>

namespace corsim::cli {

/// "[#######.............]  3/10 replications  0:42 left" for `width` characters of bar.
/// No estimate before the first step is done (nothing to extrapolate from).
std::string progress_line(int done, int total, double elapsed_seconds, const std::string &unit,
                          int width = 30);

class ProgressBar {
public:
  /// Draws on `out` when `enabled`; ProgressBar::wanted() is the usual choice for stderr.
  ProgressBar(std::ostream &out, std::string unit, bool enabled);
  /// A bar on std::cerr, enabled when wanted().
  explicit ProgressBar(std::string unit);
  ProgressBar(const ProgressBar &) = delete;
  ProgressBar &operator=(const ProgressBar &) = delete;
  ~ProgressBar(); ///< clears the bar's line if one is drawn
  /// Redraws (at most ten times a second, and always at done == total).
  void update(int done, int total);
  /// A callback for the library's progress hook (e.g. SimulationOptions::progress). The bar
  /// must outlive the run it is handed to.
  std::function<void(int, int)> callback();
  /// stderr is a terminal and the user did not ask for --quiet.
  static bool wanted();

private:
  using Clock = std::chrono::steady_clock;
  std::ostream &out_;
  std::string unit_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now(), last_draw_{};
};

} // namespace corsim::cli
