// Fuzz target: the corridor network loader on arbitrary text. It must return diagnostics for
// every input: no crash, no hang, no exception (try_load_network_text never throws for problems
// in the file), and a result that is either ok or has at least one error.

#include "fuzz.hpp"

#include "corsim/io/load.hpp"

#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  const auto result = corsim::io::try_load_network_text(text, "fuzz.yaml");
  const bool has_error = !result.error_texts().empty();
  if (result.ok() == has_error)
    std::abort(); // ok() and the errors disagree
  for (const auto &diagnostic : result.diagnostics) {
    if (diagnostic.text().empty())
      std::abort();
  }
  return 0;
}
