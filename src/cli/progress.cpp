#include "progress.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>

namespace corsim::cli {

std::string progress_line(int done, int total, double elapsed_seconds, const std::string &unit,
                          int width) {
  total = std::max(total, 1);
  done = std::clamp(done, 0, total);
  const int filled = done * width / total;
  std::string line = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(width - filled), '.') + "]";
  line += fmt::format(" {}/{} {}", done, total, unit);
  if (done > 0 && done < total) {
    const long left = std::lround(elapsed_seconds * (total - done) / done);
    line += fmt::format("  {}:{:02} left", left / 60, left % 60);
  }
  return line;
}

ProgressBar::ProgressBar(std::ostream &out, std::string unit, bool enabled)
    : out_(out), unit_(std::move(unit)), enabled_(enabled) {}

ProgressBar::ProgressBar(std::string unit) : ProgressBar(std::cerr, std::move(unit), wanted()) {}

ProgressBar::~ProgressBar() {
  if (drawn_) // leave the terminal as it was: the bar's line blanked, cursor at its start
    out_ << "\r\033[K" << std::flush;
}

void ProgressBar::update(int done, int total) {
  if (!enabled_)
    return;
  const Clock::time_point now = Clock::now();
  if (done < total && drawn_ && now - last_draw_ < std::chrono::milliseconds(100))
    return; // redrawing faster than the eye reads only slows the run
  last_draw_ = now;
  drawn_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  out_ << '\r' << progress_line(done, total, elapsed, unit_) << "\033[K" << std::flush;
}

std::function<void(int, int)> ProgressBar::callback() {
  return [this](int done, int total) { update(done, total); };
}

bool ProgressBar::wanted() { return verbosity() != Verbosity::Quiet && stderr_is_terminal(); }

} // namespace corsim::cli
