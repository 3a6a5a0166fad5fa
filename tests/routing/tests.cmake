corsim_add_test(test_routing routing/test_router.cpp routing/test_timetable.cpp
                routing/test_flow.cpp routing/test_compact_graph.cpp routing/test_routing_boost.cpp
                routing/teaching_corridor.cpp
                ../bench/routing/graph_loaders.cpp)

# The route and flow subcommands, driven through CLI11 as the corsim tool does.
corsim_add_test(test_routing_cli routing/test_route_cli.cpp LIBS corsim_cli)
