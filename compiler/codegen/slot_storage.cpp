#include "compiler/codegen/slot_storage.h"

#include "compiler/codegen/invariant_calls.h"
#include "compiler/ir/slot_access.h"
#include "runtime/batch/column.h"
#include "runtime/builtins/registry.h"

#include <fmt/format.h>

#include <algorithm>

namespace xr::codegen {
namespace {

std::size_t aligned(std::size_t bytes) { return (bytes + 63) / 64 * 64; }

/// Whether a statement's loop stays scalar code: it calls a function the code cannot inline
/// (the calendar's, whose index is not in the kernels' bitcode) with arguments that vary from
/// record to record (invariant_calls.h), or handles text (compared, passed to a kernel, or
/// stored: calls of the host's helpers and of the C library).
bool callsOut(const ir::Program &program, const InvariantCalls &invariant,
              const ir::SlotAccess &access) {
  for (ir::ExprId id : access.nodes) {
    const ir::Node &n = program.nodes[id];
    if (n.type.kind == TypeKind::Text) // a text argument of a call is such a node too
      return true;
    if (n.op == ir::Op::Call && !invariant.contains(id) && n.a >= 0 &&
        n.a < static_cast<std::int64_t>(builtins::Fn::Count_) &&
        builtins::get(static_cast<builtins::Fn>(n.a)).needsCalendar)
      return true;
  }
  for (ir::SlotId s : access.writes)
    if (s < program.slots.size() && program.slots[s].type.kind == TypeKind::Text)
      return true;
  return false;
}

/// Runs of at most kGroupStatements statements, a run ending where a statement that calls out
/// (callsOut) follows one that does not, or the reverse: one call in a loop keeps the loop
/// vectoriser from all of it.
std::vector<std::pair<std::size_t, std::size_t>>
groupStatements(const ir::Program &program, const std::vector<ir::SlotAccess> &accesses) {
  const InvariantCalls invariant(program);
  std::vector<std::pair<std::size_t, std::size_t>> groups;
  std::size_t first = 0;
  for (std::size_t i = 1; i <= program.statements.size(); ++i)
    if (i == program.statements.size() || i - first == kGroupStatements ||
        callsOut(program, invariant, accesses[i]) !=
            callsOut(program, invariant, accesses[first])) {
      groups.emplace_back(first, i);
      first = i;
    }
  return groups;
}

} // namespace

StoragePlan planStorage(const ir::Program &program, const ir::SlotSelection &kept) {
  StoragePlan plan;
  plan.kept = kept;
  const std::size_t slotCount = program.slots.size();
  std::vector<ir::SlotAccess> accesses;
  for (const ir::Stmt &statement : program.statements)
    accesses.push_back(ir::slotAccess(program, statement));
  plan.groups = groupStatements(program, accesses);

  // The groups that touch each slot: none, one (its index), or several.
  constexpr std::int64_t kNone = -1, kSeveral = -2;
  std::vector<std::int64_t> toucher(slotCount, kNone);
  std::vector<bool> written(slotCount, false);
  for (std::size_t g = 0; g < plan.groups.size(); ++g)
    for (std::size_t i = plan.groups[g].first; i < plan.groups[g].second; ++i) {
      const ir::SlotAccess &access = accesses[i];
      auto touch = [&](ir::SlotId s) {
        if (s >= slotCount)
          return;
        std::int64_t &t = toucher[s];
        t = t == kNone || t == static_cast<std::int64_t>(g) ? static_cast<std::int64_t>(g)
                                                            : kSeveral;
      };
      for (ir::SlotId s : access.reads)
        touch(s);
      for (ir::SlotId s : access.writes) {
        touch(s);
        if (s < slotCount)
          written[s] = true;
      }
    }

  plan.slots.resize(slotCount);
  for (ir::SlotId s = 0; s < slotCount; ++s) {
    SlotStorage &storage = plan.slots[s];
    const TypeKind kind = program.slots[s].type.kind;
    if (kept.contains(s)) {
      storage.kind = SlotStorage::Kind::Results;
      if (!written[s])
        plan.unwrittenKept.push_back(s);
    } else if (toucher[s] == kNone) {
      storage.kind = SlotStorage::Kind::None;
    } else if (!written[s]) {
      storage.kind = SlotStorage::Kind::Missing;
    } else if (toucher[s] >= 0 && kind != TypeKind::Text) {
      storage.kind = SlotStorage::Kind::Loop;
      storage.group = static_cast<std::uint32_t>(toucher[s]);
    } else {
      storage.kind = SlotStorage::Kind::Scratch;
      storage.valuesOffset = plan.scratchBytes;
      plan.scratchBytes += aligned(static_cast<std::size_t>(kTileRows) *
                                   batch::elementBytes(batch::storageOf(kind)));
      storage.validOffset = plan.scratchBytes;
      plan.scratchBytes += aligned(static_cast<std::size_t>(kTileRows));
    }
  }
  return plan;
}

std::string planKey(const StoragePlan &plan) {
  std::string key = fmt::format("tile {} scratch {} groups", kTileRows, plan.scratchBytes);
  for (const auto &[first, last] : plan.groups)
    key += fmt::format(" {}-{}", first, last);
  key += " slots";
  for (const SlotStorage &s : plan.slots)
    key += fmt::format(" {}:{}:{}:{}", static_cast<int>(s.kind), s.group, s.valuesOffset,
                       s.validOffset);
  return key;
}

} // namespace xr::codegen
