# Installs the build tree into a scratch prefix, then configures, builds and runs the consumer
# on a corridor file, and checks the summary.json it writes.
# Variables: BINARY (corsim build tree), SOURCE (this folder), WORK (scratch folder), FLAGS (the
# compiler flags corsim was built with: a sanitizer build needs its runtime in the consumer too),
# CORRIDOR (the corridor file the consumer loads).
file(REMOVE_RECURSE ${WORK})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install ${BINARY} --prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/build -G Ninja -DCMAKE_PREFIX_PATH=${WORK}/prefix
    "-DCMAKE_CXX_FLAGS=${FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK}/build)
run(${WORK}/build/consumer ${CORRIDOR} ${WORK}/out)
if(NOT output MATCHES "^NGB 1805.7\nflows [1-9][0-9]*\n$")
  message(FATAL_ERROR "unexpected consumer output: '${output}'")
endif()
message(STATUS "consumer printed: ${output}")

# summary.json: written, valid JSON, with the run and one scenario that has flows.
if(NOT EXISTS ${WORK}/out/summary.json)
  message(FATAL_ERROR "the consumer wrote no ${WORK}/out/summary.json")
endif()
file(READ ${WORK}/out/summary.json summary)
foreach(key corsim_version run scenarios differences)
  string(JSON type ERROR_VARIABLE e TYPE "${summary}" ${key})
  if(e)
    message(FATAL_ERROR "summary.json has no '${key}': ${e}")
  endif()
endforeach()
string(JSON command GET "${summary}" run command)
string(JSON scenarios LENGTH "${summary}" scenarios)
string(JSON flows LENGTH "${summary}" scenarios 0 flows)
if(NOT command STREQUAL "consumer" OR NOT scenarios EQUAL 1 OR flows LESS 1)
  message(FATAL_ERROR "unexpected summary.json: command '${command}', ${scenarios} scenarios, "
                      "${flows} flows")
endif()
message(STATUS "summary.json: command ${command}, ${scenarios} scenario, ${flows} flows")
