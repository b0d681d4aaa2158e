# The `xuncha` executable's command line, end to end: help for the program and for every
# command it lists, the version, and the exit codes for a missing file and for usage errors.
# Run as: cmake -DXUNCHA=<path to xuncha> -P smoke.cmake (from an empty working folder).
if(NOT XUNCHA)
  message(FATAL_ERROR "pass -DXUNCHA=<path to the xuncha executable>")
endif()

set(failures 0)

# Runs xuncha with the given arguments; checks the exit code and that the combined output
# matches a regular expression.
function(expect_run expected_code pattern)
  execute_process(COMMAND ${XUNCHA} ${ARGN}
                  RESULT_VARIABLE code OUTPUT_VARIABLE output ERROR_VARIABLE output)
  string(JOIN " " shown ${ARGN})
  if(NOT code STREQUAL "${expected_code}")
    message(SEND_ERROR "xuncha ${shown}: exit code ${code}, expected ${expected_code}\n${output}")
  elseif(NOT output MATCHES "${pattern}")
    message(SEND_ERROR "xuncha ${shown}: output does not match '${pattern}':\n${output}")
  else()
    message(STATUS "ok: xuncha ${shown} (exit ${code})")
  endif()
endfunction()

expect_run(0 "usage: xuncha <command>" --help)
expect_run(0 "usage: xuncha <command>" -h)
expect_run(0 "^xuncha [0-9]+\\.[0-9]+\\.[0-9]+\n$" --version)
expect_run(2 "usage: xuncha <command>")
expect_run(2 "unknown command 'chek'.*did you mean 'check'" chek a.xr)
expect_run(2 "unknown option '--bogus'" --bogus)

# Every command listed by --help answers --help with its own usage line.
execute_process(COMMAND ${XUNCHA} --help OUTPUT_VARIABLE help RESULT_VARIABLE code)
string(REGEX MATCH "commands:\n(  [^\n]+\n)+" listed "${help}")
string(REGEX MATCHALL "\n  [a-z]+" names "${listed}")
list(LENGTH names count)
if(count EQUAL 0)
  message(SEND_ERROR "xuncha --help lists no command:\n${help}")
endif()
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  expect_run(0 "usage: xuncha ${name}" ${name} --help)
endforeach()

expect_run(1 "XR0008" check does-not-exist.xr)
expect_run(2 "unknown option '--bogus' for 'xuncha check'" check --bogus does-not-exist.xr)
expect_run(2 "invalid value 'xml' for '--format'" check --format=xml does-not-exist.xr)
expect_run(2 "missing FILE argument" check)
