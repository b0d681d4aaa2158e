# Runs one conformance case: `xuncha run` over the case's rules and input, then compares every
# output with the case's expected files byte for byte (docs/conformance.md).
#
#   cmake -DXUNCHA=<xuncha> -DCASE_DIR=<case folder> -DWORK_DIR=<scratch folder>
#         [-DENGINE=interp] [-DUPDATE=ON] -P run_case.cmake
#
# xuncha runs inside the case folder with relative paths (rules.xr, input.csv), so the paths in
# record errors and in the errors file do not depend on where the repository is. The outputs go
# to WORK_DIR. An expected file that exists must match; one that does not exist means that
# output must not be written at all. UPDATE=ON writes what the run produced as the expected
# files instead of comparing (scripts/update-conformance.sh).
cmake_minimum_required(VERSION 3.25)

foreach(required XUNCHA CASE_DIR WORK_DIR)
  if(NOT ${required})
    message(FATAL_ERROR "pass -D${required}=...")
  endif()
endforeach()
if(NOT ENGINE)
  set(ENGINE interp)
endif()
# Paths given relative to where cmake was started (xuncha runs in the case folder).
foreach(path XUNCHA CASE_DIR WORK_DIR)
  get_filename_component(${path} "${${path}}" ABSOLUTE) # -P: relative to the working folder
endforeach()
get_filename_component(case_name "${CASE_DIR}" NAME)
set(expected_dir "${CASE_DIR}/expected")

# The input: exactly one input.* file.
file(GLOB inputs RELATIVE "${CASE_DIR}" "${CASE_DIR}/input.*")
list(LENGTH inputs input_count)
if(NOT input_count EQUAL 1)
  message(FATAL_ERROR "${case_name}: needs exactly one input.* file, found '${inputs}'")
endif()

# Extra arguments: one per line of `args` (blank lines and lines starting with # ignored).
set(extra_args)
if(EXISTS "${CASE_DIR}/args")
  file(STRINGS "${CASE_DIR}/args" arg_lines ENCODING UTF-8)
  foreach(line IN LISTS arg_lines)
    string(STRIP "${line}" line)
    if(line AND NOT line MATCHES "^#")
      list(APPEND extra_args "${line}")
    endif()
  endforeach()
endif()

# The results format follows the expected file's extension (JSON Lines when results.jsonl).
set(results_name results.csv)
if(EXISTS "${expected_dir}/results.jsonl")
  set(results_name results.jsonl)
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(
  COMMAND "${XUNCHA}" run rules.xr --data ${inputs} --out "${WORK_DIR}/${results_name}"
          --errors "${WORK_DIR}/errors.csv" --report "${WORK_DIR}/report.json"
          --engine "${ENGINE}" --quiet --color=never ${extra_args}
  WORKING_DIRECTORY "${CASE_DIR}"
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE stdout
  ERROR_VARIABLE stderr)
file(WRITE "${WORK_DIR}/exit" "${exit_code}\n")
file(WRITE "${WORK_DIR}/stderr" "${stderr}")

# Every output a case may have; stderr is compared only when the case has expected/stderr.
set(outputs ${results_name} errors.csv report.json exit)

if(UPDATE)
  file(MAKE_DIRECTORY "${expected_dir}")
  foreach(name IN LISTS outputs)
    if(EXISTS "${WORK_DIR}/${name}")
      file(COPY_FILE "${WORK_DIR}/${name}" "${expected_dir}/${name}")
    else()
      file(REMOVE "${expected_dir}/${name}")
    endif()
  endforeach()
  if(EXISTS "${expected_dir}/stderr")
    file(COPY_FILE "${WORK_DIR}/stderr" "${expected_dir}/stderr")
  endif()
  message(STATUS "${case_name}: expected files written (exit ${exit_code})")
  return()
endif()

find_program(DIFF diff)
set(failed FALSE)
if(EXISTS "${expected_dir}/stderr")
  list(APPEND outputs stderr)
endif()
foreach(name IN LISTS outputs)
  set(expected "${expected_dir}/${name}")
  set(actual "${WORK_DIR}/${name}")
  if(NOT EXISTS "${expected}")
    if(EXISTS "${actual}")
      message(SEND_ERROR "${case_name}: ${name} was written, but the case expects none")
      set(failed TRUE)
    endif()
    continue()
  endif()
  if(NOT EXISTS "${actual}")
    message(SEND_ERROR "${case_name}: ${name} was not written")
    set(failed TRUE)
    continue()
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${expected}" "${actual}"
                  RESULT_VARIABLE different)
  if(different)
    set(failed TRUE)
    if(DIFF)
      execute_process(COMMAND "${DIFF}" -u "${expected}" "${actual}" OUTPUT_VARIABLE shown)
    else()
      file(READ "${expected}" expected_text)
      file(READ "${actual}" actual_text)
      set(shown "--- expected\n${expected_text}\n+++ actual\n${actual_text}")
    endif()
    message(SEND_ERROR "${case_name}: ${name} differs from expected/${name}:\n${shown}")
  endif()
endforeach()

if(failed)
  message(FATAL_ERROR "${case_name} (engine ${ENGINE}): FAILED; xuncha's stderr:\n${stderr}")
endif()
message(STATUS "${case_name} (engine ${ENGINE}): ok")
