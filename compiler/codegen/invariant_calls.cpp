#include "compiler/codegen/invariant_calls.h"

#include "runtime/builtins/registry.h"

#include <utility>

namespace xr::codegen {
namespace {

/// Whether a call of `fn` neither takes nor gives text.
bool withoutText(std::int64_t fn) {
  if (fn < 0 || fn >= static_cast<std::int64_t>(builtins::Fn::Count_))
    return false;
  const builtins::Builtin &entry = builtins::get(static_cast<builtins::Fn>(fn));
  if (entry.result == TypeKind::Text)
    return false;
  for (TypeKind param : entry.params)
    if (param == TypeKind::Text)
      return false;
  return true;
}

} // namespace

InvariantCalls::InvariantCalls(const ir::Program &program) : hoisted_(program.nodes.size(), 0) {
  // Whether each node has the same value for every record, in post-order with an explicit
  // stack (expressions nest as deep as the source lets them). 0 unknown, 1 no, 2 yes, 3 being
  // decided (a node among its own operands, in malformed IR, is not invariant).
  std::vector<std::uint8_t> invariant(program.nodes.size(), 0);
  auto argOk = [&](const ir::Node &n, std::uint32_t i) {
    return static_cast<std::size_t>(n.firstArg) + i < program.args.size() &&
           program.arg(n, i) < program.nodes.size();
  };
  for (ir::ExprId root = 0; root < program.nodes.size(); ++root) {
    std::vector<std::pair<ir::ExprId, bool>> stack{{root, false}};
    while (!stack.empty()) {
      auto [id, childrenDone] = stack.back();
      stack.pop_back();
      if (invariant[id] != 0 && !(childrenDone && invariant[id] == 3))
        continue;
      const ir::Node &n = program.nodes[id];
      if (!childrenDone) {
        invariant[id] = 3;
        stack.emplace_back(id, true);
        for (std::uint32_t i = 0; i < n.argCount; ++i)
          if (argOk(n, i) && invariant[program.arg(n, i)] == 0)
            stack.emplace_back(program.arg(n, i), false);
        continue;
      }
      bool same = n.op != ir::Op::Field && n.op != ir::Op::Slot && n.op != ir::Op::Aggregate &&
                  n.op != ir::Op::Fail;
      for (std::uint32_t i = 0; i < n.argCount && same; ++i)
        same = argOk(n, i) && invariant[program.arg(n, i)] == 2;
      invariant[id] = same ? 2 : 1;
      hoisted_[id] = same && n.op == ir::Op::Call && withoutText(n.a) ? 1 : 0;
    }
  }
}

} // namespace xr::codegen
