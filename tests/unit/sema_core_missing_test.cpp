// Missing values: optional types computed bottom-up (Kleene and/or, `??`, `is missing`),
// policies of indicators and checks (XR0303, XR0314), needless checks (XR0309), values
// consumed where they cannot be missing.
#include "sema_core_support.h"

namespace xr::testing {
namespace {

/// One indicator I1 with `body`, in a rule set where it is the only one.
std::string indicator(const std::string &body) {
  return std::string(kRecordPrelude) + "domain dom weight 100%\nchecklist all_ for true { all }\n" +
         "indicator I1 in dom weight 100% {\n" + body + "}\n";
}

TEST(SemaCoreMissing, OptionalityIsComputedBottomUp) {
  const std::string src = withPrelude("let a = opt + 1\n"
                                      "let b = opt ?? 0\n"
                                      "let c = opt is missing\n"
                                      "let d = ok and opt > 1\n"
                                      "let e = opt > 1 or ok\n"
                                      "let f = if opt > 1 then 1 else 2\n"
                                      "let g = if ok then opt else 2\n"
                                      "let h = abs(opt)\n"
                                      "let i = a ?? n\n"
                                      "let j = opt is not missing and ok\n"
                                      "let k = not (opt > 1)\n"
                                      "let l = opt between 1 and 2\n"
                                      "let m = n in [1, 2]\n"
                                      "let o = since + n days\n"
                                      "let p = opt ?? ratio ?? 1\n");
  auto c = compileSource(src);
  EXPECT_TRUE(noErrors(*c));
  EXPECT_EQ(letType(*c, "a"), Type::number(true));
  EXPECT_EQ(letType(*c, "b"), Type::number());
  EXPECT_EQ(letType(*c, "c"), Type::boolean());
  EXPECT_EQ(letType(*c, "d"), Type::boolean(true)); // true and missing is missing
  EXPECT_EQ(letType(*c, "e"), Type::boolean(true));
  EXPECT_EQ(letType(*c, "f"), Type::integer(true)); // a missing condition gives missing
  EXPECT_EQ(letType(*c, "g"), Type::number(true));
  EXPECT_EQ(letType(*c, "h"), Type::number(true));
  EXPECT_EQ(letType(*c, "i"), Type::number());
  EXPECT_EQ(letType(*c, "j"), Type::boolean());
  EXPECT_EQ(letType(*c, "k"), Type::boolean(true));
  EXPECT_EQ(letType(*c, "l"), Type::boolean(true));
  EXPECT_EQ(letType(*c, "m"), Type::boolean());
  EXPECT_EQ(letType(*c, "o"), Type::date());
  // `ratio` cannot be missing, so the second `??` is needless.
  EXPECT_TRUE(hasDiagnostic(*c, "XR0309", locate(src, "?? 1"),
                            "'ratio' can never be missing, so `?? 1` has no effect"));
}

TEST(SemaCoreMissing, IndicatorWithoutPolicyIsXR0303WithANoteAndAFix) {
  const std::string src = indicator("  let r = opt * 2\n  pass when r > 1\n");
  auto c = compileSource(src);
  ASSERT_TRUE(hasDiagnostic(*c, "XR0303", locate(src, "r > 1"),
                            "the pass condition of indicator I1 may be missing, and the indicator "
                            "does not say what happens then; add `missing => not_assessed`"));
  const Diagnostic *d = findDiagnostic(*c, "XR0303");
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_EQ(d->notes[0].message, "'opt' may be missing: it is declared number? in record E");
  LineColumn note = c->sources.file(0).position(d->notes[0].range.begin);
  EXPECT_EQ(note.line, locate(src, "opt * 2").line);
  EXPECT_EQ(note.column, locate(src, "opt * 2").column);
  ASSERT_EQ(d->fixes.size(), 1u);
  const TextEdit &edit = d->fixes[0].edits.at(0);
  EXPECT_EQ(edit.newText, "  missing => not_assessed\n");
  // Inserted at the start of the line of the closing brace, indented like the body.
  const auto brace = static_cast<std::uint32_t>(src.rfind('}'));
  EXPECT_EQ(edit.range.begin,
            c->sources.file(0).lineStart(c->sources.file(0).position(brace).line));
  auto ref = c->model->lookup("I1");
  EXPECT_TRUE(c->model->indicators[ref->index].mayBeMissing);
}

TEST(SemaCoreMissing, FixOnAOneLineIndicator) {
  const std::string src = std::string(kRecordPrelude) +
                          "domain dom weight 100%\nchecklist all_ for true { all }\n"
                          "indicator I1 in dom weight 100% { score = opt }\n";
  auto c = compileSource(src);
  ASSERT_TRUE(hasDiagnostic(*c, "XR0303", locate(src, "opt }"), "the score of indicator I1"));
  const TextEdit &edit = findDiagnostic(*c, "XR0303")->fixes.at(0).edits.at(0);
  EXPECT_EQ(edit.newText, "missing => not_assessed ");
  EXPECT_EQ(c->sources.file(0).position(edit.range.begin).column, locate(src, "opt }").column + 4);
}

TEST(SemaCoreMissing, PoliciesAndHandledValues) {
  for (const char *body :
       {"  pass when opt > 1\n  missing => not_assessed\n",
        "  pass when opt > 1\n  missing => fail\n", "  score = opt ?? 0\n",
        "  pass when opt is missing or opt > 1\n", "  pass when (opt ?? 0) > 1\n",
        "  score = opt\n  missing => score 50\n"}) {
    auto c = compileSource(indicator(body));
    EXPECT_EQ(countDiagnostics(*c, "XR0303"), 0u) << body << listDiagnostics(*c);
    EXPECT_TRUE(noErrors(*c)) << body;
  }
  // `opt is missing or opt > 1` is never missing: the right side sees opt present, and
  // Kleene `or` with a true left side is true.
  auto c = compileSource(indicator("  pass when opt is missing or opt > 1\n"));
  EXPECT_FALSE(c->model->indicators[0].mayBeMissing);
  const auto &pass = ast::as<ast::BinaryExpr>(*c->model->indicators[0].pass);
  EXPECT_EQ(*c->model->typeOf(*pass.rhs), Type::boolean());
}

TEST(SemaCoreMissing, PresenceTestsNarrowTheirScope) {
  const std::string src = withPrelude("let a = opt is not missing and opt > 1\n"
                                      "let b = if opt is missing then 0 else opt\n"
                                      "let c = if not (opt is not missing) then 0 else opt * 2\n"
                                      "let d = I1.score is not missing and I1.score > 50\n"
                                      "let e = opt is missing and opt > 1\n"
                                      "let f = (opt > 1) and opt > 2\n");
  auto c = compileSource(src);
  ASSERT_TRUE(noErrors(*c));
  EXPECT_EQ(letType(*c, "a"), Type::boolean());
  EXPECT_EQ(letType(*c, "b"), Type::number());
  EXPECT_EQ(letType(*c, "c"), Type::number());
  EXPECT_EQ(letType(*c, "d"), Type::boolean());
  EXPECT_EQ(letType(*c, "e"), Type::boolean(true)); // the wrong way round: no narrowing
  EXPECT_EQ(letType(*c, "f"), Type::boolean(true));
}

TEST(SemaCoreMissing, OwnScoreInThePassCondition) {
  auto c = compileSource(indicator("  score = opt\n  pass when score >= 60\n"));
  // One error, at the score, not a second one at the pass condition that reads it.
  EXPECT_EQ(countDiagnostics(*c, "XR0303"), 1u) << listDiagnostics(*c);
  const std::string src = indicator("  score = opt\n  pass when score >= 60\n");
  EXPECT_TRUE(hasDiagnostic(*c, "XR0303", locate(src, "opt\n"), "the score of indicator I1"));
}

TEST(SemaCoreMissing, TableWithoutOtherwiseIsOptional) {
  const std::string src =
      indicator("  pass when tier == high\n") + "table tier { n > 5 => high\n n > 2 => low }\n";
  auto c = compileSource(src);
  ASSERT_TRUE(hasDiagnostic(*c, "XR0303", locate(src, "tier == high"),
                            "the pass condition of indicator I1 may be missing"));
  const Diagnostic *d = findDiagnostic(*c, "XR0303");
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_NE(d->notes[0].message.find("table tier may be missing: it has no otherwise row"),
            std::string::npos);
  auto tier = c->model->lookup("tier");
  EXPECT_TRUE(c->model->tables[tier->index].type.optional);
}

TEST(SemaCoreMissing, ConditionsMayBeMissing) {
  const std::string src = withPrelude("table t { opt > 1 => a\n otherwise => b }\n"
                                      "output o: int = 0\n"
                                      "rule r when opt > 1 { o = 1 }\n"
                                      "escalate e when opt > 2 { action call }\n"
                                      "checklist some for opt > 3 { I1 }\n"
                                      "deadline due = since + n days\n");
  auto c = compileSource(src);
  EXPECT_EQ(countDiagnostics(*c, "XR0303"), 0u) << listDiagnostics(*c);
  EXPECT_TRUE(noErrors(*c));
  EXPECT_FALSE(c->model->tables[c->model->lookup("t")->index].type.optional);
}

TEST(SemaCoreMissing, CheckWithoutPolicyIsXR0303) {
  const std::string src = withPrelude("check c1 {\n  when opt > 1\n  flag odd\n}\n");
  auto c = compileSource(src);
  ASSERT_TRUE(hasDiagnostic(*c, "XR0303", locate(src, "opt > 1"),
                            "the condition of check c1 may be missing, and the check does not say "
                            "what happens then; add `missing => skip` or `missing => flag`"));
  const Diagnostic *d = findDiagnostic(*c, "XR0303");
  EXPECT_EQ(d->fixes.at(0).edits.at(0).newText, "\n  missing => skip");
  auto flagged =
      compileSource(withPrelude("check c1 { when opt > 1\n flag odd\n missing => flag }\n"));
  EXPECT_TRUE(noErrors(*flagged));
  const sema::CheckInfo &check = flagged->model->checks.at(0);
  EXPECT_TRUE(check.mayBeMissing);
  EXPECT_EQ(check.missing, ast::MissingPolicyKind::Flag);
}

TEST(SemaCoreMissing, OptionalValueIntoARequiredOutput) {
  const std::string src = withPrelude("output level: number = 0\noutput maybe: number? = opt\n"
                                      "output first: number = opt * 2\n"
                                      "rule r when ok { level = opt\n maybe = opt }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0303", locate(src, "opt\n maybe"),
                            "the value assigned to level may be missing, but output level cannot "
                            "be; give a default with `?? 0`"));
  const Diagnostic *d = nullptr;
  for (const Diagnostic &x : c->diagnostics.items())
    if (x.message.find("assigned to level") != std::string::npos)
      d = &x;
  ASSERT_TRUE(d);
  ASSERT_EQ(d->fixes.size(), 1u);
  EXPECT_EQ(d->fixes[0].edits.at(0).newText, " ?? 0");
  // A compound value gets parentheses.
  EXPECT_TRUE(hasDiagnostic(*c, "XR0303", locate(src, "opt * 2"),
                            "the initial value of output first may be missing"));
  for (const Diagnostic &x : c->diagnostics.items())
    if (x.message.find("output first") != std::string::npos) {
      ASSERT_EQ(x.fixes.at(0).edits.size(), 2u);
      EXPECT_EQ(x.fixes[0].edits[0].newText, "(");
      EXPECT_EQ(x.fixes[0].edits[1].newText, ") ?? 0");
    }
  EXPECT_EQ(countDiagnostics(*c, "XR0303"), 2u);
}

TEST(SemaCoreMissing, NeedlessChecksAreWarnings) {
  const std::string src =
      withPrelude("let a = n ?? 0\nlet b = n is missing\nlet c = n is not missing\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0309", locate(src, "?? 0"),
                            "'n' can never be missing, so `?? 0` has no effect"));
  const Diagnostic *d = findDiagnostic(*c, "XR0309");
  EXPECT_EQ(d->severity, Severity::Warning);
  ASSERT_EQ(d->fixes.size(), 1u);
  EXPECT_EQ(d->fixes[0].edits.at(0).newText, "");
  EXPECT_TRUE(hasDiagnostic(*c, "XR0309", locate(src, "n is missing"),
                            "'n' can never be missing, so this test is always false"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0309", locate(src, "n is not"), "always true"));
  EXPECT_FALSE(c->diagnostics.hasErrors());
}

TEST(SemaCoreMissing, PoliciesThatDoNotFit) {
  const std::string src = indicator("  pass when opt > 1\n  missing => skip\n") +
                          "check c1 { when opt > 1\n flag odd\n missing => fail }\n"
                          "check c2 { when opt > 1\n flag odd\n missing => skp }\n";
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0314", locate(src, "skip\n"),
                            "`missing => skip` is for checks; an indicator takes missing => "
                            "not_assessed, fail, pass or score N"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0314", locate(src, "fail }"),
                            "`missing => fail` is for indicators; a check takes missing => skip "
                            "or missing => flag"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0314", locate(src, "skp }"),
                            "`missing => skp` is not a missing-data policy; a check takes missing "
                            "=> skip or missing => flag; did you mean 'skip'?"));
  EXPECT_EQ(countDiagnostics(*c, "XR0303"), 0u);
}

TEST(SemaCoreMissing, NoteFollowsTheChainOfLets) {
  const std::string src = withPrelude("let base = output_t * 2\nlet twice = base + 1\n"
                                      "output o: number = twice\n");
  auto c = compileSource(src);
  const Diagnostic *d = findDiagnostic(*c, "XR0303");
  ASSERT_TRUE(d) << listDiagnostics(*c);
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_EQ(d->notes[0].message, "'output_t' may be missing: it is declared number? in record E");
}

} // namespace
} // namespace xr::testing
