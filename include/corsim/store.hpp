#pragma once
/// \file store.hpp
/// Store<T>: a bounded buffer of items with identity (containers in a yard, wagons in a pool).
/// `co_await store.put(item)` waits for room; `T x = co_await store.get()` takes the oldest
/// item; `co_await store.get(pred)` takes the oldest item for which `pred(item)` is true.
/// Waiting getters are served in the order they began waiting, each with the oldest item it
/// accepts (a getter whose filter matches nothing does not block the others).
///
/// Example:
/// \code
///   struct Box { int dest; };
///   corsim::Process crane(corsim::Store<Box> &yard) {
///     Box b = co_await yard.get([](const Box &x) { return x.dest == 7; });
///   }
///   corsim::Engine eng;
///   corsim::Store<Box> yard(eng, /*capacity*/ 100);
///   corsim::spawn(eng, crane(yard));
///   yard.try_put(Box{3}); yard.try_put(Box{7});   // the crane takes Box{7}
///   eng.run();
/// \endcode

#include "corsim/observer.hpp"
#include "corsim/process.hpp"

#include <deque>
#include <limits>
#include <optional>

namespace corsim {

template <class T> class Store {
public:
  /// `capacity` items at most (default: unbounded).
  explicit Store(Engine &eng, std::size_t capacity = std::numeric_limits<std::size_t>::max())
      : eng_(&eng), capacity_(capacity) {}
  Store(const Store &) = delete;
  Store &operator=(const Store &) = delete;

  struct Put : detail::WaitNode {
    Put(Store *owner, T x) : s(owner), item(std::move(x)) {}
    Store *s;
    std::optional<T> item;
    ProcessHandle handle;
    bool interrupted = false;
    bool await_ready() { return s->puts_.empty() && s->try_put_now(*item); }
    bool await_suspend(ProcessHandle h) {
      handle = h;
      if (h.promise().interrupt_pending())
        return interrupted = true, false;
      s->puts_.push_back(*this);
      h.promise().begin_wait(&withdraw, this);
      return true;
    }
    void await_resume() {
      if (interrupted)
        handle.promise().throw_interrupt();
    }
    static void withdraw(void *self) {
      auto *p = static_cast<Put *>(self);
      p->unlink();
      p->interrupted = true;
    }
  };

  struct Get : detail::WaitNode {
    explicit Get(Store *owner, bool (*m)(const void *, const T &) = nullptr,
                 const void *c = nullptr)
        : s(owner), match(m), ctx(c) {}
    Store *s;
    bool (*match)(const void *ctx, const T &) = nullptr;
    const void *ctx = nullptr;
    std::optional<T> item;
    ProcessHandle handle;
    bool interrupted = false;
    bool await_ready() {
      item = s->take_matching(*this);
      return item.has_value();
    }
    bool await_suspend(ProcessHandle h) {
      handle = h;
      if (h.promise().interrupt_pending())
        return interrupted = true, false;
      s->gets_.push_back(*this);
      h.promise().begin_wait(&withdraw, this);
      return true;
    }
    T await_resume() {
      if (interrupted)
        handle.promise().throw_interrupt();
      return std::move(*item);
    }
    static void withdraw(void *self) {
      auto *g = static_cast<Get *>(self);
      g->unlink();
      g->interrupted = true;
    }
  };

  /// Awaitable put; waits while the store is full.
  Put put(T item) { return Put(this, std::move(item)); }
  /// Awaitable get of the oldest item.
  Get get() { return Get(this); }
  /// Awaitable get of the oldest item with pred(item); `pred` must outlive the wait.
  template <class Pred> Get get(const Pred &pred) {
    return Get(
        this, [](const void *c, const T &x) { return (*static_cast<const Pred *>(c))(x); }, &pred);
  }
  /// Callback style: adds the item if there is room now.
  bool try_put(T item) { return puts_.empty() && try_put_now(item); }
  /// Callback style: takes the oldest item if there is one.
  std::optional<T> try_get() { return take_matching(Get(this)); }

  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] std::size_t capacity() const { return capacity_; }
  [[nodiscard]] const std::deque<T> &items() const { return items_; }
  void set_id(std::uint32_t id) { id_ = id; }
  ObserverList &observers() { return observers_; }

private:
  bool try_put_now(T &item) {
    if (items_.size() >= capacity_)
      return false;
    items_.push_back(std::move(item));
    settle();
    return true;
  }
  std::optional<T> take_matching(const Get &g) {
    for (auto it = items_.begin(); it != items_.end(); ++it)
      if (!g.match || g.match(g.ctx, *it)) {
        std::optional<T> out(std::move(*it));
        items_.erase(it);
        settle();
        return out;
      }
    return std::nullopt;
  }
  static void wake(ProcessHandle h) {
    h.promise().end_wait();
    h.promise().resume_soon();
  }
  // Serve waiting getters (in order) and waiting putters until nothing moves.
  void settle() {
    if (settling_)
      return;
    settling_ = true;
    for (bool moved = true; moved;) {
      moved = false;
      for (detail::WaitNode *n = gets_.front(); n && n != gets_.end();) {
        auto *g = static_cast<Get *>(n);
        n = n->next;
        for (auto it = items_.begin(); it != items_.end(); ++it)
          if (!g->match || g->match(g->ctx, *it)) {
            g->item.emplace(std::move(*it));
            items_.erase(it);
            g->unlink();
            wake(g->handle);
            moved = true;
            break;
          }
      }
      while (!puts_.empty() && items_.size() < capacity_) {
        auto *p = static_cast<Put *>(puts_.front());
        p->unlink();
        items_.push_back(std::move(*p->item));
        wake(p->handle);
        moved = true;
      }
    }
    settling_ = false;
    if (!observers_.empty())
      observers_.notify(Observation{eng_->now(), ObservationKind::Level, id_,
                                    static_cast<std::uint32_t>(gets_.size() + puts_.size()),
                                    static_cast<double>(items_.size()), 0.0});
  }

  Engine *eng_;
  std::size_t capacity_;
  std::deque<T> items_;
  std::uint32_t id_ = 0;
  bool settling_ = false;
  detail::WaitList puts_;
  detail::WaitList gets_;
  ObserverList observers_;
};

} // namespace corsim
