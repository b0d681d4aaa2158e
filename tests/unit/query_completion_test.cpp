// compiler/query: completion in context and signature help, on text as typed.
#include "compiler/query/completion.h"
#include "compiler/query/signature_help.h"

#include "query_testing.h"

#include <algorithm>

namespace xr::testing {
namespace {

bool has(const query::Completion &c, std::string_view label) {
  return std::any_of(c.items.begin(), c.items.end(),
                     [&](const query::CompletionItem &i) { return i.label == label; });
}

const query::CompletionItem *find(const query::Completion &c, std::string_view label) {
  for (const auto &i : c.items)
    if (i.label == label)
      return &i;
  return nullptr;
}

struct Typed {
  std::string text;
  std::uint32_t offset;
};

/// The update file with `insert` appended; the cursor where `|` is.
Typed typed(const std::string &insert) {
  std::string text = kQueryUpdate + insert;
  auto bar = text.find('|');
  text.erase(bar, 1);
  return {text, static_cast<std::uint32_t>(bar)};
}

TEST(QueryCompletion, TopLevelOffersDeclarationSnippetsAndKeywords) {
  auto c = compileQueryFiles();
  Typed t = typed("|");
  auto result = query::completeAt(c->model.get(), t.text, t.offset);
  const auto *indicator = find(result, "indicator");
  ASSERT_TRUE(indicator);
  EXPECT_TRUE(indicator->snippet);
  EXPECT_NE(indicator->insertText.find("pass when"), std::string::npos);
  const auto *test = find(result, "test");
  ASSERT_TRUE(test);
  EXPECT_NE(test->insertText.find("given Enterprise {"), std::string::npos);
  EXPECT_TRUE(has(result, "table") && has(result, "rule") && has(result, "checklist"));
  EXPECT_FALSE(has(result, "license_expiry"));
}

TEST(QueryCompletion, ExpressionsOfferNamesFunctionsAndLocals) {
  auto c = compileQueryFiles();
  Typed t = typed("let x = lic|");
  auto result = query::completeAt(c->model.get(), t.text, t.offset);
  EXPECT_EQ(result.replaceBegin, t.offset - 3);
  const auto *field = find(result, "license_expiry");
  ASSERT_TRUE(field);
  EXPECT_EQ(field->kind, query::CompletionKind::Field);
  EXPECT_EQ(field->detail, "field: date 许可证到期日");
  EXPECT_FALSE(has(result, "tier")); // filtered by the word typed
  Typed all = typed("let x = |");
  auto every = query::completeAt(c->model.get(), all.text, all.offset);
  EXPECT_TRUE(has(every, "tier") && has(every, "C1") && has(every, "inspection_date"));
  const auto *max = find(every, "max");
  ASSERT_TRUE(max);
  EXPECT_NE(max->detail.find("max(int, int) -> int"), std::string::npos);
  // Inside an indicator, its lets.
  Typed local = typed("override indicator C2 { score = |");
  EXPECT_TRUE(has(query::completeAt(c->model.get(), local.text, local.offset), "ratio"));
}

TEST(QueryCompletion, EnumMembersAfterEquals) {
  auto c = compileQueryFiles();
  Typed t = typed("let x = tier == |");
  auto result = query::completeAt(c->model.get(), t.text, t.offset);
  ASSERT_EQ(result.items.size(), 2u);
  EXPECT_EQ(result.items[0].label, "red");
  EXPECT_EQ(result.items[1].label, "blue");
  Typed field = typed("let y = size != sm|");
  auto sizes = query::completeAt(c->model.get(), field.text, field.offset);
  ASSERT_EQ(sizes.items.size(), 1u);
  EXPECT_EQ(sizes.items[0].detail, "member of Enterprise.size 中小企业");
  Typed list = typed("let z = size in [big, |");
  EXPECT_TRUE(has(query::completeAt(c->model.get(), list.text, list.offset), "small"));
}

TEST(QueryCompletion, DomainsIndicatorsPoliciesAndMembers) {
  auto c = compileQueryFiles();
  Typed domain = typed("indicator N1 \"新\" in |");
  auto domains = query::completeAt(c->model.get(), domain.text, domain.offset);
  ASSERT_EQ(domains.items.size(), 2u);
  EXPECT_EQ(domains.items[0].label, "compliance");
  Typed list = typed("checklist extra for true { C1, |");
  auto items = query::completeAt(c->model.get(), list.text, list.offset);
  EXPECT_TRUE(has(items, "S1") && has(items, "safety"));
  EXPECT_FALSE(has(items, "tier"));
  Typed policy = typed("override indicator C2 { missing => |");
  auto policies = query::completeAt(c->model.get(), policy.text, policy.offset);
  EXPECT_TRUE(has(policies, "not_assessed") && has(policies, "fail"));
  Typed dot = typed("let s = C1.|");
  auto score = query::completeAt(c->model.get(), dot.text, dot.offset);
  ASSERT_EQ(score.items.size(), 1u);
  EXPECT_EQ(score.items[0].label, "score");
  Typed header = typed("indicator N2 \"新\" |");
  auto headerWords = query::completeAt(c->model.get(), header.text, header.offset);
  EXPECT_TRUE(has(headerWords, "in") && has(headerWords, "weight") && has(headerWords, "major"));
  Typed row = typed("table t3 {\n  sta|");
  auto rowItems = query::completeAt(c->model.get(), row.text, row.offset);
  EXPECT_TRUE(has(rowItems, "staff"));
  Typed body = typed("override indicator C2 {\n  basis \"x\"\n  |");
  auto bodyItems = query::completeAt(c->model.get(), body.text, body.offset);
  EXPECT_TRUE(has(bodyItems, "basis") && has(bodyItems, "pass") && has(bodyItems, "missing"));
  EXPECT_FALSE(has(bodyItems, "staff")); // an item starts with a keyword
}

TEST(QueryCompletion, TestsTypesAndHitPolicies) {
  auto c = compileQueryFiles();
  Typed given = typed("test \"t\" {\n  given |");
  auto subjects = query::completeAt(c->model.get(), given.text, given.offset);
  EXPECT_TRUE(has(subjects, "Enterprise") && has(subjects, "inspection_date"));
  Typed value = typed("test \"t\" {\n  given Enterprise { size: |");
  auto members = query::completeAt(c->model.get(), value.text, value.offset);
  EXPECT_TRUE(has(members, "big") && has(members, "small"));
  Typed type = typed("output mode: |");
  auto types = query::completeAt(c->model.get(), type.text, type.offset);
  EXPECT_TRUE(has(types, "number") && has(types, "date"));
  Typed hit = typed("table t2 hit |");
  auto policies = query::completeAt(c->model.get(), hit.text, hit.offset);
  EXPECT_TRUE(has(policies, "first") && has(policies, "collect"));
  EXPECT_FALSE(has(policies, "staff"));
  // The model of the last compile knows the output; the rule is being typed.
  auto withOutput = compileQueryFiles(kQueryUpdate + "output mode: int = 0\n");
  Typed rule = typed("output mode: int = 0\nrule r2 when staff > 1 {\n  |");
  auto outputs = query::completeAt(withOutput->model.get(), rule.text, rule.offset);
  EXPECT_TRUE(has(outputs, "mode"));
  EXPECT_FALSE(has(outputs, "staff"));
}

TEST(QueryCompletion, ContextSurvivesDeclarationsOverSeveralLinesAndCommentedKeywords) {
  auto c = compileQueryFiles();
  // Only the enclosing declaration is lexed; a keyword at the start of a line inside a block
  // comment or a multi-line list does not start one.
  Typed list = typed("checklist extra for true {\n  C1,\n/*\nindicator X {\n*/\n  |");
  auto items = query::completeAt(c->model.get(), list.text, list.offset);
  EXPECT_TRUE(has(items, "S1") && has(items, "safety"));
  EXPECT_FALSE(has(items, "tier"));
  Typed string = typed("let s = \"a\\\"\nrule\" + \"\"\nlet t = tier == |");
  auto members = query::completeAt(c->model.get(), string.text, string.offset);
  EXPECT_TRUE(has(members, "red"));
}

TEST(QueryCompletion, NothingInCommentsAndStrings) {
  auto c = compileQueryFiles();
  Typed comment = typed("// tier |");
  EXPECT_TRUE(query::completeAt(c->model.get(), comment.text, comment.offset).items.empty());
  Typed string = typed("let s = \"ti|");
  EXPECT_TRUE(query::completeAt(c->model.get(), string.text, string.offset).items.empty());
}

TEST(QueryCompletion, WithoutAModelOnlyKeywords) {
  Typed t = typed("let x = |");
  auto result = query::completeAt(nullptr, t.text, t.offset);
  EXPECT_TRUE(has(result, "if"));
  EXPECT_FALSE(has(result, "tier"));
}

TEST(QuerySignatureHelp, ActiveParameterInsideABuiltinCall) {
  std::string text = "let m = max(staff, clamp(1, 2";
  auto help = query::signatureHelpAt(text, static_cast<std::uint32_t>(text.size()));
  ASSERT_TRUE(help);
  EXPECT_EQ(help->activeParameter, 1u);
  ASSERT_GE(help->signatures.size(), 1u);
  EXPECT_EQ(help->signatures[0].label.rfind("clamp(", 0), 0u);
  const auto &first = help->signatures[0];
  ASSERT_EQ(first.parameters.size(), 3u);
  EXPECT_EQ(first.label.substr(first.parameters[0].first,
                               first.parameters[0].second - first.parameters[0].first),
            "int");
  auto outer = query::signatureHelpAt(text, static_cast<std::uint32_t>(text.find("staff,")) + 6);
  ASSERT_TRUE(outer);
  EXPECT_EQ(outer->signatures[0].label.rfind("max(", 0), 0u);
  EXPECT_EQ(outer->activeParameter, 1u);
  EXPECT_FALSE(query::signatureHelpAt("let m = (1 + 2", 14));
  EXPECT_FALSE(query::signatureHelpAt("let m = staff", 13));
}

} // namespace
} // namespace xr::testing
