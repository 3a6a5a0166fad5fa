# The files of --out DIR (docs/outputs.md): structure of summary.json and the CSV files, the
# GeoJSON against RFC 7946, the report rendered in headless Chromium, the Python example.
find_package(nlohmann_json 3 REQUIRED)
corsim_add_test(test_output output/test_outputs.cpp output/test_report_parts.cpp
                output/test_outputs_cli.cpp output/output_fixtures.cpp
                LIBS corsim::io corsim_cli nlohmann_json::nlohmann_json)
add_dependencies(test_output corsim) # the CLI tests run the tool
# The report's SVG helpers (src/io/svg.hpp) are internal to corsim::io but tested here.
target_include_directories(test_output PRIVATE ${PROJECT_SOURCE_DIR}/src/io)

# Debian's python3-pil and python3-matplotlib (scripts/install-deps) live in the system
# Python; a python3 earlier on PATH (pyenv, a venv) may lack them.
find_program(CORSIM_SYSTEM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT CORSIM_SYSTEM_PYTHON)
  set(CORSIM_SYSTEM_PYTHON python3)
endif()

set(CORSIM_SUMMARY_SCHEMA ${PROJECT_SOURCE_DIR}/schemas/summary.schema.json)

# corsim_output_checks(NAME DIR GEOJSON_ARGS... COMMAND corsim args...): runs the tool once
# (a CTest fixture) with --out DIR, then checks its summary.json against the schema, its GeoJSON
# against RFC 7946 and its report in headless Chromium (skipped, exit 77, only where chromium is
# not installed; CI installs it with scripts/install-deps).
function(corsim_output_checks name dir)
  cmake_parse_arguments(ARG "" "" "GEOJSON_ARGS;COMMAND" ${ARGN})
  add_test(NAME ${name}_run COMMAND $<TARGET_FILE:corsim> ${ARG_COMMAND} --out ${dir}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${name}_run PROPERTIES FIXTURES_SETUP ${name})
  add_test(NAME ${name}_summary_schema
           COMMAND ${CORSIM_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/output/check_summary.py
                   ${CORSIM_SUMMARY_SCHEMA} ${dir}/summary.json)
  add_test(NAME ${name}_geojson_rfc7946
           COMMAND ${CORSIM_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/output/check_geojson.py
                   ${ARG_GEOJSON_ARGS} ${dir}/network.geojson)
  add_test(NAME ${name}_report_in_chromium
           COMMAND ${CORSIM_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/output/check_report.py
                   --screenshot ${CMAKE_CURRENT_BINARY_DIR}/${name}-report.png ${dir}/report.html)
  set_tests_properties(${name}_summary_schema ${name}_geojson_rfc7946 ${name}_report_in_chromium
                       PROPERTIES FIXTURES_REQUIRED ${name})
  set_tests_properties(${name}_report_in_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
endfunction()

# One simulate run's files, and the Python example that plots its results.csv.
set(CORSIM_OUTPUT_SAMPLE ${CMAKE_CURRENT_BINARY_DIR}/output-sample)
corsim_output_checks(output ${CORSIM_OUTPUT_SAMPLE} GEOJSON_ARGS --nodes 6 --links 5
                     COMMAND --quiet simulate corridors/teaching.yaml --days 60 --replications 2)
add_test(NAME output_plot_example
         COMMAND ${CORSIM_SYSTEM_PYTHON} ${PROJECT_SOURCE_DIR}/examples/plot_results.py
                 ${CORSIM_OUTPUT_SAMPLE}/results.csv ${CMAKE_CURRENT_BINARY_DIR}/output-plot.png)
set_tests_properties(output_plot_example PROPERTIES FIXTURES_REQUIRED output)

# The same checks on a compare of two scenarios: side by side, with the paired differences.
corsim_output_checks(output_compare ${CMAKE_CURRENT_BINARY_DIR}/output-compare
                     COMMAND --quiet compare examples/demand-plus-50/base.yaml
                             examples/demand-plus-50/plus-50.yaml --days 30 --warmup 10
                             --replications 2)
