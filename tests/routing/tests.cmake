corsim_add_test(test_routing routing/test_router.cpp routing/test_timetable.cpp
                routing/test_flow.cpp routing/test_compact_graph.cpp routing/teaching_corridor.cpp
                ../bench/routing/graph_loaders.cpp)
