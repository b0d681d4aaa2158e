// xuncha_differential_fuzz: random rule sets and records through both engines, compared byte
// for byte (docs/testing.md, "Differential fuzzing of the engines"). A difference is shrunk to
// a small rule file and record set and, with --out, saved as DIR/case-<seed>/.
#include "tests/differential/case_shrinker.h"
#include "tests/differential/engine_comparison.h"
#include "tests/differential/record_generator.h"
#include "tests/differential/source_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace {

using namespace xr::differential;

constexpr const char *kUsage =
    R"(usage: xuncha_differential_fuzz [options]

Generates random well-typed rule sets and records, runs each on the interpreter and on the JIT
through xuncha::run, and compares the results, errors and report files byte for byte.

  --seconds N      run new seeds for N seconds (default: 60 seeds, then stop)
  --seed N         run the one seed N (to reproduce a failure)
  --first-seed N   the first seed (default 1); seeds go up by one
  --records N      records per rule set (default 300)
  --out DIR        save each shrunk failure as DIR/case-<seed>/{rules.xr,records.csv,
                   difference.txt} (default: print it only)
  --keep-going     go on after a difference (default: stop at the first)
  --shrink-seconds N  time allowed to shrink one failure (default 300)
  --print          print the rule set and records of --seed N (or of --first-seed) and stop
  --help           this text

Exit status: 0 when every case agreed, 1 when the engines differed (or a generated rule set
did not compile, a bug of the generator), 2 on a usage error.
)";

struct Options {
  std::optional<double> seconds;
  std::optional<std::uint64_t> seed;
  std::uint64_t firstSeed = 1;
  std::size_t records = 300;
  std::string out;
  bool keepGoing = false;
  bool print = false;
  double shrinkSeconds = 300;
};

std::optional<Options> parse(int argc, char **argv, std::string &error) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) {
        error = fmt::format("{} needs a value", arg);
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    const auto number = [&](auto &target) -> bool {
      const std::optional<std::string> v = value();
      if (!v)
        return false;
      try {
        std::size_t used = 0;
        const double d = std::stod(*v, &used);
        if (used != v->size() || d < 0)
          throw std::invalid_argument(*v);
        target = static_cast<std::remove_reference_t<decltype(target)>>(d);
        return true;
      } catch (const std::exception &) {
        error = fmt::format("{} needs a non-negative number, not '{}'", arg, *v);
        return false;
      }
    };
    if (arg == "--seconds") {
      double s = 0;
      if (!number(s))
        return std::nullopt;
      o.seconds = s;
    } else if (arg == "--seed") {
      std::uint64_t s = 0;
      if (!number(s))
        return std::nullopt;
      o.seed = s;
    } else if (arg == "--first-seed") {
      if (!number(o.firstSeed))
        return std::nullopt;
    } else if (arg == "--records") {
      if (!number(o.records) || o.records == 0) {
        if (error.empty())
          error = "--records needs at least 1";
        return std::nullopt;
      }
    } else if (arg == "--shrink-seconds") {
      if (!number(o.shrinkSeconds))
        return std::nullopt;
    } else if (arg == "--out") {
      const std::optional<std::string> v = value();
      if (!v)
        return std::nullopt;
      o.out = *v;
    } else if (arg == "--print") {
      o.print = true;
    } else if (arg == "--keep-going") {
      o.keepGoing = true;
    } else {
      error = fmt::format("unknown option '{}' (see --help)", arg);
      return std::nullopt;
    }
  }
  return o;
}

/// The engine settings of a seed: two JIT threads and small chunks for some seeds.
ComparisonOptions comparisonFor(std::uint64_t seed) {
  ComparisonOptions c;
  c.jitThreads = seed % 3 == 0 ? 2 : 1;
  c.chunkBytes = seed % 2 == 0 ? 2048 : 1u << 20;
  c.alsoAuto = seed % 4 == 0; // with small chunks, so that auto switches engines mid-run
  c.jitKeepsEverySlot = seed % 5 == 0;
  c.indicators = seed % 5 != 3;
  return c;
}

std::uint64_t recordSeed(std::uint64_t seed) { return seed * 7919 + 1; }

enum class Verdict { Agreed, Differed, DidNotCompile };

/// Records evaluated, and of them ended in a record error, over the whole run: a fuzzer whose
/// records mostly fail compares little else.
struct Tally {
  std::uint64_t records = 0, recordErrors = 0, rejected = 0;
};

Verdict runSeed(std::uint64_t seed, const Options &o, Tally &tally) {
  const GeneratedRuleSet generated = generateRuleSet(seed);
  const RecordTable records = generateRecords(generated.schema, o.records, recordSeed(seed));
  ComparisonOptions settings = comparisonFor(seed);
  settings.autoJitRecords = std::max<std::uint64_t>(1, o.records / 3);
  const std::string text = generated.source.render();
  const Comparison c = compareEngines(text, renderCsv(records), settings);
  if (!c.compiled) {
    std::fprintf(stderr,
                 "seed %llu: the generated rule set does not compile (a generator bug)\n%s\n%s\n",
                 static_cast<unsigned long long>(seed), text.c_str(), c.diagnostics.c_str());
    return Verdict::DidNotCompile;
  }
  tally.records += c.records;
  tally.recordErrors += c.recordErrors;
  tally.rejected += c.rejected;
  if (!c.differ)
    return Verdict::Agreed;
  std::fprintf(stderr, "seed %llu: the engines differ\n%s", static_cast<unsigned long long>(seed),
               c.difference.c_str());
  ShrinkOptions shrinking;
  shrinking.comparison = settings;
  shrinking.seconds = o.shrinkSeconds;
  const FailingCase shrunk = shrinkCase({generated.source, records, c.difference}, shrinking);
  const std::string note = fmt::format(
      "seed {} (xuncha_differential_fuzz --seed {} --records {}), interpreter {} thread(s), JIT "
      "{} thread(s) keeping {} slots, {} input bytes per chunk, {} --indicators{}\n",
      seed, seed, o.records, settings.interpreterThreads, settings.jitThreads,
      settings.jitKeepsEverySlot ? "all" : "the run's", settings.chunkBytes,
      settings.indicators ? "with" : "without",
      settings.alsoAuto
          ? fmt::format(", also engine auto switching after {} records", settings.autoJitRecords)
          : "");
  std::fprintf(stderr, "shrunk to %zu record(s):\n%s\n%s\n", shrunk.records.rows.size(),
               shrunk.source.render().c_str(), renderCsv(shrunk.records).c_str());
  std::fprintf(stderr, "%s", shrunk.difference.c_str());
  if (!o.out.empty()) {
    const std::string dir = fmt::format("{}/case-{}", o.out, seed);
    saveCase(shrunk, dir, note, settings);
    std::fprintf(stderr, "saved in %s\n", dir.c_str());
  }
  return Verdict::Differed;
}

} // namespace

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
  std::string error;
  const std::optional<Options> options = parse(argc, argv, error);
  if (!options) {
    std::fprintf(stderr, "xuncha_differential_fuzz: %s\n", error.c_str());
    return 2;
  }
  const Options &o = *options;
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const std::uint64_t first = o.seed ? *o.seed : o.firstSeed;
  if (o.print) {
    const GeneratedRuleSet generated = generateRuleSet(first);
    std::printf("%s\n%s", generated.source.render().c_str(),
                renderCsv(generateRecords(generated.schema, o.records, recordSeed(first))).c_str());
    return 0;
  }
  std::uint64_t agreed = 0, differed = 0, broken = 0, last = first;
  Tally tally;
  for (std::uint64_t seed = first;; ++seed) {
    last = seed;
    const Verdict v = runSeed(seed, o, tally);
    agreed += v == Verdict::Agreed;
    differed += v == Verdict::Differed;
    broken += v == Verdict::DidNotCompile;
    if (v != Verdict::Agreed && !o.keepGoing)
      break;
    if (o.seed)
      break;
    if (o.seconds ? elapsed() >= *o.seconds : seed - first + 1 >= 60)
      break;
  }
  std::printf("differential fuzz: seeds %llu..%llu: %llu agreed, %llu differed",
              static_cast<unsigned long long>(first), static_cast<unsigned long long>(last),
              static_cast<unsigned long long>(agreed), static_cast<unsigned long long>(differed));
  if (broken)
    std::printf(", %llu did not compile", static_cast<unsigned long long>(broken));
  std::printf(" in %.1f s (%llu records, %.0f%% of them record errors", elapsed(),
              static_cast<unsigned long long>(tally.records),
              tally.records ? 100.0 * static_cast<double>(tally.recordErrors) /
                                  static_cast<double>(tally.records)
                            : 0.0);
  // The generated records are all readable: rows the loader rejects are a generator bug.
  if (tally.rejected)
    std::printf(", %llu unreadable rows", static_cast<unsigned long long>(tally.rejected));
  std::printf(")\n");
  return differed || broken ? 1 : 0;
}
