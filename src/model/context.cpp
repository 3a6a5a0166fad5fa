#include "context.hpp"

#include "corsim/checksum.hpp"

namespace corsim::model::detail {

// FNV-1a over "purpose/id": a stable 64-bit stream number.
std::uint64_t stream_key(const char *purpose, const std::string &id) {
  return fnv1a(id, fnv1a("/", fnv1a(purpose)));
}

Context::Context(const ModelInputs &inputs, int replication)
    : in(inputs), net(*inputs.net), rep(replication), warmup_end(to_ticks(in.options->warmup)),
      end(to_ticks(in.options->warmup + in.options->horizon)) {}

RandomStream Context::stream(const char *purpose, const std::string &id) const {
  return RandomStream(in.options->seed, static_cast<std::uint64_t>(rep), stream_key(purpose, id));
}

double Context::capacity_now(ServiceIndex s) const {
  const double f = in.service_cut[s].factor_at(eng.now());
  return in.capacity[s].value() * (f > 0.0 ? f : 1.0);
}

void Context::trace(TraceEvent::Kind k, std::uint64_t cons, std::uint64_t trip, ServiceIndex s,
                    NodeIndex n, double teu) const {
  if (!in.options->trace)
    return;
  in.options->trace(TraceEvent{rep, eng.time(), k, cons, trip, s, n, teu});
}

void Context::note_once(const std::string &text) {
  for (const std::string &w : warnings_)
    if (w == text)
      return;
  warnings_.push_back(text);
}

} // namespace corsim::model::detail
