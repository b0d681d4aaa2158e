// The source-level differential fuzzer's generator (tests/differential): every seed of a fixed
// range gives a rule set the front end accepts, and together they reach every construct the
// engines must agree on, checked on the IR the front end makes of them. A generator that
// silently stops making something would leave that part of the engines unfuzzed.
#include "tests/differential/record_generator.h"
#include "tests/differential/source_generator.h"

#include "runtime/builtins/registry.h"
#include "xuncha/ruleset.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace xr::differential {
namespace {

constexpr std::uint64_t kFirstSeed = 1;
constexpr std::uint64_t kLastSeed = 300;

/// What a range of generated rule sets reached, from their IR.
struct Reach {
  std::set<std::size_t> statements; // Stmt::Body alternatives
  std::set<ir::TableStmt::Policy> policies;
  std::set<ir::IndicatorStmt::Missing> indicatorPolicies;
  std::set<bool> checkRaiseOnMissing;
  std::set<bool> weightedPoints;
  std::set<ir::Op> ops;
  std::set<builtins::Fn> functions;
  std::set<ir::AggregateKind> aggregates;
  std::set<ir::ErrorKind> errorSites;
  std::set<TypeKind> fieldKinds;
  bool optionalField = false, optionalParam = false, calendar = false, frequency = false;
  bool actionArgument = false, groupedReport = false, severalChecklists = false;
  std::size_t rejected = 0;
};

void collect(const ir::Program &p, Reach &r) {
  for (const ir::Stmt &s : p.statements) {
    r.statements.insert(s.body.index());
    if (const auto *t = std::get_if<ir::TableStmt>(&s.body))
      r.policies.insert(t->policy);
    if (const auto *i = std::get_if<ir::IndicatorStmt>(&s.body))
      r.indicatorPolicies.insert(i->missing);
    if (const auto *c = std::get_if<ir::CheckStmt>(&s.body))
      r.checkRaiseOnMissing.insert(c->raiseOnMissing);
    if (const auto *w = std::get_if<ir::WeightedStmt>(&s.body))
      r.weightedPoints.insert(w->points);
  }
  for (const ir::Node &n : p.nodes) {
    r.ops.insert(n.op);
    if (n.op == ir::Op::Call)
      r.functions.insert(static_cast<builtins::Fn>(n.a));
  }
  for (const ir::ErrorSite &e : p.errors)
    r.errorSites.insert(e.kind);
  for (const ir::FieldInfo &f : p.fields) {
    r.fieldKinds.insert(f.type.kind);
    r.optionalField = r.optionalField || f.type.optional;
  }
  for (const ir::ParamInfo &param : p.params)
    r.optionalParam = r.optionalParam || param.type.optional;
  r.calendar = r.calendar || !p.calendar.years.empty();
  for (const ir::ResultColumn &c : p.results)
    r.frequency = r.frequency || c.name == "frequency";
  for (const ir::EscalationInfo &e : p.escalations)
    for (const ir::ActionInfo &a : e.actions)
      r.actionArgument = r.actionArgument || a.argument != ir::kNoSlot;
  for (const ir::ReportInfo &report : p.reports) {
    r.groupedReport = r.groupedReport || report.groupBy != ir::kNoSlot;
    for (const ir::AggregateInfo &a : report.aggregates)
      r.aggregates.insert(a.kind);
  }
  r.severalChecklists = r.severalChecklists || p.checklists.size() > 1;
}

const Reach &reach() {
  static const Reach r = [] {
    Reach out;
    for (std::uint64_t seed = kFirstSeed; seed <= kLastSeed; ++seed) {
      const std::string text = generateRuleSet(seed).source.render();
      const xuncha::LoadResult loaded = xuncha::RuleSet::fromText("rules.xr", text);
      if (!loaded.ok()) {
        ++out.rejected;
        ADD_FAILURE() << "seed " << seed << " does not compile:\n"
                      << loaded.renderDiagnostics(false) << "\n"
                      << text;
        continue;
      }
      collect(loaded.ruleSet->program(), out);
    }
    return out;
  }();
  return r;
}

TEST(DifferentialGenerator, EverySeedCompilesWithoutErrors) { EXPECT_EQ(reach().rejected, 0u); }

TEST(DifferentialGenerator, TheSameSeedGivesTheSameTextAndRecords) {
  for (std::uint64_t seed : {1u, 77u, 1234u}) {
    const GeneratedRuleSet a = generateRuleSet(seed);
    const GeneratedRuleSet b = generateRuleSet(seed);
    EXPECT_EQ(a.source.render(), b.source.render());
    EXPECT_EQ(renderCsv(generateRecords(a.schema, 50, seed)),
              renderCsv(generateRecords(b.schema, 50, seed)));
  }
  EXPECT_NE(generateRuleSet(1).source.render(), generateRuleSet(2).source.render());
}

TEST(DifferentialGenerator, ReachesEveryStatementKindAndTablePolicy) {
  const Reach &r = reach();
  EXPECT_EQ(r.statements.size(), std::variant_size_v<ir::Stmt::Body>);
  EXPECT_EQ(r.policies.size(), 9u);          // first unique any priority collect sum min max count
  EXPECT_EQ(r.indicatorPolicies.size(), 4u); // not_assessed fail pass score N
  EXPECT_EQ(r.checkRaiseOnMissing.size(), 2u); // skip and flag
  EXPECT_EQ(r.weightedPoints.size(), 2u);      // shares and points
}

TEST(DifferentialGenerator, ReachesEveryOperationTheFrontEndLowers) {
  // SetHas is the one op no source reaches: a `collect` set cannot be read by an expression.
  const Reach &r = reach();
  for (int op = 0; op <= static_cast<int>(ir::Op::Aggregate); ++op) {
    const auto o = static_cast<ir::Op>(op);
    if (o != ir::Op::SetHas) {
      EXPECT_TRUE(r.ops.count(o)) << "no generated rule set has op " << ir::opName(o);
    }
  }
}

TEST(DifferentialGenerator, ReachesEveryBuiltinFunction) {
  const Reach &r = reach();
  for (const builtins::Builtin &b : builtins::all())
    EXPECT_TRUE(r.functions.count(b.id)) << "no generated rule set calls " << b.signature;
}

TEST(DifferentialGenerator, ReachesEveryKindOfRecordError) {
  // NoRowMatched is reserved: no construct of the language raises it (docs/language.md 8.2).
  // Dates out of range and dates no calendar covers are raised by failable built-ins (date
  // arithmetic lowers to add_days and add_workdays), whose sites are BuiltinFailed: the kernel's
  // error code says which; ReachesEveryBuiltinFunction covers those calls.
  const std::set<ir::ErrorKind> notSites = {
      ir::ErrorKind::NoRowMatched, ir::ErrorKind::DateOutOfRange, ir::ErrorKind::NoCalendar};
  const Reach &r = reach();
  for (int k = 0; k <= static_cast<int>(ir::ErrorKind::BuiltinFailed); ++k) {
    const auto kind = static_cast<ir::ErrorKind>(k);
    if (!notSites.count(kind)) {
      EXPECT_TRUE(r.errorSites.count(kind)) << "no error site of kind " << k;
    }
  }
}

TEST(DifferentialGenerator, ReachesEveryFieldTypeAggregateAndDeclarationShape) {
  const Reach &r = reach();
  for (TypeKind k : {TypeKind::Bool, TypeKind::Int, TypeKind::Number, TypeKind::Text,
                     TypeKind::Date, TypeKind::Enum})
    EXPECT_TRUE(r.fieldKinds.count(k)) << "no field of kind " << static_cast<int>(k);
  EXPECT_EQ(r.aggregates.size(), 9u); // count count() rate sum avg min max top bottom
  EXPECT_TRUE(r.optionalField);
  EXPECT_TRUE(r.optionalParam);
  EXPECT_TRUE(r.calendar);
  EXPECT_TRUE(r.frequency);
  EXPECT_TRUE(r.actionArgument);
  EXPECT_TRUE(r.groupedReport);
  EXPECT_TRUE(r.severalChecklists);
}

TEST(DifferentialGenerator, RecordsHaveEmptyCellsOnlyForOptionalFieldsAndUniqueKeys) {
  const GeneratedRuleSet g = generateRuleSet(5);
  const RecordTable records = generateRecords(g.schema, 400, 99);
  std::set<std::string> keys;
  bool someEmpty = false;
  for (const auto &row : records.rows) {
    ASSERT_EQ(row.size(), g.schema.fields.size());
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (row[c].empty()) {
        EXPECT_TRUE(g.schema.fields[c].optional) << g.schema.fields[c].name;
        someEmpty = true;
      }
      if (g.schema.fields[c].key) {
        EXPECT_TRUE(keys.insert(row[c]).second) << "duplicate key " << row[c];
      }
    }
  }
  EXPECT_TRUE(someEmpty);
}

} // namespace
} // namespace xr::differential
