// The statements of the per-record program but tables (lower_table.cpp), for one record, as
// ir.h defines them.
#include "compiler/codegen/row_lowering.h"

#include <fmt/format.h>

namespace xr::codegen::detail {

void RowLowering::assign(const ir::Assign &a) {
  const Var &target = slot(a.slot);
  store(target, expr(a.value, target.kind));
}

void RowLowering::statement(const ir::Assign &s) { assign(s); }

void RowLowering::statement(const ir::IndicatorStmt &s) {
  const Var &status = slot(s.status);
  const Var &score = slot(s.score);
  if (status.kind != TypeKind::Status || score.kind != TypeKind::Number)
    throw MalformedIr(
        fmt::format("indicator {}: status or score slot of the wrong type", s.indicator));
  if (s.scoreExpr == ir::kNoExpr && s.passExpr == ir::kNoExpr)
    throw MalformedIr(fmt::format("indicator {} with neither score nor pass", s.indicator));

  // A member of the applied checklist (a missing checklist lists nothing).
  llvm::Value *member = truth(true);
  if (s.checklist != ir::kNoSlot) {
    Value list = load(slot(s.checklist));
    if (slot(s.checklist).kind != TypeKind::Int)
      throw MalformedIr("the checklist slot is not an int slot");
    llvm::Value *bit = b_.CreateTrunc(
        b_.CreateLShr(i64(static_cast<std::int64_t>(s.checklists)), b_.CreateAnd(list.v, i64(63))),
        b_.getInt1Ty());
    member = b_.CreateAnd(b_.CreateAnd(list.ok, b_.CreateICmpULT(list.v, i64(64))), bit);
  }

  const bool hasScore = s.scoreExpr != ir::kNoExpr;
  const bool hasPass = s.passExpr != ir::kNoExpr;
  ifThenElse(
      member,
      [&] {
        for (const ir::Assign &let : s.lets)
          assign(let);
        Value sv;
        Value pv;
        if (hasScore) {
          sv = expr(s.scoreExpr, TypeKind::Number);
          store(score, sv); // the pass condition may read it
        }
        if (hasPass)
          pv = expr(s.passExpr, TypeKind::Bool);
        if (hasScore) {
          // Out of 0..100, NaN included, after the pass condition.
          llvm::Value *inRange =
              b_.CreateAnd(b_.CreateFCmpOGE(sv.v, f64(0.0)), b_.CreateFCmpOLE(sv.v, f64(100.0)));
          raiseIf(b_.CreateAnd(sv.ok, b_.CreateNot(inRange)));
        }

        // The missing policy's outcome, fixed at compile time.
        std::uint8_t missingStatus = static_cast<std::uint8_t>(ir::Status::NotAssessed);
        double missingScore = 0;
        bool missingValid = false;
        switch (s.missing) {
        case ir::IndicatorStmt::Missing::NotAssessed:
          break;
        case ir::IndicatorStmt::Missing::Fail:
          missingStatus = static_cast<std::uint8_t>(ir::Status::Fail);
          missingValid = true;
          break;
        case ir::IndicatorStmt::Missing::Pass:
          missingStatus = static_cast<std::uint8_t>(ir::Status::Pass);
          missingScore = 100;
          missingValid = true;
          break;
        case ir::IndicatorStmt::Missing::Score:
          missingStatus =
              static_cast<std::uint8_t>(s.missingScore >= 60 ? ir::Status::Pass : ir::Status::Fail);
          missingScore = s.missingScore;
          missingValid = true;
          break;
        }

        llvm::Value *isMissing = truth(false);
        if (hasScore)
          isMissing = b_.CreateOr(isMissing, b_.CreateNot(sv.ok));
        if (hasPass)
          isMissing = b_.CreateOr(isMissing, b_.CreateNot(pv.ok));
        llvm::Value *passes = hasPass ? pv.v : truth(false);
        llvm::Value *sc = hasScore ? sv.v : b_.CreateSelect(passes, f64(100.0), f64(0.0));
        llvm::Value *passed = hasPass ? passes : b_.CreateFCmpOGE(sc, f64(60.0));
        llvm::Value *assessed =
            b_.CreateSelect(passed, i8(static_cast<std::uint8_t>(ir::Status::Pass)),
                            i8(static_cast<std::uint8_t>(ir::Status::Fail)));
        store(status, present(b_.CreateSelect(isMissing, i8(missingStatus), assessed)));
        store(score, Value{b_.CreateSelect(isMissing, f64(missingScore), sc), nullptr,
                           b_.CreateSelect(isMissing, truth(missingValid), truth(true))});
      },
      [&] {
        store(status, present(i8(static_cast<std::uint8_t>(ir::Status::NotApplicable))));
        store(score, missing(TypeKind::Number));
        for (const ir::Assign &let : s.lets)
          store(slot(let.slot), missing(slot(let.slot).kind));
      });
}

void RowLowering::statement(const ir::CheckStmt &s) {
  for (const ir::Assign &let : s.lets)
    assign(let);
  Value when = expr(s.when, TypeKind::Bool);
  const Var &raised = slot(s.raised);
  store(raised, present(b_.CreateSelect(when.ok, when.v, truth(s.raiseOnMissing))));
}

void RowLowering::statement(const ir::WeightedStmt &s) {
  const std::size_t lists = s.indicatorWeight.size();
  const std::size_t count = s.indicatorStatus.size();
  if (lists == 0 || s.domainWeight.size() != lists || s.indicatorDomain.size() != count ||
      s.indicatorScore.size() != count)
    throw MalformedIr("a weighted statement whose tables do not agree");
  for (std::size_t c = 0; c < lists; ++c)
    if (s.indicatorWeight[c].size() != count || s.domainWeight[c].size() != s.domainScores.size())
      throw MalformedIr("a weight table of the wrong size");
  if (s.checklist == ir::kNoSlot || lists == 1) {
    weightedForChecklist(s, 0);
    return;
  }
  // The applied checklist's index, 0 when out of range (as the interpreter reads it: the value
  // whatever its validity). One straight block per checklist, its weights constants.
  Value list = load(slot(s.checklist));
  llvm::Value *inRange =
      b_.CreateAnd(b_.CreateICmpSGE(list.v, i64(0)),
                   b_.CreateICmpSLT(list.v, i64(static_cast<std::int64_t>(lists))));
  llvm::Value *index = b_.CreateSelect(inRange, list.v, i64(0));
  llvm::BasicBlock *join = block("weighted.join");
  std::vector<llvm::BasicBlock *> cases;
  for (std::size_t c = 0; c < lists; ++c)
    cases.push_back(block("weighted.checklist"));
  llvm::SwitchInst *dispatch = b_.CreateSwitch(index, cases[0], static_cast<unsigned>(lists));
  for (std::size_t c = 0; c < lists; ++c) {
    dispatch->addCase(b_.getInt64(c), cases[c]);
    b_.SetInsertPoint(cases[c]);
    weightedForChecklist(s, c);
    b_.CreateBr(join);
  }
  b_.SetInsertPoint(join);
}

void RowLowering::weightedForChecklist(const ir::WeightedStmt &s, std::size_t c) {
  const std::size_t domains = s.domainScores.size();
  std::vector<llvm::Value *> num(domains, f64(0.0));
  std::vector<llvm::Value *> den(domains, f64(0.0));
  // Per domain, in indicator index order: num_d += w * s, den_d += w, with w the weight when
  // the indicator passed or failed and 0 otherwise (the interpreter's exact operations).
  for (std::size_t i = 0; i < s.indicatorStatus.size(); ++i) {
    const std::size_t d = s.indicatorDomain[i];
    const double weight = s.indicatorWeight[c][i];
    if (d >= domains || !(weight > 0))
      continue;
    const Var &status = slot(s.indicatorStatus[i]);
    const Var &score = slot(s.indicatorScore[i]);
    if (status.kind != TypeKind::Status || score.kind != TypeKind::Number)
      throw MalformedIr("an indicator status or score slot of the wrong type");
    llvm::Value *st = load(status).v;
    llvm::Value *sc = load(score).v;
    llvm::Value *assessed =
        b_.CreateOr(b_.CreateICmpEQ(st, i8(static_cast<std::uint8_t>(ir::Status::Pass))),
                    b_.CreateICmpEQ(st, i8(static_cast<std::uint8_t>(ir::Status::Fail))));
    llvm::Value *w = b_.CreateSelect(assessed, f64(weight), f64(0.0));
    num[d] = b_.CreateFAdd(num[d], b_.CreateFMul(w, sc));
    den[d] = b_.CreateFAdd(den[d], w);
  }
  for (std::size_t d = 0; d < domains; ++d) {
    llvm::Value *assessed = b_.CreateFCmpOGT(den[d], f64(0.0));
    store(slot(s.domainScores[d]),
          Value{b_.CreateSelect(assessed, b_.CreateFDiv(num[d], den[d]), f64(0.0)), nullptr,
                assessed});
  }
  llvm::Value *numerator = f64(0.0);
  llvm::Value *denominator = f64(0.0);
  for (std::size_t d = 0; d < domains; ++d) {
    llvm::Value *counted = b_.CreateFCmpOGT(den[d], f64(0.0));
    llvm::Value *addNum = nullptr;
    llvm::Value *addDen = nullptr;
    if (s.points) {
      addNum = b_.CreateFAdd(numerator, num[d]);
      addDen = b_.CreateFAdd(denominator, den[d]);
    } else {
      const double domainWeight = s.domainWeight[c][d];
      llvm::Value *product = b_.CreateFMul(f64(domainWeight), b_.CreateFDiv(num[d], den[d]));
      addNum = b_.CreateFAdd(numerator, product);
      addDen = b_.CreateFAdd(denominator, f64(domainWeight));
    }
    numerator = b_.CreateSelect(counted, addNum, numerator);
    denominator = b_.CreateSelect(counted, addDen, denominator);
  }
  llvm::Value *assessed = b_.CreateFCmpOGT(denominator, f64(0.0));
  store(slot(s.total),
        Value{b_.CreateSelect(assessed, b_.CreateFDiv(numerator, denominator), f64(0.0)), nullptr,
              assessed});
  raiseIf(b_.CreateNot(assessed));
}

void RowLowering::statement(const ir::RuleStmt &s) {
  Value when = expr(s.when, TypeKind::Bool);
  llvm::Value *applies = b_.CreateAnd(when.ok, when.v);
  store(slot(s.applied), present(applies));
  if (s.assignments.empty())
    return;
  ifThen(applies, [&] {
    for (const ir::Assign &a : s.assignments)
      assign(a);
  });
}

void RowLowering::statement(const ir::EscalateStmt &s) {
  Value when = expr(s.when, TypeKind::Bool);
  llvm::Value *fires = b_.CreateAnd(when.ok, when.v);
  store(slot(s.fired), present(fires));
  for (const ir::Assign &a : s.arguments)
    store(slot(a.slot), missing(slot(a.slot).kind));
  if (s.arguments.empty())
    return;
  ifThen(fires, [&] {
    for (const ir::Assign &a : s.arguments)
      assign(a);
  });
}

} // namespace xr::codegen::detail
