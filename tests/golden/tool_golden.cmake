# Golden outputs of `xuncha diff` and `xuncha doc` (and the committed handbook): runs the
# commands a cases file lists and compares what they print or write with committed files.
#
#   cmake -DXUNCHA=<xuncha> -DBASE=<dir> -DCASES=<cases.cmake> -DOUT=<scratch dir>
#         [-DUPDATE=1] -P tool_golden.cmake
#
# Commands run in BASE with NO_COLOR set; expected files are relative to BASE. A cases file
# calls, once per case:
#   golden_output(<expected> <xuncha arguments...>)
#       stdout, then stderr, then "exit: N" must equal <expected>;
#   golden_files(ARGS <xuncha arguments...> OUTPUTS <file...> EXPECTED <file...>)
#       the command must exit 0 and each OUTPUT (relative to OUT) must equal its EXPECTED.
# ${OUT} may be used in the arguments; GOLDEN_UPDATE names the script that rewrites the
# expected files (the script runs this with UPDATE=1).
cmake_minimum_required(VERSION 3.20)

foreach(variable XUNCHA BASE CASES OUT)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "tool_golden.cmake needs -D${variable}=...")
  endif()
endforeach()
get_filename_component(XUNCHA "${XUNCHA}" ABSOLUTE)
get_filename_component(OUT "${OUT}" ABSOLUTE)
set(ENV{NO_COLOR} 1)
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set_property(GLOBAL PROPERTY golden_failed "")
set_property(GLOBAL PROPERTY golden_failures "")
set_property(GLOBAL PROPERTY golden_count "")

function(golden_failure name)
  string(REPLACE ";" " " name "${name}")
  set_property(GLOBAL APPEND_STRING PROPERTY golden_failed "\n  ${name}")
  set_property(GLOBAL APPEND PROPERTY golden_failures x)
endfunction()

function(golden_compare expected actual)
  set_property(GLOBAL APPEND PROPERTY golden_count x)
  set(path "${BASE}/${expected}")
  if(UPDATE)
    set(old "")
    if(EXISTS "${path}")
      file(READ "${path}" old)
    endif()
    if(NOT old STREQUAL actual)
      get_filename_component(folder "${path}" DIRECTORY)
      file(MAKE_DIRECTORY "${folder}")
      file(WRITE "${path}" "${actual}")
      message(STATUS "updated ${expected}")
    endif()
    return()
  endif()
  if(NOT EXISTS "${path}")
    message(STATUS "FAIL ${expected}: missing (UPDATE=1 writes it)")
    golden_failure("${expected}")
    return()
  endif()
  file(READ "${path}" wanted)
  if(NOT wanted STREQUAL actual)
    set(got "${OUT}/actual/${expected}")
    get_filename_component(folder "${got}" DIRECTORY)
    file(MAKE_DIRECTORY "${folder}")
    file(WRITE "${got}" "${actual}")
    execute_process(COMMAND diff -u "${path}" "${got}" OUTPUT_VARIABLE difference)
    message(STATUS "FAIL ${expected}\n${difference}")
    golden_failure("${expected}")
  endif()
endfunction()

function(golden_output expected)
  execute_process(COMMAND "${XUNCHA}" ${ARGN} WORKING_DIRECTORY "${BASE}"
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  golden_compare("${expected}" "${out}${err}exit: ${code}\n")
endfunction()

function(golden_files)
  cmake_parse_arguments(PARSE_ARGV 0 G "" "" "ARGS;OUTPUTS;EXPECTED")
  execute_process(COMMAND "${XUNCHA}" ${G_ARGS} WORKING_DIRECTORY "${BASE}"
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(STATUS "FAIL xuncha ${G_ARGS}: exit ${code}\n${out}${err}")
    golden_failure("${G_ARGS}")
    return()
  endif()
  foreach(output expected IN ZIP_LISTS G_OUTPUTS G_EXPECTED)
    if(NOT EXISTS "${OUT}/${output}")
      message(STATUS "FAIL ${expected}: xuncha ${G_ARGS} wrote no ${output}")
      golden_failure("${expected}")
      continue()
    endif()
    file(READ "${OUT}/${output}" written)
    golden_compare("${expected}" "${written}")
  endforeach()
endfunction()

set(GOLDEN_UPDATE "UPDATE=1")
include("${CASES}")

get_property(failed GLOBAL PROPERTY golden_failed)
get_property(failures GLOBAL PROPERTY golden_failures)
get_property(count GLOBAL PROPERTY golden_count)
list(LENGTH count total)
list(LENGTH failures failures)
if(failures GREATER 0)
  message(FATAL_ERROR "${failures} of ${total} golden files differ:${failed}\n"
                      "if the change is intended, rewrite them with ${GOLDEN_UPDATE}")
endif()
if(NOT UPDATE)
  message(STATUS "${total} golden files match")
endif()
