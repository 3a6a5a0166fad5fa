# The files of --out DIR (docs/outputs.md): structure of summary.json and the CSV files, the
# GeoJSON against RFC 7946, the report rendered in headless Chromium, the Python example.
find_package(nlohmann_json 3 REQUIRED)
corsim_add_test(test_output output/test_outputs.cpp output/test_report_parts.cpp
                output/test_outputs_cli.cpp output/output_fixtures.cpp
                LIBS corsim_cli nlohmann_json::nlohmann_json)
add_dependencies(test_output corsim) # the CLI tests run the tool

# Debian's python3-pil and python3-matplotlib (scripts/install-deps) live in the system
# Python; a python3 earlier on PATH (pyenv, a venv) may lack them.
find_program(CORSIM_SYSTEM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT CORSIM_SYSTEM_PYTHON)
  set(CORSIM_SYSTEM_PYTHON python3)
endif()

set(CORSIM_SUMMARY_SCHEMA ${PROJECT_SOURCE_DIR}/schemas/summary.schema.json)

# One real run's files, shared by the checks below (a CTest fixture).
set(CORSIM_OUTPUT_SAMPLE ${CMAKE_CURRENT_BINARY_DIR}/output-sample)
add_test(NAME output_sample_run
         COMMAND $<TARGET_FILE:corsim> --quiet simulate
                 corridors/teaching.yaml --days 60 --replications 2 --out ${CORSIM_OUTPUT_SAMPLE}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(output_sample_run PROPERTIES FIXTURES_SETUP corsim_output_sample)

add_test(NAME output_summary_schema
         COMMAND ${CORSIM_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/output/check_summary.py
                 ${CORSIM_SUMMARY_SCHEMA}
                 ${CORSIM_OUTPUT_SAMPLE}/summary.json)
add_test(NAME output_geojson_rfc7946
         COMMAND ${CORSIM_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/output/check_geojson.py
                 --nodes 6 --links 5 ${CORSIM_OUTPUT_SAMPLE}/network.geojson)
# Skipped (exit 77) only where chromium is not installed; CI installs it (scripts/install-deps).
add_test(NAME output_report_in_chromium
         COMMAND ${CORSIM_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/output/check_report.py
                 --screenshot ${CMAKE_CURRENT_BINARY_DIR}/output-report.png
                 ${CORSIM_OUTPUT_SAMPLE}/report.html)
add_test(NAME output_plot_example
         COMMAND ${CORSIM_SYSTEM_PYTHON} ${PROJECT_SOURCE_DIR}/examples/plot_results.py
                 ${CORSIM_OUTPUT_SAMPLE}/results.csv ${CMAKE_CURRENT_BINARY_DIR}/output-plot.png)
set_tests_properties(output_summary_schema output_geojson_rfc7946 output_report_in_chromium
                     output_plot_example PROPERTIES FIXTURES_REQUIRED corsim_output_sample)
set_tests_properties(output_report_in_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)

# The same checks on a compare of two scenarios: side by side, with the paired differences.
set(CORSIM_OUTPUT_COMPARE ${CMAKE_CURRENT_BINARY_DIR}/output-compare)
add_test(NAME output_compare_run
         COMMAND $<TARGET_FILE:corsim> --quiet compare examples/demand-plus-50/base.yaml
                 examples/demand-plus-50/plus-50.yaml --days 30 --warmup 10 --replications 2
                 --out ${CORSIM_OUTPUT_COMPARE}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(output_compare_run PROPERTIES FIXTURES_SETUP corsim_output_compare)
add_test(NAME output_compare_summary_schema
         COMMAND ${CORSIM_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/output/check_summary.py
                 ${CORSIM_SUMMARY_SCHEMA}
                 ${CORSIM_OUTPUT_COMPARE}/summary.json)
add_test(NAME output_compare_geojson_rfc7946
         COMMAND ${CORSIM_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/output/check_geojson.py
                 ${CORSIM_OUTPUT_COMPARE}/network.geojson)
add_test(NAME output_compare_report_in_chromium
         COMMAND ${CORSIM_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/output/check_report.py
                 --screenshot ${CMAKE_CURRENT_BINARY_DIR}/output-compare-report.png
                 ${CORSIM_OUTPUT_COMPARE}/report.html)
set_tests_properties(output_compare_summary_schema output_compare_geojson_rfc7946
                     output_compare_report_in_chromium
                     PROPERTIES FIXTURES_REQUIRED corsim_output_compare)
set_tests_properties(output_compare_report_in_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
