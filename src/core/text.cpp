#include "corsim/text.hpp"

#include <cstdint>
#include <cstdio>
#include <utility>

namespace corsim {
namespace {

/// The code point at text[i] and its length in bytes; length 0 for an invalid sequence.
std::pair<std::uint32_t, std::size_t> decode_utf8(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char c = byte(0);
  const std::size_t len = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
  if (len == 0 || i + len > text.size())
    return {c, 0};
  std::uint32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(k) & 0xC0) != 0x80)
      return {c, 0};
    cp = (cp << 6) | (byte(k) & 0x3F);
  }
  static constexpr std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return {c, 0}; // overlong, beyond Unicode, or a surrogate
  return {cp, len};
}

/// Characters that hide or move text in a terminal: controls, and invisible or
/// direction-changing ones (zero-width spaces and joiners, bidi marks, BOM, no-break space).
bool hidden(std::uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xA0 || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF;
}

/// \r, \n, \t; \xNN for another ASCII control or a byte that is not UTF-8; \u{XXXX} for a
/// hidden character.
std::string escape(std::uint32_t cp, bool invalid_byte) {
  if (cp == '\r' || cp == '\n' || cp == '\t')
    return cp == '\r' ? "\\r" : cp == '\n' ? "\\n" : "\\t";
  char buf[16];
  if (invalid_byte || cp < 0x80)
    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp));
  else
    std::snprintf(buf, sizeof buf, "\\u{%X}", static_cast<unsigned>(cp));
  return buf;
}

/// `text` with hidden characters and invalid bytes escaped, cut after `max_chars` code points
/// (0: never); `keep_newlines` leaves line breaks as they are (a message's own lines).
std::string make_printable(std::string_view text, std::size_t max_chars, bool keep_newlines,
                           bool &cut) {
  std::string out;
  std::size_t chars = 0;
  cut = false;
  for (std::size_t i = 0; i < text.size();) {
    if (max_chars > 0 && chars == max_chars) {
      cut = true;
      break;
    }
    const auto [cp, len] = decode_utf8(text, i);
    if (len == 0)
      out += escape(cp, true);
    else if (hidden(cp) && !(keep_newlines && cp == '\n'))
      out += escape(cp, false);
    else
      out.append(text.substr(i, len));
    i += len == 0 ? 1 : len;
    ++chars;
  }
  return out;
}

} // namespace

std::size_t invalid_utf8_at(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, len] = decode_utf8(text, i);
    if (len == 0)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

bool valid_utf8(std::string_view text) { return invalid_utf8_at(text) == std::string_view::npos; }

bool blank(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, len] = decode_utf8(text, i);
    if (len == 0 || (cp != ' ' && !hidden(cp)))
      return false;
    i += len;
  }
  return true;
}

bool padded(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  if (text.empty())
    return false;
  const auto [first, first_len] = decode_utf8(text, 0);
  std::size_t last_at = text.size() - 1; // back to the last character's first byte
  while (last_at > 0 && (static_cast<unsigned char>(text[last_at]) & 0xC0) == 0x80)
    --last_at;
  const auto [last, last_len] = decode_utf8(text, last_at);
  const auto space = [](std::uint32_t cp, std::size_t len) {
    return len > 0 && (cp == ' ' || hidden(cp));
  };
  return space(first, first_len) || space(last, last_len);
}

std::string in_quotes(std::string_view text, std::size_t max_chars) {
  bool cut = false;
  std::string out = "'" + make_printable(text, max_chars, false, cut) + "'";
  if (cut)
    out.insert(out.size() - 1, "...");
  return cut ? out + " (" + std::to_string(text.size()) + " bytes)" : out;
}

std::string printable(std::string_view message) {
  // No message needs more; a longer one holds a value echoed whole (a 15 MB name).
  constexpr std::size_t longest_message = 2000;
  bool cut = false;
  std::string out = make_printable(message, longest_message, true, cut);
  return cut ? out + "... (cut: " + std::to_string(message.size()) + " bytes)" : out;
}

} // namespace corsim
