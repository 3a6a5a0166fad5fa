corsim_add_test(test_routing routing/test_router.cpp routing/test_timetable.cpp
                routing/test_flow.cpp routing/test_compact_graph.cpp routing/test_routing_boost.cpp
                routing/teaching_corridor.cpp
                ../bench/routing/graph_loaders.cpp)

# The route and flow subcommands, driven through CLI11 as the corsim tool does.
find_package(CLI11 REQUIRED)
corsim_add_test(test_routing_cli routing/test_route_cli.cpp ../src/cli/route_command.cpp
                ../src/cli/flow_command.cpp ../src/cli/output.cpp ../src/cli/table.cpp
                LIBS corsim::io CLI11::CLI11)
target_include_directories(test_routing_cli PRIVATE ${PROJECT_SOURCE_DIR}/src/cli)
