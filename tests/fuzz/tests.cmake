# Regression replay without libFuzzer: every fuzz target is compiled with replay_main.cpp and run
# by CTest over its seed corpus and the findings kept in regressions/, so scripts/test covers them.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
foreach(target IN LISTS CORSIM_FUZZ_TARGETS)
  add_executable(replay_${target} fuzz/fuzz_${target}.cpp fuzz/replay_main.cpp)
  target_link_libraries(replay_${target} PRIVATE corsim::io corsim::core corsim_warnings)
  target_compile_definitions(replay_${target} PRIVATE CORSIM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME fuzz_replay_${target}
           COMMAND replay_${target} ${CMAKE_CURRENT_LIST_DIR}/corpus/${target}
                   ${CMAKE_CURRENT_LIST_DIR}/regressions/${target}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(fuzz_replay_${target} PROPERTIES LABELS fuzz TIMEOUT 300)
endforeach()
