// Type checking: the typing rules of design-decisions.md "Types", contextual enum members,
// built-in calls, aggregates, units, constants, tables and outputs.
#include "sema_core_support.h"

namespace xr::testing {
namespace {

TEST(SemaCoreTypes, ArithmeticAndComparisonTypes) {
  const std::string src = withPrelude("let a = n + 1\n"
                                      "let b = n + ratio\n"
                                      "let c = n / 2\n"
                                      "let d = since + 5 days\n"
                                      "let e = since - 2024-01-01\n"
                                      "let f = since - 3 days\n"
                                      "let g = -n\n"
                                      "let h = n * 40%\n"
                                      "let i = opt + 1\n"
                                      "let j = if ok then 1 else 2.5\n"
                                      "let k = abs(n)\n"
                                      "let l = abs(ratio)\n"
                                      "let m = max(n, ratio)\n"
                                      "let o = round(ratio)\n"
                                      "let p = any critical fails\n"
                                      "let q = count indicator in dom passes\n"
                                      "let r = I1.score\n"
                                      "let s = 5 days + since\n");
  auto c = compileSource(src);
  ASSERT_TRUE(noErrors(*c));
  EXPECT_EQ(letType(*c, "a"), Type::integer());
  EXPECT_EQ(letType(*c, "b"), Type::number());
  EXPECT_EQ(letType(*c, "c"), Type::number()); // int / int is number division
  EXPECT_EQ(letType(*c, "d"), Type::date());
  EXPECT_EQ(letType(*c, "e"), Type::integer()); // days between
  EXPECT_EQ(letType(*c, "f"), Type::date());
  EXPECT_EQ(letType(*c, "g"), Type::integer());
  EXPECT_EQ(letType(*c, "h"), Type::number());
  EXPECT_EQ(letType(*c, "i"), Type::number(true));
  EXPECT_EQ(letType(*c, "j"), Type::number());
  EXPECT_EQ(letType(*c, "k"), Type::integer());
  EXPECT_EQ(letType(*c, "l"), Type::number());
  EXPECT_EQ(letType(*c, "m"), Type::number());
  EXPECT_EQ(letType(*c, "o"), Type::integer());
  EXPECT_EQ(letType(*c, "p"), Type::boolean());
  EXPECT_EQ(letType(*c, "q"), Type::integer());
  EXPECT_EQ(letType(*c, "r"), Type::number(true));
  EXPECT_EQ(letType(*c, "s"), Type::date());
  // Built-in calls resolve to the chosen overload.
  auto m = c->model->lookup("m");
  auto call = c->model->resolution(*c->model->lets[m->index].value);
  ASSERT_TRUE(call);
  EXPECT_EQ(call->kind, sema::SymbolKind::Builtin);
  EXPECT_EQ(c->model->nameOf(*call), "max");
}

TEST(SemaCoreTypes, UsesBeforeDeclarationsAreTyped) {
  const std::string src = withPrelude("let late = early * 2\nlet early = ratio + 1\n");
  auto c = compileSource(src);
  ASSERT_TRUE(noErrors(*c));
  EXPECT_EQ(letType(*c, "late"), Type::number());
}

TEST(SemaCoreTypes, TypeMismatchNamesBothTypes) {
  const std::string src =
      withPrelude("let a = since > 3\nlet b = name + 1\nlet c = name < \"x\"\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "> 3"), "cannot compare date with int"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "+ 1"), "cannot add text and int"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "< \"x\""),
                            "text values cannot be ordered with '<'"));
}

TEST(SemaCoreTypes, DatePlusNumberSuggestsADuration) {
  const std::string src = withPrelude("let a = since + 5\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "+ 5"),
                            "cannot add date and int; write a duration: `+ 5 days`"));
}

TEST(SemaCoreTypes, DurationsOnlyInDateArithmetic) {
  const std::string src = withPrelude("let a = 5 days\nlet b = n + 2 days\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "5 days"),
                            "a duration can only be added to or subtracted from a date"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "+ 2"),
                            "cannot add a duration to int; durations go with dates"));
}

TEST(SemaCoreTypes, ConditionsMustBeBool) {
  const std::string src = withPrelude("rule r when n { }\nchecklist two for name { I1 }\n"
                                      "let x = not n\nlet y = ok and n\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0302", locate(src, "n {"),
                            "the condition of rule r must be a bool, not int"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0302", locate(src, "name {"),
                            "the selector of checklist two must be a bool, not text"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0302", locate(src, "not n"), "'not' needs a bool, not int"));
  LineColumn right = locate(src, "ok and n");
  right.column += 7;
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0302", right, "'and' needs bool operands; its right side is int"));
}

TEST(SemaCoreTypes, BadCallsListTheSignatures) {
  const std::string src = withPrelude("let a = abs(n, 2)\nlet b = abs(name)\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0304", locate(src, "abs(n, 2)"),
                            "abs() does not take 2 arguments: abs(int) -> int"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0304", locate(src, "abs(name)"), "abs() cannot take (text)"));
}

TEST(SemaCoreTypes, UnknownFunctionSuggests) {
  const std::string src = withPrelude("let a = rond(ratio)\nlet b = today()\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0311", locate(src, "rond"),
                            "unknown function 'rond'; did you mean 'round'?"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0311", locate(src, "today"), "rule files read no clock"));
}

TEST(SemaCoreTypes, DifferentEnumsAreXR0305) {
  const std::string src = withPrelude("let a = size == credit\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0305", locate(src, "=="),
                            "cannot compare enum E.size with enum E.credit"));
}

TEST(SemaCoreTypes, UnitsMustAgree) {
  const std::string src = withPrelude("param limit: number unit \"g/m3\" = 1\n"
                                      "param per_t: number unit \"mg/m3/t\" = 1\n"
                                      "let a = so2 > limit\n"
                                      "let b = so2 / output_t > per_t\n"
                                      "let c = so2 + 5\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0306", locate(src, "> limit"),
                    "units do not agree: cannot compare 'so2' in mg/m3 and 'limit' in g/m3"));
  EXPECT_EQ(countDiagnostics(*c, "XR0306"), 1u); // mg/m3 / t agrees with mg/m3/t
  EXPECT_EQ(findDiagnostic(*c, "XR0306")->severity, Severity::Warning);
  // Units are recorded: so2 / output_t is in mg/(m3*t).
  auto b = c->model->lookup("b");
  const auto &cmp = ast::as<ast::BinaryExpr>(*c->model->lets[b->index].value);
  EXPECT_EQ(c->model->exprUnits.at(cmp.lhs->id), "mg/m3/t");
}

TEST(SemaCoreTypes, NumberWhereIntIsNeededIsXR0307) {
  const std::string src = withPrelude("output visits: int = 0\n"
                                      "rule r when ok { visits = ratio * 2 }\n"
                                      "let d = since + ratio days\n"
                                      "let e = add_days(since, ratio)\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0307", locate(src, "ratio * 2"),
                    "the value assigned to visits is a number, but output visits is an int"));
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0307", locate(src, "ratio days"), "a number of days must be an int"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0307", locate(src, "ratio)"),
                            "argument 2 of add_days() must be an int"));
}

TEST(SemaCoreTypes, AssignmentsOnlyToOutputs) {
  const std::string src = withPrelude("output level: int = 0\nlet x = 1\n"
                                      "rule r when ok { x = 2\n levle = 3\n level = \"high\" }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0308", locate(src, "x = 2"),
                            "cannot assign to let 'x': a rule assigns only outputs"));
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0308", locate(src, "levle"),
                    "cannot assign to 'levle': it is not an output; did you mean 'level'?"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "\"high\""),
                            "the value assigned to level is text, but output level is int"));
}

TEST(SemaCoreTypes, DivisionByConstantZero) {
  const std::string src = withPrelude("let a = n / 0\nlet b = n / (2 - 2)\nlet c = n / 0.5\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0310", locate(src, "0\n"),
                            "division by zero: the divisor is the constant 0"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0310", locate(src, "2 - 2"), "the divisor 2 - 2 is always 0"));
  EXPECT_EQ(countDiagnostics(*c, "XR0310"), 2u);
}

TEST(SemaCoreTypes, AggregatesOnlyInReports) {
  const std::string src = withPrelude("let a = avg(ratio)\nlet b = count\n"
                                      "report r { m = max(n)\n x = n\n y = sum(rate(ok)) }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0312", locate(src, "avg"),
                            "avg() is an aggregate over the records of a population"));
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0312", locate(src, "count\n"),
                    "'count' is an aggregate; aggregates can only be used in a report item"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0312", locate(src, "rate"), "aggregates cannot be nested"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0108", locate(src, "n\n y"), "field 'n' is a per-record value"));
  auto r = c->model->lookup("r");
  ASSERT_TRUE(r);
  EXPECT_EQ(c->model->reports[r->index].items[0].type, Type::integer(true));
}

TEST(SemaCoreTypes, ReportAggregatesResolve) {
  const std::string src = withPrelude("report by size {\n"
                                      "  total = count\n"
                                      "  passing = count(I1 passes)\n"
                                      "  share = rate(ok) target >= 95%\n"
                                      "  spent = sum(n)\n"
                                      "  worst = bottom(3, ratio)\n"
                                      "  need = ceil(count / 50)\n"
                                      "}\n");
  auto c = compileSource(src);
  ASSERT_TRUE(noErrors(*c));
  const sema::ReportInfo &r = c->model->reports.at(0);
  EXPECT_EQ(r.name, "by_size");
  auto kind = [&](std::size_t item) {
    auto ref = c->model->resolution(*r.items[item].value);
    return ref ? static_cast<sema::AggregateKind>(ref->index) : sema::AggregateKind::Top;
  };
  EXPECT_EQ(kind(0), sema::AggregateKind::Count);
  EXPECT_EQ(kind(1), sema::AggregateKind::CountIf);
  EXPECT_EQ(kind(2), sema::AggregateKind::Rate);
  EXPECT_EQ(kind(3), sema::AggregateKind::Sum);
  EXPECT_EQ(kind(4), sema::AggregateKind::Bottom);
  EXPECT_EQ(r.items[3].type, Type::integer());
  EXPECT_EQ(r.items[4].type, Type::text());
  EXPECT_EQ(r.items[5].type, Type::integer());
}

TEST(SemaCoreTypes, ConstantsWhereRequired) {
  const std::string src = withPrelude("param start: date = since\nparam k: int = -3\n"
                                      "report r { top5 = top(n, ratio) }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0313", locate(src, "since\n"),
                            "the default of param start must be a constant"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0313", locate(src, "n, ratio"),
                            "the count of top() must be a positive whole number"));
  EXPECT_EQ(countDiagnostics(*c, "XR0313"), 2u);
}

TEST(SemaCoreTypes, ConstantScoreOutOfRange) {
  const std::string src = std::string(kRecordPrelude) +
                          "domain dom weight 100%\nchecklist all_ for true { all }\n"
                          "indicator I1 in dom weight 100% { score = if ok then 120 else 60\n"
                          "  missing => score 101 }\nscore s = -1\n";
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0210", locate(src, "120"),
                            "the score of indicator I1 can be 120, outside 0..100"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0210", locate(src, "score 101"),
                            "`missing => score 101` in indicator I1 is outside 0..100"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0210", locate(src, "-1"), "score s can be -1"));
}

TEST(SemaCoreTypes, WeightedOnlyAsTheWholeScore) {
  const std::string src = withPrelude("score good = weighted(checklist)\n"
                                      "score bad = weighted(checklist) * 2\n"
                                      "let worse = weighted(checklist)\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0213", locate(src, "weighted", 2),
                            "weighted(checklist) can only be the whole value of a score"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0213", locate(src, "weighted", 3), "weighted(checklist)"));
  auto good = c->model->lookup("good");
  EXPECT_TRUE(c->model->scores[good->index].weighted);
  EXPECT_EQ(countDiagnostics(*c, "XR0213"), 2u);
}

TEST(SemaCoreTypes, WorkingDaysNeedACalendar) {
  const std::string src = withPrelude("deadline due = since + 5 working days\n"
                                      "let w = is_workday(since)\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0701", locate(src, "5 working days"), "working days need a calendar"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0701", locate(src, "is_workday"), "needs a calendar"));
  // With a calendar (here in an imported file) both are fine.
  auto ok = compileFiles("main.xr", {{"main.xr", "import \"cal.xr\"\n" + src},
                                     {"cal.xr", "calendar c year 2024 { holiday 2024-10-01 }\n"}});
  EXPECT_EQ(countDiagnostics(*ok, "XR0701"), 0u);
}

TEST(SemaCoreTypes, ContextualEnumMembers) {
  const std::string src = withPrelude("enum Level { low \"低\", high \"高\" }\n"
                                      "output level: Level = low\n"
                                      "rule up when size == big and credit in [A, B] {\n"
                                      "  level = if credit == C then \"高\" else low\n}\n"
                                      "let small_firm = \"小型\" == size\n"
                                      "let label = size == \"big\"\n");
  auto c = compileSource(src);
  ASSERT_TRUE(noErrors(*c));
  const sema::Model &m = *c->model;
  // `"高"` written by its label resolves to the member.
  const sema::RuleInfo &rule = m.rules.at(0);
  const auto &ifExpr = ast::as<ast::IfExpr>(*rule.assignments.at(0).value);
  auto high = m.resolution(*ifExpr.thenExpr);
  ASSERT_TRUE(high);
  EXPECT_EQ(m.nameOf(*high), "Level.high");
  EXPECT_EQ(m.typeOf(*ifExpr.thenExpr)->kind, TypeKind::Enum);
  auto small = m.lookup("small_firm");
  const auto &eq = ast::as<ast::BinaryExpr>(*m.lets[small->index].value);
  EXPECT_EQ(m.nameOf(*m.resolution(*eq.lhs)), "E.size.small");
  EXPECT_EQ(m.lets[small->index].type, Type::boolean());
}

TEST(SemaCoreTypes, TableOutcomes) {
  const std::string src =
      withPrelude("table mixed { n > 1 => 1\n n > 2 => \"two\"\n otherwise => 3 }\n"
                  "table nums { n > 1 => 1\n otherwise => 2.5 }\n"
                  "enum Tier { red, blue }\n"
                  "table typed: Tier hit priority { n > 1 => red\n n > 2 => blu }\n"
                  "table implied { n > 1 => hot\n n > 3 => 4 }\n"
                  "table collected hit collect { n > 1 => a\n n > 2 => b }\n"
                  "table summed hit collect sum { n > 1 => 2\n n > 2 => 3 }\n"
                  "table pri hit priority { n > 1 => 1 }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0401", locate(src, "\"two\""),
                            "this outcome is text, but the outcomes of table mixed before it are "
                            "int"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0107", locate(src, "blu }"),
                            "'blu' is not a member of enum Tier; did you mean 'blue'?"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0401", locate(src, "4 }"),
                            "this outcome is int, but the other outcomes of table implied are "
                            "members of its enum implied"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0406", locate(src, "hit priority", 2),
                            "`hit priority` picks the outcome that comes first in its enum"));
  const sema::Model &m = *c->model;
  EXPECT_EQ(m.tables[m.lookup("nums")->index].type, Type::number());
  const sema::TableInfo &typed = m.tables[m.lookup("typed")->index];
  EXPECT_EQ(typed.outcomeType.kind, TypeKind::Enum);
  const sema::TableInfo &collected = m.tables[m.lookup("collected")->index];
  EXPECT_EQ(collected.type.kind, TypeKind::Set);
  EXPECT_EQ(m.enums.get(collected.type.enumId).name, "collected");
  EXPECT_EQ(m.tables[m.lookup("summed")->index].type, Type::integer());
}

TEST(SemaCoreTypes, ACollectCountTableIsAnIntOtherwiseToo) {
  // Its value is the number of matching rows, or its otherwise when none matches: an int that
  // is never missing. Anything else was accepted and lowered to IR the engines refused.
  const std::string src = withPrelude("table declared: number hit collect count { n > 1 => 1 }\n"
                                      "table fraction hit collect count { n > 1 => 1\n"
                                      " otherwise => 2.5 }\n"
                                      "table maybe hit collect count { n > 1 => 1\n"
                                      " otherwise => round(opt) }\n"
                                      "table fine: int hit collect count { n > 1 => 1\n"
                                      " otherwise => 7 }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0406", locate(src, "hit collect count"),
                            "`hit collect count` counts the matching rows, so table declared "
                            "gives an int, not number; declare it `: int` or leave the type out"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "2.5"),
                            "the otherwise row of table fraction gives its count when no row "
                            "matches, so it must be an int that is never missing, but it is "
                            "number"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0301", locate(src, "round(opt)"),
                            "the otherwise row of table maybe gives its count when no row matches, "
                            "so it must be an int that is never missing, but it may be missing"));
  const sema::Model &m = *c->model;
  EXPECT_EQ(m.tables[m.lookup("fine")->index].type, Type::integer());
}

TEST(SemaCoreTypes, FrequencyEntries) {
  const std::string src = withPrelude("table tier { n > 5 => red\n otherwise => blue }\n"
                                      "frequency by tier { red: 4, bleu: 1 }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0107", locate(src, "bleu"),
                            "'bleu' is not an outcome of table tier; did you mean 'blue'?"));
  const sema::OutputInfo &freq = c->model->outputs[c->model->lookup("frequency")->index];
  ASSERT_EQ(freq.frequencyValues.size(), 2u);
  EXPECT_TRUE(freq.frequencyValues[0]);
  EXPECT_FALSE(freq.frequencyValues[1]); // left for XR0405
}

TEST(SemaCoreTypes, LongChainsOfValuesDoNotExhaustTheStack) {
  // Each let reads the one declared after it: typing on demand would nest 20000 deep.
  std::string chain = kPrelude;
  const int n = 20000;
  for (int i = 0; i < n; ++i)
    chain += "let v" + std::to_string(i) + " = v" + std::to_string(i + 1) + " + 1\n";
  chain += "let v" + std::to_string(n) + " = ratio\n";
  auto c = compileSource(chain);
  EXPECT_TRUE(noErrors(*c));
  EXPECT_EQ(letType(*c, "v0"), Type::number());

  // A cycle through as many lets is reported (XR0501), not a crash.
  std::string cycle = kPrelude;
  for (int i = 0; i < n; ++i)
    cycle += "let w" + std::to_string(i) + " = w" + std::to_string((i + 1) % n) + " + 1\n";
  auto cyclic = compileSource(cycle);
  EXPECT_EQ(countDiagnostics(*cyclic, "XR0501"), 1u);
  EXPECT_EQ(cyclic->diagnostics.errorCount(), 1u);
}

TEST(SemaCoreTypes, IndicatorWithoutLogic) {
  const std::string src = std::string(kRecordPrelude) +
                          "domain dom weight 100%\nchecklist all_ for true { all }\n"
                          "indicator I1 in dom weight 100% { basis \"x\" }\n";
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0208", locate(src, "I1"),
                            "indicator I1 has neither a score nor a pass condition"));
}

} // namespace
} // namespace xr::testing
