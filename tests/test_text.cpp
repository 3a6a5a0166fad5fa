// User text in messages and names (corsim/text.hpp), and the number texts of parse.hpp that
// messages and seeds use.
#include "corsim/parse.hpp"
#include "corsim/text.hpp"

#include <catch2/catch.hpp>

using namespace corsim;

TEST_CASE("in_quotes escapes what hides text in a terminal and cuts long values", "[core][text]") {
  CHECK(in_quotes("Changchun") == "'Changchun'");
  CHECK(in_quotes("长满欧") == "'长满欧'"); // printable UTF-8 stays as it is
  CHECK(in_quotes("a\rb\tc\nd") == "'a\\rb\\tc\\nd'");
  CHECK(in_quotes("\xEF\xBB\xBFid") == "'\\u{FEFF}id'"); // BOM
  CHECK(in_quotes("x\xE2\x80\x8By") == "'x\\u{200B}y'"); // zero-width space
  CHECK(in_quotes("x\xC2\xA0y") == "'x\\u{A0}y'");       // no-break space
  CHECK(in_quotes("\xE2\x80\xAE"
                  "evil") == "'\\u{202E}evil'"); // right-to-left override
  CHECK(in_quotes("bad\xFF") == "'bad\\xFF'");   // not UTF-8
  CHECK(in_quotes("\x1B[2J") == "'\\x1B[2J'");   // an escape sequence
  const std::string huge(15'000'000, 'a');
  CHECK(in_quotes(huge) == "'" + std::string(80, 'a') + "...' (15000000 bytes)");
  CHECK(in_quotes("abcdef", 3) == "'abc...' (6 bytes)");
}

TEST_CASE("printable keeps a message's lines and cuts one that echoes a huge value",
          "[core][text]") {
  CHECK(printable("line one\nline\rtwo") == "line one\nline\\rtwo");
  const std::string huge = "unknown node '" + std::string(10'000, 'x') + "'";
  const std::string p = printable(huge);
  CHECK(p.size() < 2100);
  CHECK(p.find("(cut: 10015 bytes)") != std::string::npos);
}

TEST_CASE("UTF-8 is checked strictly", "[core][text]") {
  CHECK(valid_utf8("plain ascii"));
  CHECK(valid_utf8("珲春 Hunchun"));
  CHECK(valid_utf8("\xF0\x9F\x9A\x82")); // a four-byte character
  CHECK(!valid_utf8("\xFF"));
  CHECK(!valid_utf8("\xC0\xAF"));         // overlong '/'
  CHECK(!valid_utf8("\xED\xA0\x80"));     // a surrogate
  CHECK(!valid_utf8("\xF4\x90\x80\x80")); // beyond U+10FFFF
  CHECK(!valid_utf8("\xE7\x8F"));         // cut short
  CHECK(invalid_utf8_at("ab\xFF") == 2);
}

TEST_CASE("Blank and padded names", "[core][text]") {
  CHECK(blank(""));
  CHECK(blank("  \t"));
  CHECK(blank("\xE2\x80\x8B\xC2\xA0")); // zero-width and no-break spaces only
  CHECK(!blank(" a "));
  CHECK(padded(" A"));
  CHECK(padded("A "));
  CHECK(padded("A\xE2\x80\x8B"));
  CHECK(!padded("A B"));
  CHECK(!padded("a description\n")); // a block scalar's line break is not padding
  CHECK(!padded("珲春"));
}

TEST_CASE("Lengths in messages and seeds", "[core][text]") {
  CHECK(length_text(0.001) == "1 m");
  CHECK(length_text(0.25) == "250 m");
  CHECK(length_text(12.5) == "12.5 km");
  CHECK(length_text(9288.0) == "9288 km");
  CHECK(parse_seed("0") == 0u);
  CHECK(parse_seed("9007199254740992") == 9007199254740992ull);
  for (const char *bad :
       {"", "9007199254740993", "18446744073709551616", "-1", "0x10", "1e3", " 1", "1 "})
    CHECK(!parse_seed(bad));
}
