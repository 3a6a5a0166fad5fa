#pragma once
/// \file event_fn.hpp
/// EventFn: the callback type of engine events (see engine.hpp). A move-only `void()` callable
/// stored inline when it fits in `EventFn::inline_size` bytes and is nothrow movable (a lambda
/// capturing up to three pointers), on the heap otherwise.
///
/// Example:
/// \code
///   corsim::EventFn f = [n = 0]() mutable { ++n; };
///   f();
/// \endcode

#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace corsim {

/// A move-only `void()` callable with inline storage; larger callables go to the heap.
class EventFn {
public:
  static constexpr std::size_t inline_size = 24;

  EventFn() = default;
  template <class F>
  requires(!std::is_same_v<std::decay_t<F>, EventFn> && std::is_invocable_v<std::decay_t<F> &>)
      EventFn(F &&f) { // NOLINT: implicit by design, like std::function
    construct(std::forward<F>(f));
  }
  /// Replaces the held callable (constructed in place).
  template <class F> void assign(F &&f) {
    reset();
    if constexpr (std::is_same_v<std::decay_t<F>, EventFn>)
      take(f);
    else
      construct(std::forward<F>(f));
  }
  EventFn(EventFn &&o) noexcept { take(o); }
  EventFn &operator=(EventFn &&o) noexcept {
    if (this != &o) {
      reset();
      take(o);
    }
    return *this;
  }
  EventFn(const EventFn &) = delete;
  EventFn &operator=(const EventFn &) = delete;
  ~EventFn() { reset(); }

  void operator()() { invoke_(buf_); }
  explicit operator bool() const { return invoke_ != nullptr; }
  void reset() {
    if (manage_)
      manage_(nullptr, buf_);
    invoke_ = nullptr;
    manage_ = nullptr;
  }

private:
  template <class F> void construct(F &&f) {
    using D = std::decay_t<F>;
    if constexpr (fits_inline<D>()) {
      ::new (static_cast<void *>(buf_)) D(std::forward<F>(f));
      invoke_ = [](void *p) { (*std::launder(static_cast<D *>(p)))(); };
      if constexpr (!std::is_trivially_copyable_v<D>)
        manage_ = &manage_inline<D>;
    } else {
      D *heap = new D(std::forward<F>(f));
      std::memcpy(buf_, &heap, sizeof heap);
      invoke_ = [](void *p) { (**static_cast<D **>(p))(); };
      manage_ = &manage_heap<D>;
    }
  }
  template <class D> static constexpr bool fits_inline() {
    return sizeof(D) <= inline_size && alignof(D) <= alignof(std::max_align_t) &&
           std::is_nothrow_move_constructible_v<D>;
  }
  // dst == nullptr: destroy src. Otherwise move src into dst and destroy src.
  template <class D> static void manage_inline(void *dst, void *src) {
    D *s = std::launder(static_cast<D *>(src));
    if (dst)
      ::new (dst) D(std::move(*s));
    s->~D();
  }
  template <class D> static void manage_heap(void *dst, void *src) {
    if (dst)
      std::memcpy(dst, src, sizeof(D *));
    else
      delete *static_cast<D **>(src);
  }
  void take(EventFn &o) noexcept {
    if (o.manage_)
      o.manage_(buf_, o.buf_);
    else
      std::memcpy(buf_, o.buf_, inline_size);
    invoke_ = o.invoke_;
    manage_ = o.manage_;
    o.invoke_ = nullptr;
    o.manage_ = nullptr;
  }

  alignas(std::max_align_t) unsigned char buf_[inline_size]{};
  void (*invoke_)(void *) = nullptr;
  void (*manage_)(void *, void *) = nullptr;
};

} // namespace corsim
