#pragma once
/// \file text.hpp
/// User text in messages and names: what may be shown in a terminal, and what a name may be.

#include <string>
#include <string_view>

namespace corsim {

/// User text for a message, in single quotes: control and invisible characters (CR, tab,
/// zero-width and no-break spaces, BOM, bidi marks) and invalid UTF-8 bytes escaped as
/// \r, \u{200B}, \xFF, and cut after `max_chars` code points ("'abc...' (123456 bytes)").
std::string in_quotes(std::string_view text, std::size_t max_chars = 80);
/// `message` with the same characters escaped (line breaks kept) and cut after 2000 code
/// points: the last line of defence, applied to every diagnostic, so that nothing a user
/// wrote can hide a file:line:column or flood a terminal.
std::string printable(std::string_view message);
/// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or stray bytes).
bool valid_utf8(std::string_view text);
/// The offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text);
/// Whether `text` has no visible character (only spaces, tabs, line breaks and invisible
/// characters such as zero-width or no-break spaces); true for "".
bool blank(std::string_view text);
/// Whether `text` begins or ends (line breaks at its end aside) with a space, a tab or an
/// invisible character: an id or a name that looks like another but is not.
bool padded(std::string_view text);

} // namespace corsim
