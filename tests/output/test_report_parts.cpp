// The report's building blocks (SVG helpers) and the terminal progress bar.
#include "output.hpp"
#include "progress.hpp"
#include "svg.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace svg = corsim::io::svg;

TEST_CASE("SVG text is escaped for content and attributes", "[output][svg]") {
  CHECK(svg::escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
  CHECK(svg::escape("满洲里") == "满洲里");
  CHECK(svg::num(NAN) == "0.0"); // never "nan" in a coordinate
  CHECK(svg::num(12.345) == "12.3");
}

TEST_CASE("chart scales and ticks", "[output][svg]") {
  const svg::Scale s{0, 10, 100, 200};
  CHECK(s(5) == Catch::Detail::Approx(150));
  CHECK(svg::Scale{3, 3, 0, 100}(3) == Catch::Detail::Approx(50)); // flat data: the middle
  CHECK(svg::ticks(0, 10) == std::vector<double>{0, 2, 4, 6, 8, 10});
  CHECK(svg::ticks(0, 0.07, 4) == std::vector<double>{0, 0.02, 0.04, 0.06});
  CHECK(svg::tick_label(12500) == "12,500");
  CHECK(svg::tick_label(0.25) == "0.25");
  CHECK(svg::tick_label(2.0) == "2");
}

TEST_CASE("utilisation colours run from green to red, grey without a value", "[output][svg]") {
  CHECK(svg::utilisation_colour(0.0) == "hsl(130,75%,42%)");
  CHECK(svg::utilisation_colour(1.0) == "hsl(0,75%,42%)");
  CHECK(svg::utilisation_colour(2.0) == "hsl(0,75%,42%)");
  CHECK(svg::utilisation_colour(NAN) == "#9e9e9e");
}

TEST_CASE("the progress line shows the bar, the count and the time left", "[output][progress]") {
  CHECK(corsim::cli::progress_line(0, 4, 0.0, "replications", 8) == "[........] 0/4 replications");
  CHECK(corsim::cli::progress_line(1, 4, 10.0, "replications", 8) ==
        "[##......] 1/4 replications  0:30 left");
  CHECK(corsim::cli::progress_line(2, 4, 100.0, "runs", 8) == "[####....] 2/4 runs  1:40 left");
  CHECK(corsim::cli::progress_line(4, 4, 10.0, "runs", 8) == "[########] 4/4 runs");
}

TEST_CASE("the progress bar draws only when enabled", "[output][progress]") {
  std::ostringstream off, on;
  {
    corsim::cli::ProgressBar quiet(off, "runs", false);
    quiet.callback()(1, 2);
    quiet.update(2, 2);
    corsim::cli::ProgressBar bar(on, "runs", true);
    bar.callback()(1, 2);
    bar.update(2, 2);
  }
  CHECK(off.str().empty());
  CHECK(on.str().find("1/2 runs") != std::string::npos);
  CHECK(on.str().find("2/2 runs") != std::string::npos);
  CHECK(on.str().substr(on.str().size() - 4) == "\r\033[K"); // the line cleared at the end
}

TEST_CASE("the quiet level turns the progress bar off", "[output][progress]") {
  using corsim::cli::Verbosity;
  corsim::cli::set_verbosity(Verbosity::Quiet);
  CHECK_FALSE(corsim::cli::ProgressBar::wanted());
  corsim::cli::set_verbosity(Verbosity::Normal);
  CHECK(corsim::cli::verbosity() == Verbosity::Normal);
}
