#pragma once
// Differential testing of the JIT against the interpreter: random records of any program's
// record type (missing values and edge values included), and a check that both engines give
// the same results bit for bit (batch::sameResults).
#include "compiler/ir/ir.h"
#include "interp_test_support.h"
#include "runtime/batch/batch.h"
#include "runtime/batch/results.h"
#include "runtime/builtins/dates.h"
#include "runtime/interp/interpreter.h"
#include "runtime/jit/compiled_program.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace xr::testing {

/// Compiles a program for the JIT; fails the test (and returns null) when it cannot.
inline std::unique_ptr<jit::CompiledProgram> compileJit(const ir::Program &p) {
  std::string error;
  auto compiled = jit::CompiledProgram::compile(p, error);
  EXPECT_TRUE(compiled) << error;
  return compiled;
}

/// Random records for any program: each field by its type, drawn from small ranges (so that
/// comparisons go both ways and tables match several rows), with edge values (zero, -0, the
/// int extremes, dates near the ends of the calendar range, empty and non-ASCII text) and
/// missing values (often in optional fields, now and then in the others).
inline batch::Batch randomRecords(const ir::Program &p, std::size_t rows, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto chance = [&](double q) { return std::uniform_real_distribution<double>(0, 1)(rng) < q; };
  auto pickInt = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  const char *texts[] = {"", "a", "abc", "巡查", "杭州", "宁波市", "91330100MA0000001X", "x y"};
  const std::int32_t firstDay = *dates::makeDate(2022, 10, 1);
  const std::int32_t lastDay = *dates::makeDate(2026, 3, 31);
  batch::Batch b(p);
  b.resize(rows);
  for (std::uint32_t f = 0; f < p.fields.size(); ++f) {
    const Type &type = p.fields[f].type;
    const double missingRate = type.optional ? 0.2 : 0.02;
    for (std::size_t row = 0; row < rows; ++row) {
      if (chance(missingRate)) {
        b.setMissing(f, row);
        continue;
      }
      switch (type.kind) {
      case TypeKind::Bool:
        b.setBool(f, row, chance(0.5));
        break;
      case TypeKind::Int:
        if (chance(0.01))
          b.setInt(f, row,
                   chance(0.5) ? std::numeric_limits<std::int64_t>::max()
                               : std::numeric_limits<std::int64_t>::min());
        else
          b.setInt(f, row, chance(0.8) ? pickInt(0, 12) : pickInt(-5, 200));
        break;
      case TypeKind::Number: {
        double v = 0;
        const std::int64_t shape = pickInt(0, 9);
        if (shape <= 3)
          v = std::uniform_real_distribution<double>(0, 1)(rng); // rates
        else if (shape <= 6)
          v = std::uniform_real_distribution<double>(0, 150)(rng);
        else if (shape == 7)
          v = static_cast<double>(pickInt(0, 100)); // whole numbers hit boundaries
        else if (shape == 8)
          v = chance(0.5) ? 0.0 : -0.0;
        else
          v = std::uniform_real_distribution<double>(-1e6, 1e7)(rng);
        b.setNumber(f, row, v);
        break;
      }
      case TypeKind::Date:
        if (chance(0.01))
          b.setDate(f, row, chance(0.5) ? dates::kMinDays : dates::kMaxDays);
        else
          b.setDate(f, row, static_cast<std::int32_t>(pickInt(firstDay, lastDay)));
        break;
      case TypeKind::Enum: {
        const auto members = static_cast<std::int64_t>(p.enums.get(type.enumId).members.size());
        b.setEnum(f, row, static_cast<std::int32_t>(pickInt(0, members - 1)));
        break;
      }
      case TypeKind::Text:
        b.setText(f, row, texts[pickInt(0, std::size(texts) - 1)]);
        break;
      default:
        b.setMissing(f, row);
        break;
      }
    }
  }
  return b;
}

/// The default params of a program (every param must have one).
inline batch::ParamValues defaultParams(const ir::Program &p) {
  std::vector<std::string> errors;
  auto bound = batch::ParamValues::bind(p, std::vector<batch::ParamOverride>{}, errors);
  if (!bound)
    throw std::runtime_error("params do not bind: " + (errors.empty() ? "" : errors.front()));
  return *bound;
}

/// Evaluates `batch` on both engines and expects the same results; returns the JIT's.
inline batch::Results expectEnginesAgree(const ir::Program &p, const jit::CompiledProgram &jit,
                                         const batch::Batch &batch,
                                         const batch::ParamValues &params,
                                         const std::string &what = "") {
  interp::Interpreter interpreter(p);
  batch::Results expected;
  interpreter.evaluate(batch, params, expected);
  batch::Results actual;
  jit.evaluate(batch, params, actual);
  expected.keepOnly(actual.kept()); // the slots the JIT was compiled to keep
  std::string difference;
  EXPECT_TRUE(batch::sameResults(p, expected, actual, &difference)) << what << ": " << difference;
  return actual;
}

/// The JIT's results for the rows (default params), after checking that the interpreter's are
/// the same bit for bit: the JIT's counterpart of interp_test_support.h's run().
inline batch::Results runBoth(const ir::Program &p,
                              const std::vector<std::vector<ir::Constant>> &rows) {
  auto jit = compileJit(p);
  if (!jit)
    throw std::runtime_error("the program does not compile");
  return expectEnginesAgree(p, *jit, makeBatch(p, rows), defaultParams(p));
}

} // namespace xr::testing
