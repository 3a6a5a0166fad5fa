// A replication's sample as bytes, for MPI: every double and count copied bit for bit, so
// results gathered from other ranks are identical to results computed here.
#include "summary.hpp"

#include "corsim/error.hpp"

#include <cstring>
#include <type_traits>

namespace corsim::model::detail {

namespace {

template <class T> constexpr bool plain = std::is_trivially_copyable_v<T>;

class Writer {
public:
  template <class T> void put(const T &x) {
    if constexpr (plain<T>) { // numbers, arrays of numbers, structs of doubles
      bytes_.append(reinterpret_cast<const char *>(&x), sizeof x);
    } else {
      put<std::uint64_t>(x.size()); // a string, vector or map
      for (const auto &item : x)
        put(item);
    }
  }
  template <class A, class B> void put(const std::pair<A, B> &p) {
    put(p.first);
    put(p.second);
  }
  void put(const OdSample &s) {
    put(s.mean), put(s.p50), put(s.p90), put(s.p95), put(s.max), put(s.on_time);
    put(s.delivered), put(s.backlog), put(s.in_transit), put(s.unroutable), put(s.cost);
    put(s.co2), put(s.wait), put(s.routes), put(s.histogram);
  }
  std::string take() { return std::move(bytes_); }

private:
  std::string bytes_;
};

class Reader {
public:
  explicit Reader(const std::string &bytes) : bytes_(bytes) {}
  template <class T> void get(T &x) {
    if constexpr (plain<T>) {
      need(sizeof x);
      std::memcpy(static_cast<void *>(&x), bytes_.data() + at_, sizeof x);
      at_ += sizeof x;
    } else if constexpr (requires { x.emplace_back(); } || std::is_same_v<T, std::string>) {
      x.resize(count());
      for (auto &item : x)
        get(item);
    } else { // a map
      for (std::size_t i = 0, n = count(); i < n; ++i) {
        std::pair<typename T::key_type, typename T::mapped_type> entry;
        get(entry);
        x.insert(std::move(entry));
      }
    }
  }
  template <class A, class B> void get(std::pair<A, B> &p) {
    get(p.first);
    get(p.second);
  }
  void get(OdSample &s) {
    get(s.mean), get(s.p50), get(s.p90), get(s.p95), get(s.max), get(s.on_time);
    get(s.delivered), get(s.backlog), get(s.in_transit), get(s.unroutable), get(s.cost);
    get(s.co2), get(s.wait), get(s.routes), get(s.histogram);
  }
  void expect_end() const {
    if (at_ != bytes_.size())
      throw ApiMisuse("replication sample: trailing bytes");
  }

private:
  std::size_t count() {
    std::uint64_t n = 0;
    get(n);
    need(n); // every element takes at least a byte: a corrupt count cannot allocate much
    return static_cast<std::size_t>(n);
  }
  void need(std::size_t n) const {
    if (n > bytes_.size() - at_)
      throw ApiMisuse("replication sample: truncated bytes");
  }
  const std::string &bytes_;
  std::size_t at_ = 0;
};

} // namespace

std::string serialize(const Sample &s) {
  Writer w;
  w.put(s.od), w.put(s.fac), w.put(s.svc), w.put(s.links), w.put(s.background), w.put(s.fac_util);
  w.put(s.fac_queue), w.put(s.svc_departures), w.put(s.svc_teu), w.put(s.svc_waiting),
      w.put(s.in_system), w.put(s.summary);
  w.put(s.warnings);
  return w.take();
}

Sample deserialize(const std::string &bytes) {
  Sample s;
  Reader r(bytes);
  r.get(s.od), r.get(s.fac), r.get(s.svc), r.get(s.links), r.get(s.background), r.get(s.fac_util);
  r.get(s.fac_queue), r.get(s.svc_departures), r.get(s.svc_teu), r.get(s.svc_waiting),
      r.get(s.in_system), r.get(s.summary);
  r.get(s.warnings);
  r.expect_end();
  return s;
}

} // namespace corsim::model::detail
