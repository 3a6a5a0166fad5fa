#include "scenario_changes.hpp"

#include "corsim/suggest.hpp"
#include "corsim/text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace corsim::io {

namespace {

/// "nodes.ZBK.customs.time" -> {nodes, ZBK, customs, time}; "links[A.B].speed" keeps ids
/// with dots in brackets.
std::vector<std::string> split_path(const std::string &path) {
  std::vector<std::string> out(1);
  bool bracket = false;
  for (char c : path) {
    if (c == '[' && !bracket) {
      bracket = true;
      if (!out.back().empty())
        out.emplace_back();
    } else if (c == ']' && bracket) {
      bracket = false;
    } else if (c == '.' && !bracket) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

/// Where a change lands: a key of a map, or an item of a list.
struct Target {
  mutable YAML::Node parent; // a handle: writing through it changes the tree
  std::string key;           ///< map parent
  std::size_t index = 0;     ///< list parent
  bool in_list = false;
  [[nodiscard]] YAML::Node get() const { return in_list ? parent[index] : parent[key]; }
  [[nodiscard]] bool exists() const { return in_list || parent[key].IsDefined(); }
};

std::string id_of(const YAML::Node &item) {
  if (item.IsMap() && item["id"] && item["id"].IsScalar())
    return item["id"].Scalar();
  return "";
}

void attribute_key(Diagnostics &diag, const YAML::Node &map, const std::string &key,
                   const Change &c);

class Resolver {
public:
  Resolver(Diagnostics &diag, const Change &c, bool create)
      : diag_(diag), change_(c), create_(create) {}

  /// The targets of the path (several with '*'), or empty after reporting why.
  std::vector<Target> resolve(YAML::Node root) {
    const std::vector<std::string> segs = split_path(change_.path);
    for (const std::string &s : segs)
      if (s.empty())
        return fail("the path " + in_quotes(change_.path) + " has an empty part");
    std::vector<YAML::Node> here{root};
    std::vector<Target> targets;
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const bool last = i + 1 == segs.size();
      const std::string prefix = join(segs, i);
      std::vector<YAML::Node> next;
      for (YAML::Node &node : here) {
        std::vector<Target> found = step(node, segs[i], prefix);
        if (found.empty())
          return {};
        for (Target &t : found) {
          if (last)
            targets.push_back(t);
          else
            next.push_back(descend(t));
        }
      }
      here = std::move(next);
    }
    return targets;
  }

  std::vector<Target> fail(const std::string &message) {
    diag_.error(change_.at, message);
    return {};
  }

private:
  static std::string join(const std::vector<std::string> &segs, std::size_t upto) {
    std::string s;
    for (std::size_t i = 0; i <= upto; ++i)
      s += (i ? "." : "") + segs[i];
    return s;
  }

  /// The node a non-final target names, created as a map when a `set` needs it.
  YAML::Node descend(const Target &t) {
    YAML::Node child = t.get();
    if (!child.IsDefined() || child.IsNull()) {
      t.parent[t.key] = YAML::Node(YAML::NodeType::Map);
      child = t.parent[t.key];
      // A key the change made: a problem with it is the change's, at its line.
      attribute_key(diag_, t.parent, t.key, change_);
      diag_.attribute(child, change_.at);
    }
    return child;
  }

  std::vector<Target> step(YAML::Node &node, const std::string &seg, const std::string &prefix) {
    if (node.IsSequence())
      return in_list(node, seg, prefix);
    if (node.IsMap()) {
      if (seg == "*")
        return fail(in_quotes(prefix) + ": '*' stands for every item of a list, and this is a map");
      if (!node[seg].IsDefined() && !create_) {
        std::vector<std::string> keys;
        for (const auto &entry : node)
          keys.push_back(entry.first.Scalar());
        return fail("'" + prefix + "': no key " + in_quotes(seg) + " here" +
                    did_you_mean(seg, keys));
      }
      return {Target{node, seg, 0, false}};
    }
    return fail(in_quotes(prefix) + ": cannot go into a single value");
  }

  std::vector<Target> in_list(YAML::Node &list, const std::string &seg, const std::string &prefix) {
    std::vector<Target> out;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string id = id_of(list[i]);
      ids.push_back(id);
      if (seg == "*" || id == seg)
        out.push_back(Target{list, "", i, true});
    }
    if (out.empty() && seg != "*")
      return fail("'" + prefix + "': unknown id " + in_quotes(seg) + did_you_mean(seg, ids));
    if (out.empty())
      return fail(in_quotes(prefix) + ": the list is empty");
    return out;
  }

  Diagnostics &diag_;
  const Change &change_;
  bool create_;
};

/// Attributes every node of a value to where it was written: its own marks in a scenario
/// file, or the option's position for values given on the command line.
void attribute_value(Diagnostics &diag, const YAML::Node &value, const Change &c) {
  if (value.Mark().line >= 0 && c.at.line > 0)
    diag.attribute_tree(value, c.at.file);
  else
    diag.attribute(value, c.at);
}

void attribute_key(Diagnostics &diag, const YAML::Node &map, const std::string &key,
                   const Change &c) {
  for (const auto &entry : map)
    if (entry.first.Scalar() == key)
      diag.attribute(entry.first, c.at);
}

bool set(Diagnostics &diag, const std::vector<Target> &targets, const Change &c,
         const YAML::Node &value) {
  for (const Target &t : targets) {
    if (t.in_list) {
      t.parent[t.index] = value;
    } else {
      t.parent[t.key] = value;
      attribute_key(diag, t.parent, t.key, c);
    }
  }
  attribute_value(diag, value, c);
  return true;
}

bool scale(Diagnostics &diag, const std::vector<Target> &targets, const Change &c) {
  char *end = nullptr;
  const double factor = std::strtod(c.value.c_str(), &end);
  if (end == c.value.c_str() || *end != '\0' || !std::isfinite(factor) || factor < 0.0) {
    diag.error(c.at, "scale factor " + in_quotes(c.value) + " must be a number >= 0, like 1.5");
    return false;
  }
  for (const Target &t : targets) {
    const YAML::Node old = t.get();
    if (!t.exists() || !old.IsScalar()) {
      diag.error(c.at, in_quotes(c.path) + ": only a single value can be scaled");
      return false;
    }
    const auto scaled = scale_text(old.Scalar(), factor);
    if (!scaled) {
      diag.error(c.at, "'" + c.path + "': " + in_quotes(old.Scalar()) + " has no number to scale");
      return false;
    }
    YAML::Node fresh(*scaled);
    if (t.in_list)
      t.parent[t.index] = fresh;
    else
      t.parent[t.key] = fresh;
    diag.attribute(fresh, c.at);
  }
  return true;
}

bool add(Diagnostics &diag, const std::vector<Target> &targets, const Change &c,
         const YAML::Node &value) {
  for (const Target &t : targets) {
    YAML::Node into = t.get();
    if (!t.exists() || into.IsNull()) { // a list or map the corridor does not have yet
      t.parent[t.key] = value;
      attribute_key(diag, t.parent, t.key, c);
    } else if (into.IsSequence()) {
      const YAML::Node items = value.IsSequence() ? value : [&] {
        YAML::Node one(YAML::NodeType::Sequence);
        one.push_back(value);
        return one;
      }();
      for (const auto &item : items)
        into.push_back(item);
    } else if (into.IsMap() && value.IsMap()) {
      for (const auto &entry : value) {
        const std::string key = entry.first.Scalar();
        if (into[key].IsDefined()) {
          diag.error(c.at, in_quotes(c.path + "." + key) + " exists already: use set to change it");
          return false;
        }
        into[key] = entry.second;
        attribute_key(diag, into, key, c);
      }
    } else {
      diag.error(c.at, in_quotes(c.path) + ": add needs a list, or a map to add keys to a map");
      return false;
    }
  }
  attribute_value(diag, value, c);
  return true;
}

bool remove(Diagnostics &diag, std::vector<Target> targets, const Change &c) {
  // From the last item backwards, so that earlier indices stay valid.
  for (auto t = targets.rbegin(); t != targets.rend(); ++t) {
    if (!t->exists()) {
      diag.error(c.at, in_quotes(c.path) + ": nothing there to remove");
      return false;
    }
    if (!t->in_list) {
      t->parent.remove(t->key);
      continue;
    }
    YAML::Node kept(YAML::NodeType::Sequence);
    for (std::size_t i = 0; i < t->parent.size(); ++i)
      if (i != t->index)
        kept.push_back(t->parent[i]);
    // Replace the list's contents in place: its parent still points at this node.
    while (t->parent.size() > 0)
      t->parent.remove(t->parent.size() - 1);
    for (const auto &item : kept)
      t->parent.push_back(item);
  }
  return true;
}

} // namespace

bool apply_change(Diagnostics &diag, YAML::Node &root, const Change &c, const YAML::Node &value) {
  Resolver resolver(diag, c, c.kind == Change::Kind::Set || c.kind == Change::Kind::Add);
  const std::vector<Target> targets = resolver.resolve(root);
  if (targets.empty())
    return false;
  switch (c.kind) {
  case Change::Kind::Set:
    return set(diag, targets, c, value);
  case Change::Kind::Scale:
    return scale(diag, targets, c);
  case Change::Kind::Add:
    return add(diag, targets, c, value);
  case Change::Kind::Remove:
    return remove(diag, targets, c);
  }
  return false;
}

} // namespace corsim::io
