// Indices that know what they index (corsim/id.hpp): one kind never becomes another by itself.
#include "corsim/id.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

using namespace corsim;

namespace {
int takes_node(NodeIndex n) { return static_cast<int>(n.value()); }
} // namespace

// Passing or assigning one kind where another is expected does not compile.
static_assert(!std::is_convertible_v<LinkIndex, NodeIndex>);
static_assert(!std::is_convertible_v<NodeIndex, LinkIndex>);
static_assert(!std::is_convertible_v<ServiceIndex, FlowIndex>);
static_assert(!std::is_convertible_v<FlowIndex, ServiceIndex>);
static_assert(!std::is_invocable_v<decltype(takes_node), LinkIndex>);
// A position becomes an index, and an index indexes a vector.
static_assert(std::is_convertible_v<std::uint32_t, NodeIndex>);
static_assert(std::is_convertible_v<NodeIndex, std::size_t>);
static_assert(std::is_trivially_copyable_v<NodeIndex> && sizeof(NodeIndex) == 4);

TEST_CASE("An index counts, compares, indexes and hashes as its position", "[id]") {
  const std::vector<char> names = {'a', 'b', 'c'};
  std::string seen;
  for (NodeIndex n = 0; n < names.size(); ++n)
    seen += names[n];
  CHECK(seen == "abc");
  CHECK(takes_node(2) == 2);
  CHECK(NodeIndex(1) < NodeIndex(2));
  CHECK(LinkIndex(7) == 7u);
  std::map<ServiceIndex, int> by_service{{ServiceIndex(3), 1}};
  CHECK(by_service.count(3) == 1);
  std::unordered_set<FlowIndex> flows{FlowIndex(4), FlowIndex(4), FlowIndex(5)};
  CHECK(flows.size() == 2);
  CHECK(NodeIndex(LinkIndex(9)) == 9u); // only an explicit conversion changes kind
}
