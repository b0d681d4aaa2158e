// Name resolution: unknown names with did-you-mean, duplicates, domains, checklist items,
// enum members in context, names of the wrong kind, the one record; resolutions and
// references recorded for the language server.
#include "sema_core_support.h"

namespace xr::testing {
namespace {

TEST(SemaCoreNames, UnknownNameSuggestsTheClosest) {
  const std::string src = withPrelude("let late = sincee > 2024-01-01\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0101", locate(src, "sincee"),
                            "unknown name 'sincee'; did you mean 'since'?"));
  const Diagnostic *d = findDiagnostic(*c, "XR0101");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->fixes.size(), 1u);
  EXPECT_EQ(d->fixes[0].edits.at(0).newText, "since");
  // The error type silences everything that follows from it.
  EXPECT_EQ(countDiagnostics(*c, "XR0301"), 0u);
  EXPECT_EQ(c->diagnostics.errorCount(), 1u);
}

TEST(SemaCoreNames, UnknownNameThatIsAnEnumMemberSaysWhere) {
  const std::string src = withPrelude("let x = small\n");
  auto c = compileSource(src);
  ASSERT_TRUE(hasDiagnostic(*c, "XR0101", locate(src, "small\n"), "unknown name 'small'"));
  const Diagnostic *d = findDiagnostic(*c, "XR0101");
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_NE(d->notes[0].message.find("member of enum E.size"), std::string::npos);
}

TEST(SemaCoreNames, UnknownTypeName) {
  auto c = compileSource("ruleset \"t\" version 1\nrecord E { id: text key\n  n: nubmer }\n");
  EXPECT_TRUE(hasDiagnostic(*c, "XR0101", {3, 6}, "unknown type 'nubmer'; did you mean 'number'?"));
}

TEST(SemaCoreNames, DuplicateDeclarationNotesTheFirst) {
  const std::string src = withPrelude("let a = 1\nscore a = 2\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0102", locate(src, "a = 2"),
                            "'a' is already declared as a let; rename one of them"));
  const Diagnostic *d = findDiagnostic(*c, "XR0102");
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_EQ(d->notes[0].message, "first declared here");
  LineColumn first = c->sources.file(0).position(d->notes[0].range.begin);
  EXPECT_EQ(first.line, locate(src, "a = 1").line);
}

TEST(SemaCoreNames, FieldAndDeclarationShareOneNamespace) {
  const std::string src = withPrelude("let n = 3\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0102", locate(src, "n = 3"), "'n' is already declared as a field"));
}

TEST(SemaCoreNames, DuplicateLetInIndicatorAndEnumMember) {
  const std::string src = withPrelude(
      "indicator I2 in dom { let a = 1\n let a = 2\n pass when a > 0 }\nenum T { x, y, x }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0102", locate(src, "a = 2"),
                            "let 'a' is declared twice in indicator I2"));
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0102", locate(src, "x }"), "member 'x' is declared twice in enum T"));
}

TEST(SemaCoreNames, UnknownDomain) {
  const std::string src = withPrelude("indicator I2 in dmo weight 10% { pass when ok }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0103", locate(src, "dmo"),
                            "unknown domain 'dmo' in indicator I2; did you mean 'dom'?"));
  auto ref = c->model->lookup("I2");
  ASSERT_TRUE(ref);
  EXPECT_EQ(c->model->indicators[ref->index].domain, sema::kNoIndex);
  EXPECT_TRUE(c->model->indicators[ref->index].domainWritten);
}

TEST(SemaCoreNames, UnknownDomainInAQuantifier) {
  const std::string src = withPrelude("let bad = any indicator in dmo fails\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0103", locate(src, "dmo"), "unknown domain 'dmo'; did you mean 'dom'?"));
}

TEST(SemaCoreNames, UnknownChecklistItem) {
  const std::string src = withPrelude("checklist two for ok { I1, I9 }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0104", locate(src, "I9"),
                    "unknown indicator or domain 'I9' in checklist two; did you mean 'I1'?"));
  auto ref = c->model->lookup("two");
  ASSERT_TRUE(ref);
  ASSERT_EQ(c->model->checklists[ref->index].items.size(), 1u);
  EXPECT_EQ(c->model->checklists[ref->index].items[0].target.kind, sema::SymbolKind::Indicator);
}

TEST(SemaCoreNames, UnknownIndicatorInAStatus) {
  const std::string src = withPrelude("let bad = I2 fails\n");
  auto c = compileSource(src);
  EXPECT_TRUE(
      hasDiagnostic(*c, "XR0104", locate(src, "I2"), "unknown indicator 'I2'; did you mean 'I1'?"));
}

TEST(SemaCoreNames, UnknownEnumMemberListsTheMembers) {
  const std::string src = withPrelude("let big_one = size == bgi\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0107", locate(src, "bgi"),
                            "'bgi' is not a member of enum E.size; did you mean 'big'? (members: "
                            "big, small)"));
}

TEST(SemaCoreNames, UnknownLabelString) {
  const std::string src = withPrelude("let big_one = size == \"大\"\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0107", locate(src, "\"大\""),
                            "\"大\" is neither a member nor a label of enum E.size"));
}

TEST(SemaCoreNames, WrongKindOfName) {
  const std::string src = withPrelude("let a = I1 and ok\nlet b = dom\nlet c = E\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0108", locate(src, "I1 and"),
                            "indicator I1 is not a value; write I1 passes or I1.score"));
  const Diagnostic *d = findDiagnostic(*c, "XR0108");
  ASSERT_EQ(d->fixes.size(), 2u);
  EXPECT_EQ(d->fixes[0].edits.at(0).newText, "I1 passes");
  EXPECT_EQ(d->fixes[1].edits.at(0).newText, "I1.score");
  EXPECT_TRUE(hasDiagnostic(*c, "XR0108", locate(src, "dom\n"), "domain dom is not a value"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0108", locate(src, "E\n"), "E is the record, not a value"));
}

TEST(SemaCoreNames, MemberAccessOnlyOnIndicators) {
  const std::string src = withPrelude("let a = n.score\nlet b = I1.scor\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0108", locate(src, "n.score"),
                            "'.score' can only follow an indicator, as in C1.score; 'n' is int"));
  EXPECT_TRUE(hasDiagnostic(*c, "XR0101", locate(src, "scor\n"), "indicator I1 has no 'scor'"));
}

TEST(SemaCoreNames, SecondRecordIsXR0109) {
  const std::string src = withPrelude("record Site { code: text key }\n");
  auto c = compileSource(src);
  EXPECT_TRUE(hasDiagnostic(*c, "XR0109", locate(src, "Site"),
                            "a rule set has exactly one record, and 'E' is already its record"));
}

TEST(SemaCoreNames, RuleSetWithoutRecordIsXR0109) {
  auto c = compileSource("ruleset \"无记录\" version 1\nlet x = 1\n");
  EXPECT_TRUE(hasDiagnostic(*c, "XR0109", {1, 1}, "rule set '无记录' has no record"));
  // A library (no header) needs none.
  auto lib = compileSource("let x = 1\n");
  EXPECT_EQ(countDiagnostics(*lib, "XR0109"), 0u);
}

TEST(SemaCoreNames, ResolutionsAndReferencesAreRecorded) {
  const std::string src = std::string(kRecordPrelude) +
                          "domain dom weight 100%\nchecklist everyone for true { all }\n"
                          "let twice = n * 2\nlet more = twice + n\n"
                          "indicator I2 in dom weight 100% {\n"
                          "  let k = more\n  score = k\n  pass when score > 50\n}\n";
  auto c = compileSource(src);
  ASSERT_TRUE(noErrors(*c));
  const sema::Model &m = *c->model;
  auto n = m.lookup("n");
  ASSERT_TRUE(n && n->kind == sema::SymbolKind::Field);
  // Every reference to field n: its declaration and its two uses.
  std::vector<LineColumn> uses;
  for (const sema::Reference &r : m.references)
    if (r.target == *n)
      uses.push_back(c->sources.file(r.range.file).position(r.range.begin));
  ASSERT_EQ(uses.size(), 3u);

  auto more = m.lookup("more");
  ASSERT_TRUE(more && more->kind == sema::SymbolKind::Let);
  EXPECT_EQ(m.lets[more->index].type, Type::integer());
  auto i2 = m.lookup("I2");
  ASSERT_TRUE(i2);
  const sema::IndicatorInfo &ind = m.indicators[i2->index];
  // `k` resolves to the indicator's own let; `score` in the pass condition to the indicator.
  auto k = m.resolution(*ind.score);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->kind, sema::SymbolKind::IndicatorLet);
  EXPECT_EQ(m.nameOf(*k), "I2.k");
  const auto &pass = ast::as<ast::BinaryExpr>(*ind.pass);
  auto own = m.resolution(*pass.lhs);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->kind, sema::SymbolKind::Indicator);
  EXPECT_EQ(own->index, i2->index);
  EXPECT_EQ(*m.typeOf(*pass.lhs), Type::number());
  EXPECT_EQ(m.locationOf(*i2).name, ind.where.name);
}

TEST(SemaCoreNames, EnumMemberLocationsAndNames) {
  const std::string src = withPrelude("enum Tier { red \"红\", blue }\nlet t = credit == A\n");
  auto c = compileSource(src);
  ASSERT_TRUE(noErrors(*c));
  const sema::Model &m = *c->model;
  auto tier = m.lookup("Tier");
  ASSERT_TRUE(tier && tier->kind == sema::SymbolKind::Enum);
  sema::SymbolRef blue{sema::SymbolKind::EnumMember, tier->index, 1};
  EXPECT_EQ(m.nameOf(blue), "Tier.blue");
  LineColumn at = c->sources.file(0).position(m.locationOf(blue).name.begin);
  EXPECT_EQ(at.line, locate(src, "blue").line);
  EXPECT_EQ(at.column, locate(src, "blue").column);
  EXPECT_EQ(m.enums.get(tier->index).members[0].label, "红");
  EXPECT_EQ(m.enums.get(tier->index).members[1].label, "blue");
  EXPECT_EQ(sema::symbolKindName(sema::SymbolKind::EnumMember), "enum member");
}

} // namespace
} // namespace xr::testing
