#pragma once
// Running the `test` blocks of a compiled rule set (`xuncha test`): every ir::TestCase is one
// record evaluated by the interpreter, then its expectations checked against the results.
// What a case reports on failure is what a person needs to fix it: each failed expectation
// with the values it compared, the record, the params and where the case is written.
#include "compiler/driver/compilation.h"
#include "compiler/ir/ir.h"

#include <cstdint>
#include <string>
#include <vector>

namespace xr::testrun {

/// A value a failed expectation shows: `tier = yellow`.
struct ShownValue {
  std::string expression; // "tier"
  ir::Constant value;
  std::string error; // the evaluation of the value raised a record error (its message)
};

struct FailedExpectation {
  std::string text;     // "tier == blue", as written
  std::string location; // "rulesets/x.xr:142"
  std::uint32_t line = 0;
  /// Why it failed: "false", "missing" (a missing condition is not true) or "error".
  std::string outcome;
  std::string error; // outcome "error": the message of the error the expectation raised
  std::vector<ShownValue> shown;
};

struct CaseResult {
  std::string title; // "title" or "title [row 3]"
  std::string file;  // the rule file's path as the compilation names it
  std::uint32_t line = 0;
  bool passed = false;
  /// A failure of the case as a whole (no expectation to blame): a record error the case did not
  /// expect, an expected error that did not happen or has another message. Empty otherwise.
  std::string problem;
  std::vector<FailedExpectation> failures;
  /// The record's present fields and the params the case gives, in declaration order.
  std::vector<std::pair<std::string, ir::Constant>> record;
  std::vector<std::pair<std::string, ir::Constant>> params;
};

/// Runs the test cases of `compilation` (which must have a program) whose title contains
/// `filter` (every case when empty), in source order, on the interpreter.
std::vector<CaseResult> runTests(const Compilation &compilation, const std::string &filter = {});

/// Which back end evaluates the cases' records (`xuncha test --engine`). The expectations and
/// the values a failure shows are test-only expressions over the evaluated frame: the
/// interpreter computes them on either engine, from the results the chosen engine wrote.
enum class TestEngine : std::uint8_t {
  Interpreter,
  Jit,  // native code compiled for the rule set (runtime/jit)
  Auto, // the JIT when the rule set's code is in a cache, else the interpreter (a handful of
        // records never pays for compiling, as under `xuncha run --engine auto`)
};

struct TestOptions {
  std::string filter;
  TestEngine engine = TestEngine::Interpreter;
  std::string cacheDir; // the JIT's disk cache of compiled code; "" for none
};

struct TestRun {
  /// The engine that evaluated the records: "interp" or "jit"; "" when none could.
  std::string engine;
  /// Under TestEngine::Jit, why the rule set could not be compiled (then no case ran).
  std::string error;
  std::vector<CaseResult> cases;
};

TestRun runTests(const Compilation &compilation, const TestOptions &options);

} // namespace xr::testrun
