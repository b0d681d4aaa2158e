#include "compiler/codegen/program_key.h"

#include "compiler/support/sha256.h"

#include <bit>
#include <cstring>
#include <variant>

namespace xr::codegen {
namespace {

/// A canonical byte form: every number as 8 little-endian bytes, strings and lists with their
/// length first, each part behind a tag of its own, so that no two programs serialise alike.
class KeyWriter {
public:
  void tag(char t) { hash_.update(std::string_view(&t, 1)); }
  void number(std::uint64_t v) {
    char bytes[8];
    for (int i = 0; i < 8; ++i)
      bytes[i] = static_cast<char>((v >> (8 * i)) & 0xff);
    hash_.update(std::string_view(bytes, 8));
  }
  void integer(std::int64_t v) { number(static_cast<std::uint64_t>(v)); }
  void real(double d) { number(std::bit_cast<std::uint64_t>(d)); }
  void text(const std::string &s) {
    number(s.size());
    hash_.update(s);
  }
  void type(const Type &t) {
    number(static_cast<std::uint64_t>(t.kind));
    number(t.optional ? 1 : 0);
    number(t.enumId);
    number(static_cast<std::uint64_t>(t.duration));
  }
  void slots(const std::vector<ir::SlotId> &list) {
    number(list.size());
    for (ir::SlotId s : list)
      number(s);
  }
  void assignments(const std::vector<ir::Assign> &list) {
    number(list.size());
    for (const ir::Assign &a : list) {
      number(a.slot);
      number(a.value);
    }
  }

  void operator()(const ir::Assign &s) {
    tag('A');
    number(s.slot);
    number(s.value);
  }
  void operator()(const ir::IndicatorStmt &s) {
    tag('I');
    for (std::uint64_t v :
         {std::uint64_t{s.status}, std::uint64_t{s.score}, std::uint64_t{s.checklist}, s.checklists,
          std::uint64_t{s.scoreExpr}, std::uint64_t{s.passExpr}, std::uint64_t{s.scoreRange}})
      number(v);
    assignments(s.lets);
    number(static_cast<std::uint64_t>(s.missing));
    real(s.missingScore);
  }
  void operator()(const ir::CheckStmt &s) {
    tag('C');
    number(s.raised);
    assignments(s.lets);
    number(s.when);
    number(s.raiseOnMissing ? 1 : 0);
  }
  void operator()(const ir::WeightedStmt &s) {
    tag('W');
    number(s.points ? 1 : 0);
    number(s.total);
    number(s.checklist);
    slots(s.domainScores);
    number(s.indicatorDomain.size());
    for (std::uint32_t d : s.indicatorDomain)
      number(d);
    slots(s.indicatorStatus);
    slots(s.indicatorScore);
    for (const auto *table : {&s.indicatorWeight, &s.domainWeight}) {
      number(table->size());
      for (const std::vector<double> &row : *table) {
        number(row.size());
        for (double w : row)
          real(w);
      }
    }
    number(s.nothingAssessed);
  }
  void operator()(const ir::TableStmt &s) {
    tag('T');
    number(s.slot);
    number(static_cast<std::uint64_t>(s.policy));
    number(s.conditions.size());
    for (ir::ExprId e : s.conditions)
      number(e);
    number(s.outcomes.size());
    for (ir::ExprId e : s.outcomes)
      number(e);
    number(s.otherwise);
    number(s.conflict);
  }
  void operator()(const ir::RuleStmt &s) {
    tag('R');
    number(s.applied);
    number(s.when);
    assignments(s.assignments);
  }
  void operator()(const ir::EscalateStmt &s) {
    tag('E');
    number(s.fired);
    number(s.when);
    assignments(s.arguments);
  }

  std::string hex() { return hash_.hexDigest(); }

private:
  Sha256 hash_;
};

} // namespace

std::string programKey(const ir::Program &p) {
  KeyWriter w;
  w.tag('V');
  w.number(kCodegenVersion);
  w.tag('F');
  w.number(p.fields.size());
  for (const ir::FieldInfo &f : p.fields)
    w.type(f.type);
  w.tag('P');
  w.number(p.params.size());
  for (const ir::ParamInfo &param : p.params)
    w.type(param.type);
  w.tag('S');
  w.number(p.slots.size());
  for (const ir::SlotInfo &s : p.slots)
    w.type(s.type);
  w.tag('K');
  w.number(p.constants.size());
  for (const ir::Constant &c : p.constants) {
    w.type(c.type);
    w.number(c.valid ? 1 : 0);
    w.integer(c.i);
    w.real(c.d);
    w.text(c.text);
  }
  w.tag('N');
  w.number(p.nodes.size());
  for (const ir::Node &n : p.nodes) {
    w.number(static_cast<std::uint64_t>(n.op));
    w.type(n.type);
    w.number(n.argCount);
    for (std::uint32_t i = 0; i < n.argCount; ++i)
      w.number(n.firstArg + i < p.args.size() ? p.args[n.firstArg + i] : ~std::uint64_t{0});
    w.integer(n.a);
    w.integer(n.b);
  }
  w.tag('X');
  w.number(p.errors.size());
  for (const ir::ErrorSite &e : p.errors)
    w.number(static_cast<std::uint64_t>(e.kind));
  w.tag('Q');
  w.number(p.statements.size());
  for (const ir::Stmt &stmt : p.statements)
    std::visit(w, stmt.body);
  return w.hex();
}

} // namespace xr::codegen
