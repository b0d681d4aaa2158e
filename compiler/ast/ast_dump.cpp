#include "compiler/ast/ast_dump.h"

#include "compiler/ast/spelling.h"
#include "runtime/builtins/dates.h"

#include <fmt/format.h>

namespace xr {

namespace {

using namespace ast;

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      out += c;
    }
  }
  return out + "\"";
}

std::string dateText(Date date) {
  dates::Civil c = dates::civilFromDays(date.days);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string_view statusText(IndicatorStatus status) {
  switch (status) {
  case IndicatorStatus::Passes:
    return "passes";
  case IndicatorStatus::Fails:
    return "fails";
  case IndicatorStatus::Unassessed:
    return "unassessed";
  }
  return "?";
}

std::string_view quantifierText(Quantifier q) {
  switch (q) {
  case Quantifier::Any:
    return "any";
  case Quantifier::All:
    return "all";
  case Quantifier::Count:
    return "count";
  }
  return "?";
}

std::string_view hitPolicyText(HitPolicyKind kind) {
  switch (kind) {
  case HitPolicyKind::First:
    return "first";
  case HitPolicyKind::Unique:
    return "unique";
  case HitPolicyKind::Any:
    return "any";
  case HitPolicyKind::Priority:
    return "priority";
  case HitPolicyKind::Collect:
    return "collect";
  }
  return "?";
}

std::string_view aggregatorText(CollectAggregator aggregator) {
  switch (aggregator) {
  case CollectAggregator::None:
    return "";
  case CollectAggregator::Sum:
    return "sum";
  case CollectAggregator::Min:
    return "min";
  case CollectAggregator::Max:
    return "max";
  case CollectAggregator::Count:
    return "count";
  }
  return "?";
}

std::string literalText(const LiteralValue &value) {
  struct Visitor {
    std::string operator()(bool b) const { return fmt::format("bool {}", b); }
    std::string operator()(std::int64_t i) const { return fmt::format("int {}", i); }
    std::string operator()(double d) const { return fmt::format("number {}", d); }
    std::string operator()(Percent p) const { return fmt::format("percent {}", p.value); }
    std::string operator()(const std::string &s) const { return "text " + quoted(s); }
    std::string operator()(Date d) const { return "date " + dateText(d); }
  };
  return std::visit(Visitor{}, value);
}

std::string typeText(const TypeRef &type) {
  std::string out;
  if (type.inlineEnum) {
    out = "enum {";
    for (std::size_t i = 0; i < type.members.size(); ++i) {
      out += i == 0 ? " " : ", ";
      out += type.members[i].name.text;
      if (type.members[i].label)
        out += " " + quoted(type.members[i].label->value);
    }
    out += " }";
  } else {
    out = type.name.text;
  }
  return type.optional ? out + "?" : out;
}

class Dumper {
public:
  explicit Dumper(const SourceFile &file) : file_(file) {}

  std::string take() { return std::move(out_); }

  void module(const Module &m) {
    line("Module", m.range);
    Indent in(*this);
    if (m.header) {
      const Header &h = *m.header;
      std::string text = fmt::format("Header {} version {}", quoted(h.title.value), h.version);
      if (h.extends)
        text += " extends " + quoted(h.extends->value);
      line(text, h.range);
    }
    for (const Import &i : m.imports)
      line("Import " + quoted(i.path.value), i.range);
    for (const DeclPtr &d : m.decls)
      decl(*d);
    for (const Comment &c : m.comments)
      line("Comment " + quoted(c.text), c.range);
  }

private:
  struct Indent {
    explicit Indent(Dumper &d) : dumper(d) { ++dumper.depth_; }
    ~Indent() { --dumper.depth_; }
    Dumper &dumper;
  };

  std::string where(SourceRange range) const {
    if (!range.valid())
      return "@?";
    LineColumn at = file_.position(range.begin);
    return fmt::format("@{}:{}", at.line, at.column);
  }

  void line(std::string_view text, SourceRange range) {
    out_.append(depth_ * 2, ' ');
    out_ += text;
    out_ += ' ';
    out_ += where(range);
    out_ += '\n';
  }

  /// A child expression with its role: "when: Binary >".
  void expr(std::string_view role, const Expr *e) {
    std::string prefix = role.empty() ? std::string() : std::string(role) + ": ";
    if (e == nullptr) {
      out_.append(depth_ * 2, ' ');
      out_ += prefix + "none\n";
      return;
    }
    switch (e->kind) {
    case ExprKind::Error:
      line(prefix + "Error", e->range);
      return;
    case ExprKind::Literal:
      line(prefix + "Literal " + literalText(as<LiteralExpr>(*e).value), e->range);
      return;
    case ExprKind::Name:
      line(prefix + "Name " + as<NameExpr>(*e).name.text, e->range);
      return;
    case ExprKind::Member: {
      const auto &m = as<MemberExpr>(*e);
      line(prefix + "Member ." + m.member.text, e->range);
      Indent in(*this);
      expr("", m.object.get());
      return;
    }
    case ExprKind::Call: {
      const auto &c = as<CallExpr>(*e);
      line(prefix + "Call " + c.callee.text, e->range);
      Indent in(*this);
      for (const ExprPtr &arg : c.args)
        expr("", arg.get());
      return;
    }
    case ExprKind::Unary: {
      const auto &u = as<UnaryExpr>(*e);
      line(prefix + (u.op == UnaryOp::Not ? "Unary not" : "Unary -"), e->range);
      Indent in(*this);
      expr("", u.operand.get());
      return;
    }
    case ExprKind::Binary: {
      const auto &b = as<BinaryExpr>(*e);
      line(prefix + "Binary " + std::string(binaryOpText(b.op)), e->range);
      Indent in(*this);
      expr("", b.lhs.get());
      expr("", b.rhs.get());
      return;
    }
    case ExprKind::If: {
      const auto &i = as<IfExpr>(*e);
      line(prefix + "If", e->range);
      Indent in(*this);
      expr("cond", i.cond.get());
      expr("then", i.thenExpr.get());
      expr("else", i.elseExpr.get());
      return;
    }
    case ExprKind::Between: {
      const auto &b = as<BetweenExpr>(*e);
      line(prefix + "Between", e->range);
      Indent in(*this);
      expr("", b.operand.get());
      expr("low", b.low.get());
      expr("high", b.high.get());
      return;
    }
    case ExprKind::InList: {
      const auto &l = as<InListExpr>(*e);
      line(prefix + (l.negated ? "InList not" : "InList"), e->range);
      Indent in(*this);
      expr("", l.operand.get());
      for (const ExprPtr &item : l.items)
        expr("item", item.get());
      return;
    }
    case ExprKind::IsMissing: {
      const auto &m = as<IsMissingExpr>(*e);
      line(prefix + (m.negated ? "IsMissing not" : "IsMissing"), e->range);
      Indent in(*this);
      expr("", m.operand.get());
      return;
    }
    case ExprKind::Status: {
      const auto &s = as<StatusExpr>(*e);
      line(prefix + "Status " + std::string(statusText(s.status)), e->range);
      Indent in(*this);
      expr("", s.operand.get());
      return;
    }
    case ExprKind::Quantified: {
      const auto &q = as<QuantifiedExpr>(*e);
      std::string text = prefix + "Quantified " + std::string(quantifierText(q.quantifier));
      if (q.severity)
        text += " " + std::string(severityText(*q.severity));
      if (q.domain)
        text += " in " + q.domain->text;
      text += " " + std::string(statusText(q.status));
      line(text, e->range);
      return;
    }
    case ExprKind::Duration: {
      const auto &d = as<DurationExpr>(*e);
      line(prefix + (d.unit == DurationUnit::Days ? "Duration days" : "Duration working days"),
           e->range);
      Indent in(*this);
      expr("", d.count.get());
      return;
    }
    }
  }

  static std::string head(const Decl &d, std::string_view kind) {
    std::string text = std::string(kind);
    if (!d.name.empty())
      text += " " + d.name.text;
    if (d.title)
      text += " " + quoted(d.title->value);
    if (d.isOverride)
      text += " override";
    return text;
  }

  static std::string weightText(const std::optional<WeightSpec> &w) {
    if (!w)
      return "";
    return fmt::format(" weight {} ({} {})", w->text,
                       w->kind == WeightKind::Share ? "share" : "points", w->micro);
  }

  void missing(const std::optional<MissingPolicy> &policy) {
    if (!policy)
      return;
    std::string text = "Missing " + std::string(missingPolicyKeyword(policy->kind));
    if (policy->kind == MissingPolicyKind::Score)
      text += fmt::format(" {}", policy->score);
    if (policy->kind == MissingPolicyKind::Invalid)
      text += " " + quoted(policy->written.text);
    line(text, policy->range);
  }

  void lets(const std::vector<LetItem> &items) {
    for (const LetItem &l : items) {
      line("Let " + l.name.text, l.range);
      Indent in(*this);
      expr("", l.value.get());
    }
  }

  void strings(std::string_view kind, const std::vector<StringLit> &items) {
    for (const StringLit &s : items)
      line(std::string(kind) + " " + quoted(s.value), s.range);
  }

  void recordLiteral(std::string_view role, const RecordLiteral &r) {
    line(std::string(role) + " " + r.type.text + (r.ellipsis ? " ..." : ""), r.range);
    Indent in(*this);
    fieldValues(r.values);
  }

  void fieldValues(const std::vector<FieldValue> &values) {
    for (const FieldValue &f : values)
      expr(f.field.text, f.value.get());
  }

  void decl(const Decl &d) {
    switch (d.kind) {
    case DeclKind::Record: {
      line(head(d, "Record"), d.range);
      Indent in(*this);
      for (const FieldDecl &f : static_cast<const RecordDecl &>(d).fields) {
        std::string text = "Field " + f.name.text + ": " + typeText(f.type);
        if (f.key)
          text += " key";
        if (f.unit)
          text += " unit " + quoted(f.unit->value);
        if (f.title)
          text += " " + quoted(f.title->value);
        line(text, f.range);
      }
      return;
    }
    case DeclKind::Enum: {
      const auto &e = static_cast<const EnumDecl &>(d);
      line(head(d, "Enum"), d.range);
      Indent in(*this);
      for (const EnumMember &m : e.members)
        line("Member " + m.name.text + (m.label ? " " + quoted(m.label->value) : ""), m.name.range);
      return;
    }
    case DeclKind::Param: {
      const auto &p = static_cast<const ParamDecl &>(d);
      std::string text = head(d, "Param") + ": " + typeText(p.type);
      if (p.unit)
        text += " unit " + quoted(p.unit->value);
      line(text, d.range);
      Indent in(*this);
      if (p.defaultValue)
        expr("default", p.defaultValue.get());
      return;
    }
    case DeclKind::Domain:
      line(head(d, "Domain") + weightText(static_cast<const DomainDecl &>(d).weight), d.range);
      return;
    case DeclKind::Indicator: {
      const auto &i = static_cast<const IndicatorDecl &>(d);
      std::string text = head(d, "Indicator");
      if (i.domain)
        text += " in " + i.domain->text;
      text += weightText(i.weight);
      if (i.severity)
        text += " " + std::string(severityText(*i.severity));
      line(text, d.range);
      Indent in(*this);
      strings("Basis", i.basis);
      lets(i.lets);
      if (i.score)
        expr("score", i.score.get());
      if (i.pass)
        expr("pass", i.pass.get());
      missing(i.missing);
      return;
    }
    case DeclKind::Check: {
      const auto &c = static_cast<const CheckDecl &>(d);
      line(head(d, "Check"), d.range);
      Indent in(*this);
      strings("Basis", c.basis);
      lets(c.lets);
      if (c.when)
        expr("when", c.when.get());
      for (const Ident &f : c.flags)
        line("Flag " + f.text, f.range);
      missing(c.missing);
      return;
    }
    case DeclKind::Checklist: {
      const auto &c = static_cast<const ChecklistDecl &>(d);
      std::string text = head(d, "Checklist") + (c.all ? " all" : "");
      if (!c.items.empty()) {
        text += c.all ? " except" : "";
        for (std::size_t k = 0; k < c.items.size(); ++k)
          text += (k == 0 ? " " : ", ") + c.items[k].text;
      }
      line(text, d.range);
      Indent in(*this);
      expr("for", c.selector.get());
      return;
    }
    case DeclKind::Let:
    case DeclKind::Score:
    case DeclKind::Deadline: {
      const Expr *value = d.kind == DeclKind::Let ? static_cast<const LetDecl &>(d).value.get()
                          : d.kind == DeclKind::Score
                              ? static_cast<const ScoreDecl &>(d).value.get()
                              : static_cast<const DeadlineDecl &>(d).value.get();
      line(head(d, d.kind == DeclKind::Let     ? "Let"
                   : d.kind == DeclKind::Score ? "Score"
                                               : "Deadline"),
           d.range);
      Indent in(*this);
      expr("", value);
      return;
    }
    case DeclKind::Table: {
      const auto &t = static_cast<const TableDecl &>(d);
      std::string text = head(d, "Table");
      if (t.outcomeType)
        text += ": " + typeText(*t.outcomeType);
      text += " hit " + std::string(hitPolicyText(t.hit.kind));
      if (t.hit.aggregator != CollectAggregator::None)
        text += " " + std::string(aggregatorText(t.hit.aggregator));
      line(text, d.range);
      Indent in(*this);
      for (const TableRow &r : t.rows) {
        line(r.otherwise() ? "Row otherwise" : "Row", r.range);
        Indent rowIn(*this);
        if (!r.otherwise())
          expr("when", r.condition.get());
        expr("then", r.outcome.get());
      }
      return;
    }
    case DeclKind::Output: {
      const auto &o = static_cast<const OutputDecl &>(d);
      line(head(d, "Output") + ": " + typeText(o.type), d.range);
      Indent in(*this);
      expr("initial", o.initial.get());
      return;
    }
    case DeclKind::Frequency: {
      const auto &f = static_cast<const FrequencyDecl &>(d);
      line(head(d, "Frequency") + " by " + f.table.text, d.range);
      Indent in(*this);
      for (const FrequencyEntry &e : f.entries)
        expr(e.member.text, e.value.get());
      return;
    }
    case DeclKind::Rule: {
      const auto &r = static_cast<const RuleDecl &>(d);
      line(head(d, "Rule"), d.range);
      Indent in(*this);
      expr("when", r.when.get());
      for (const Assignment &a : r.assignments) {
        line("Assign " + a.target.text, a.range);
        Indent assignIn(*this);
        expr("", a.value.get());
      }
      return;
    }
    case DeclKind::Escalate: {
      const auto &e = static_cast<const EscalateDecl &>(d);
      line(head(d, "Escalate"), d.range);
      Indent in(*this);
      expr("when", e.when.get());
      for (const Action &a : e.actions) {
        line("Action " + a.name.text, a.range);
        if (a.argument) {
          Indent actionIn(*this);
          expr("", a.argument.get());
        }
      }
      return;
    }
    case DeclKind::Calendar: {
      const auto &c = static_cast<const CalendarDecl &>(d);
      line(head(d, "Calendar") + fmt::format(" year {}", c.year), d.range);
      Indent in(*this);
      strings("Source", c.sources);
      for (const CalendarEntry &e : c.entries) {
        std::string text = std::string(e.holiday ? "Holiday " : "Workday ") + dateText(e.from);
        if (!(e.to == e.from))
          text += " .. " + dateText(e.to);
        if (e.label)
          text += " " + quoted(e.label->value);
        line(text, e.range);
      }
      return;
    }
    case DeclKind::Report: {
      const auto &r = static_cast<const ReportDecl &>(d);
      line(head(d, "Report"), d.range);
      Indent in(*this);
      if (r.groupBy)
        expr("by", r.groupBy.get());
      for (const ReportItem &i : r.items) {
        std::string text = "Item " + i.name.text;
        if (i.title)
          text += " " + quoted(i.title->value);
        line(text, i.range);
        Indent itemIn(*this);
        expr("", i.value.get());
        if (i.targetOp || i.target)
          expr(fmt::format("target {}", i.targetOp ? binaryOpText(*i.targetOp) : "?"),
               i.target.get());
      }
      return;
    }
    case DeclKind::Example: {
      line(head(d, "Example"), d.range);
      Indent in(*this);
      recordLiteral("Record", static_cast<const ExampleDecl &>(d).value);
      return;
    }
    case DeclKind::Test: {
      line(head(d, "Test"), d.range);
      Indent in(*this);
      for (const TestItem &item : static_cast<const TestDecl &>(d).items)
        testItem(item);
      return;
    }
    case DeclKind::Retire:
      line(fmt::format("Retire {} {}", declKindName(static_cast<const RetireDecl &>(d).target),
                       d.name.text),
           d.range);
      return;
    }
  }

  void testItem(const TestItem &item) {
    if (const auto *g = std::get_if<GivenRecord>(&item.item)) {
      recordLiteral("Given", g->record);
    } else if (const auto *e = std::get_if<GivenExample>(&item.item)) {
      line("Given example " + e->example.text, item.range);
      Indent in(*this);
      fieldValues(e->changes);
    } else if (const auto *p = std::get_if<GivenParam>(&item.item)) {
      line("Given param " + p->param.text, item.range);
      Indent in(*this);
      expr("", p->value.get());
    } else if (const auto *err = std::get_if<ExpectError>(&item.item)) {
      line("Expect error" + (err->message ? " " + quoted(err->message->value) : ""), item.range);
    } else if (const auto *x = std::get_if<ExpectExpr>(&item.item)) {
      line("Expect", item.range);
      Indent in(*this);
      expr("", x->expectation.get());
    } else if (const auto *c = std::get_if<Cases>(&item.item)) {
      line("Cases", item.range);
      Indent in(*this);
      for (const CasesColumn &col : c->columns) {
        if (!col.expect) {
          line("Column " + col.field.text, col.range);
          continue;
        }
        line("Column expect", col.range);
        Indent colIn(*this);
        expr("", col.subject.get());
      }
      for (const CasesRow &row : c->rows) {
        line("CaseRow", row.range);
        Indent rowIn(*this);
        for (const ExprPtr &cell : row.cells)
          expr("", cell.get());
      }
    }
  }

  const SourceFile &file_;
  std::string out_;
  std::size_t depth_ = 0;
};

} // namespace

std::string dumpAst(const ast::Module &module, const SourceFile &file) {
  Dumper dumper(file);
  dumper.module(module);
  return dumper.take();
}

} // namespace xr
