#include "bench/fields_read.h"

namespace xr::bench {
namespace {

class FieldCollector {
public:
  explicit FieldCollector(const ir::Program &program)
      : program_(program), read_(program.fields.size(), false), seen_(program.nodes.size(), false) {
  }

  void expression(ir::ExprId root) {
    if (root == ir::kNoExpr)
      return;
    std::vector<ir::ExprId> pending{root};
    while (!pending.empty()) {
      const ir::ExprId id = pending.back();
      pending.pop_back();
      if (seen_[id])
        continue;
      seen_[id] = true;
      const ir::Node &node = program_.node(id);
      if (node.op == ir::Op::Field)
        read_[static_cast<std::size_t>(node.a)] = true;
      for (std::uint32_t i = 0; i < node.argCount; ++i)
        pending.push_back(program_.arg(node, i));
    }
  }

  void assignments(const std::vector<ir::Assign> &list) {
    for (const ir::Assign &assign : list)
      expression(assign.value);
  }

  void statement(const ir::Stmt &stmt) {
    // One overload per statement kind: a new kind does not compile until it is handled here.
    struct Visitor {
      FieldCollector &c;
      void operator()(const ir::Assign &s) { c.expression(s.value); }
      void operator()(const ir::IndicatorStmt &s) {
        c.assignments(s.lets);
        c.expression(s.scoreExpr);
        c.expression(s.passExpr);
      }
      void operator()(const ir::CheckStmt &s) {
        c.assignments(s.lets);
        c.expression(s.when);
      }
      void operator()(const ir::WeightedStmt &) {} // slots only
      void operator()(const ir::TableStmt &s) {
        for (ir::ExprId e : s.conditions)
          c.expression(e);
        for (ir::ExprId e : s.outcomes)
          c.expression(e);
        c.expression(s.otherwise);
      }
      void operator()(const ir::RuleStmt &s) {
        c.expression(s.when);
        c.assignments(s.assignments);
      }
      void operator()(const ir::EscalateStmt &s) {
        c.expression(s.when);
        c.assignments(s.arguments);
      }
    };
    std::visit(Visitor{*this}, stmt.body);
  }

  std::vector<std::uint32_t> fields() const {
    std::vector<std::uint32_t> out;
    for (std::uint32_t f = 0; f < read_.size(); ++f)
      if (read_[f] || program_.fields[f].key)
        out.push_back(f);
    return out;
  }

private:
  const ir::Program &program_;
  std::vector<bool> read_;
  std::vector<bool> seen_;
};

} // namespace

std::vector<std::uint32_t> fieldsRead(const ir::Program &program) {
  FieldCollector collector(program);
  for (const ir::Stmt &stmt : program.statements)
    collector.statement(stmt);
  return collector.fields();
}

} // namespace xr::bench
