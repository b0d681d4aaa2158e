// The statements of the per-record program (ir.h), run a chunk at a time. Each runner writes
// every slot it owns for every active row, evaluates its expressions in the per-record order
// ir.h gives, and removes the rows that raise an error from `active`.
#include "runtime/builtins/kernels.h"
#include "runtime/interp/engine.h"

#include <array>
#include <bit>
#include <type_traits>
#include <variant>

namespace xr::interp::detail {
namespace {

using batch::Storage;
using ir::Status;
using U8 = std::uint8_t;
using I64 = std::int64_t;

template <class T> T *column(Workspace &ws, ir::SlotId s) {
  return ws.results->slot(s).values<T>() + ws.start;
}
U8 *validity(Workspace &ws, ir::SlotId s) { return ws.results->slot(s).validity() + ws.start; }

U8 statusByte(Status s) { return static_cast<U8>(s); }

/// Removes from `active` the rows that failed since `before`.
void dropFailed(Workspace &ws, Sel &active, std::uint64_t before) {
  if (ws.errorCount != before)
    active.dropErrored(ws);
}

bool isTrue(const Vec &v, Row r) { return v.validAt(r) && v.at<U8>(r) != 0; }

// ------------------------------------------------------------------------------ assign

void run(const Engine &e, Workspace &ws, std::size_t, const ir::Assign &s, Sel &active) {
  Vec v = e.eval(ws, s.value, active);
  e.store(ws, s.slot, v, active, true);
}

// ------------------------------------------------------------------------------ indicator

/// Status and score from the score (sv) and pass (pv) values, where the indicator has them,
/// without a branch per row: the assessed outcome and the missing policy's outcome are both
/// computed and one is selected.
template <bool HasScore, bool HasPass>
void finishRows(Workspace &ws, const ir::IndicatorStmt &s, const Sel &members, const Vec *sv,
                const Vec *pv, U8 *status, double *score, U8 *scoreValid) {
  // Constants spread over the rows, so that every operand is a plain array.
  RowArrays<double> scoreArrays;
  RowArrays<U8> passArrays;
  if constexpr (HasScore)
    scoreArrays = rowArrays<double>(ws, members, *sv);
  if constexpr (HasPass)
    passArrays = rowArrays<U8>(ws, members, *pv);
  const double *scores = scoreArrays.value;
  const U8 *scoreOk = HasScore ? scoreArrays.valid : kAllOnes.data();
  const U8 *passes = passArrays.value;
  const U8 *passOk = HasPass ? passArrays.valid : kAllOnes.data();
  // The missing policy's outcome.
  U8 missingStatus = statusByte(Status::NotAssessed);
  double missingScore = 0;
  U8 missingValid = 0;
  switch (s.missing) {
  case ir::IndicatorStmt::Missing::NotAssessed:
    break;
  case ir::IndicatorStmt::Missing::Fail:
    missingStatus = statusByte(Status::Fail);
    missingValid = 1;
    break;
  case ir::IndicatorStmt::Missing::Pass:
    missingStatus = statusByte(Status::Pass);
    missingScore = 100;
    missingValid = 1;
    break;
  case ir::IndicatorStmt::Missing::Score:
    missingStatus = statusByte(s.missingScore >= 60 ? Status::Pass : Status::Fail);
    missingScore = s.missingScore;
    missingValid = 1;
    break;
  }
  static_assert(static_cast<int>(Status::Fail) - 1 == static_cast<int>(Status::Pass));
  members.forEach([&](Row r) {
    const bool missing = (HasScore && !scoreOk[r]) | (HasPass && !passOk[r]);
    const bool p = HasPass && passes[r] != 0;
    const double sc = HasScore ? scores[r] : (p ? 100.0 : 0.0);
    const bool passed = HasPass ? p : sc >= 60;
    const U8 assessed = static_cast<U8>(statusByte(Status::Fail) - passed); // Pass 1, Fail 2
    status[r] = missing ? missingStatus : assessed;
    score[r] = missing ? missingScore : sc;
    scoreValid[r] = missing ? missingValid : 1;
  });
}

void finishIndicator(Workspace &ws, const ir::IndicatorStmt &s, const Sel &members, const Vec *sv,
                     const Vec *pv, U8 *status, double *score, U8 *scoreValid) {
  if (sv && pv)
    finishRows<true, true>(ws, s, members, sv, pv, status, score, scoreValid);
  else if (sv)
    finishRows<true, false>(ws, s, members, sv, pv, status, score, scoreValid);
  else
    finishRows<false, true>(ws, s, members, sv, pv, status, score, scoreValid);
}

/// The active rows whose checklist lists the indicator, shared by the indicators of one
/// checklist while no row fails.
Sel memberRows(Workspace &ws, const ir::IndicatorStmt &s, const Sel &active) {
  if (s.checklist == ir::kNoSlot)
    return active.copy(ws);
  for (const Workspace::Members &m : ws.members)
    if (m.checklist == s.checklist && m.mask == s.checklists && m.errorCount == ws.errorCount)
      return m.rows.copy(ws);
  const I64 *list = column<I64>(ws, s.checklist);
  const U8 *listValid = validity(ws, s.checklist);
  const std::uint64_t mask = s.checklists;
  Sel rows = Sel::filter(ws, active, [&](Row r) {
    const auto c = static_cast<std::uint64_t>(list[r]);
    return (listValid[r] != 0) & (c < 64) & (((mask >> (c & 63)) & 1) != 0);
  });
  std::erase_if(ws.members,
                [&](const Workspace::Members &m) { return m.errorCount != ws.errorCount; });
  ws.members.push_back({s.checklist, mask, ws.errorCount, rows.copy(ws)});
  return rows;
}

void run(const Engine &e, Workspace &ws, std::size_t, const ir::IndicatorStmt &s, Sel &active) {
  U8 *status = column<U8>(ws, s.status);
  U8 *statusValid = validity(ws, s.status);
  double *score = column<double>(ws, s.score);
  U8 *scoreValid = validity(ws, s.score);
  Sel members = memberRows(ws, s, active);
  // Not applicable unless a member of the record's checklist.
  if (members.size() != active.size()) {
    active.forEach([&](Row r) {
      status[r] = statusByte(Status::NotApplicable);
      statusValid[r] = 1;
      score[r] = 0;
      scoreValid[r] = 0;
    });
    for (const ir::Assign &let : s.lets)
      e.storeMissing(ws, let.slot, active);
  } else {
    active.forEach([&](Row r) { statusValid[r] = 1; }); // a status is never missing
  }
  ws.slotAllValid[s.status] = 1;
  ws.slotAllValid[s.score] = 0;
  if (members.empty())
    return;

  const std::uint64_t before = ws.errorCount;
  for (const ir::Assign &let : s.lets) {
    Vec v = e.eval(ws, let.value, members);
    e.store(ws, let.slot, v, members, false);
  }
  const bool hasScore = s.scoreExpr != ir::kNoExpr;
  const bool hasPass = s.passExpr != ir::kNoExpr;
  Vec sv;
  Vec pv;
  if (hasScore) {
    sv = e.eval(ws, s.scoreExpr, members);
    e.store(ws, s.score, sv, members, false); // the pass condition may read it
  }
  if (hasPass)
    pv = e.eval(ws, s.passExpr, members);
  if (hasScore) {
    batch::RowError err;
    err.site = s.scoreRange;
    err.kind = ir::ErrorKind::ScoreOutOfRange;
    members.forEach([&](Row r) {
      if (!sv.validAt(r))
        return;
      const double v = sv.at<double>(r);
      if (!(v >= 0 && v <= 100)) { // NaN is out of range too
        err.detail[0] = std::bit_cast<I64>(v);
        ws.raise(r, err);
      }
    });
    dropFailed(ws, members, before);
  }

  finishIndicator(ws, s, members, hasScore ? &sv : nullptr, hasPass ? &pv : nullptr, status, score,
                  scoreValid);
  dropFailed(ws, active, before);
}

// ------------------------------------------------------------------------------ check

void run(const Engine &e, Workspace &ws, std::size_t, const ir::CheckStmt &s, Sel &active) {
  for (const ir::Assign &let : s.lets) {
    Vec v = e.eval(ws, let.value, active);
    e.store(ws, let.slot, v, active, true);
  }
  Vec w = e.eval(ws, s.when, active);
  U8 *raised = column<U8>(ws, s.raised);
  U8 *raisedValid = validity(ws, s.raised);
  const U8 onMissing = s.raiseOnMissing ? 1 : 0;
  active.forEach([&](Row r) {
    raised[r] = w.validAt(r) ? w.at<U8>(r) : onMissing;
    raisedValid[r] = 1;
  });
  ws.slotAllValid[s.raised] = 1;
}

// ------------------------------------------------------------------------------ weighted

void run(const Engine &e, Workspace &ws, std::size_t index, const ir::WeightedStmt &s,
         Sel &active) {
  const Engine::Weights &weights = e.weights(index);
  const std::size_t domains = s.domainScores.size();
  const std::size_t indicators = s.indicatorStatus.size();
  ws.sums.resize(2 * domains * kChunk);
  double *sums = ws.sums.data();
  auto num = [&](std::size_t d) { return sums + d * kChunk; };
  auto den = [&](std::size_t d) { return sums + (domains + d) * kChunk; };
  for (std::size_t d = 0; d < domains; ++d) {
    double *n = num(d);
    double *w = den(d);
    active.forEach([&](Row r) {
      n[r] = 0.0;
      w[r] = 0.0;
    });
  }
  const I64 *list = s.checklist == ir::kNoSlot ? nullptr : column<I64>(ws, s.checklist);
  auto checklistOf = [&](Row r) -> std::size_t {
    if (!list)
      return 0;
    const I64 c = list[r];
    return c >= 0 && static_cast<std::size_t>(c) < weights.checklists ? static_cast<std::size_t>(c)
                                                                      : 0;
  };
  constexpr U8 kPass = static_cast<U8>(Status::Pass);
  constexpr U8 kFail = static_cast<U8>(Status::Fail);

  // Per domain, in indicator index order: num_d += w * s, den_d += w. The rows of one checklist
  // at a time, so that an indicator's weight is one number and the indicators outside the
  // checklist (weight 0) are skipped whole.
  for (std::size_t c = 0; c < (list ? weights.checklists : 1); ++c) {
    Sel rows = list ? Sel::filter(ws, active, [&](Row r) { return checklistOf(r) == c; })
                    : active.copy(ws);
    if (rows.empty())
      continue;
    for (std::size_t i = 0; i < indicators; ++i) {
      const std::size_t d = s.indicatorDomain[i];
      const double weight = weights.indicator[c * indicators + i];
      if (d >= domains || !(weight > 0))
        continue;
      const U8 *st = column<U8>(ws, s.indicatorStatus[i]);
      const double *sc = column<double>(ws, s.indicatorScore[i]);
      double *n = num(d);
      double *w = den(d);
      // Branch-free: a row whose indicator was not assessed adds 0 * 0 = +0, and adding +0
      // leaves a sum that started at +0 and only grew by products >= +0 bit for bit unchanged,
      // exactly as skipping the row would.
      rows.forEach([&](Row r) {
        const double wm = ((st[r] == kPass) | (st[r] == kFail)) ? weight : 0.0;
        n[r] += wm * sc[r];
        w[r] += wm;
      });
    }
  }

  for (std::size_t d = 0; d < domains; ++d) {
    double *out = column<double>(ws, s.domainScores[d]);
    U8 *outValid = validity(ws, s.domainScores[d]);
    const double *n = num(d);
    const double *w = den(d);
    active.forEach([&](Row r) {
      const bool assessed = w[r] > 0;
      out[r] = assessed ? n[r] / w[r] : 0.0;
      outValid[r] = assessed;
    });
    ws.slotAllValid[s.domainScores[d]] = 0;
  }

  double *total = column<double>(ws, s.total);
  U8 *totalValid = validity(ws, s.total);
  batch::RowError err;
  err.site = s.nothingAssessed;
  err.kind = ir::ErrorKind::NothingAssessed;
  const std::uint64_t before = ws.errorCount;
  active.forEach([&](Row r) {
    const std::size_t c = checklistOf(r);
    double numerator = 0.0;
    double denominator = 0.0;
    for (std::size_t d = 0; d < domains; ++d) {
      const double w = den(d)[r];
      if (!(w > 0))
        continue;
      if (s.points) {
        numerator += num(d)[r];
        denominator += w;
      } else {
        const double domainWeight = weights.domain[c * domains + d];
        const double product = domainWeight * (num(d)[r] / w);
        numerator += product;
        denominator += domainWeight;
      }
    }
    if (denominator > 0) {
      total[r] = numerator / denominator;
      totalValid[r] = 1;
    } else {
      total[r] = 0;
      totalValid[r] = 0;
      err.detail[0] = static_cast<I64>(c);
      ws.raise(r, err);
    }
  });
  ws.slotAllValid[s.total] = 1;
  dropFailed(ws, active, before);
}

// ------------------------------------------------------------------------------ tables

using Policy = ir::TableStmt::Policy;

/// Rows of `active` whose first matching table row is k (K: none matched).
Sel firstHitIs(Workspace &ws, const Sel &active, std::uint32_t k) {
  const std::uint32_t *first = ws.firstHit.data();
  return Sel::filter(ws, active, [&](Row r) { return first[r] == k; });
}

Sel hitsRow(Workspace &ws, const Sel &active, std::uint32_t k) {
  const U8 *h = ws.hits.data() + static_cast<std::size_t>(k) * kChunk;
  return Sel::filter(ws, active, [&](Row r) { return h[r] != 0; });
}

batch::RowError conflict(const ir::TableStmt &s, ir::ErrorKind kind, std::uint32_t a,
                         std::uint32_t b) {
  batch::RowError err;
  err.site = s.conflict;
  err.kind = kind;
  err.detail[0] = a + 1;
  err.detail[1] = b + 1;
  return err;
}

/// Evaluates the conditions in row order and records, per record, the first matching row
/// (firstHit) and, unless `firstOnly`, every matching row (hits). first: a record stops at its
/// first match. unique: a second match raises the conflict at once.
void matchConditions(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active) {
  const auto count = static_cast<std::uint32_t>(s.conditions.size());
  ws.firstHit.resize(kChunk);
  std::uint32_t *first = ws.firstHit.data();
  active.forEach([&](Row r) { first[r] = count; });
  const std::uint64_t before = ws.errorCount;
  if (s.policy == Policy::First) {
    Sel pending = active.copy(ws);
    for (std::uint32_t k = 0; k < count && !pending.empty(); ++k) {
      Vec c = e.eval(ws, s.conditions[k], pending);
      pending = Sel::filter(ws, pending, [&](Row r) {
        if (!isTrue(c, r))
          return true;
        first[r] = k;
        return false;
      });
    }
  } else if (s.policy == Policy::Unique) {
    Sel rows = active.copy(ws);
    for (std::uint32_t k = 0; k < count && !rows.empty(); ++k) {
      Vec c = e.eval(ws, s.conditions[k], rows);
      const std::uint64_t mark = ws.errorCount;
      rows.forEach([&](Row r) {
        if (!isTrue(c, r))
          return;
        if (first[r] != count)
          ws.raise(r, conflict(s, ir::ErrorKind::UniqueConflict, first[r], k));
        else
          first[r] = k;
      });
      dropFailed(ws, rows, mark);
    }
  } else {
    ws.hits.resize(static_cast<std::size_t>(count) * kChunk);
    Sel rows = active.copy(ws);
    for (std::uint32_t k = 0; k < count && !rows.empty(); ++k) {
      Vec c = e.eval(ws, s.conditions[k], rows);
      U8 *h = ws.hits.data() + static_cast<std::size_t>(k) * kChunk;
      rows.forEach([&](Row r) {
        const bool m = isTrue(c, r);
        h[r] = m;
        if (m && first[r] == count)
          first[r] = k;
      });
    }
  }
  dropFailed(ws, active, before);
}

/// The result of a table, built row by row, then stored once.
template <class T> struct TableValue {
  Scratch buffer;
  T *o = nullptr;
  U8 *ov = nullptr;
  explicit TableValue(Workspace &ws) : buffer(ws.scratch()) {
    o = buffer.values<T>();
    ov = buffer.valid();
  }
  Vec vec() const { return Vec{o, ov, false, {}}; }
};

/// Rows with no matching table row get `otherwise` when there is one, else fallback().
template <class T, class Fallback>
void noMatch(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active,
             TableValue<T> &value, Fallback fallback) {
  const auto none = static_cast<std::uint32_t>(s.conditions.size());
  Sel rows = firstHitIs(ws, active, none);
  if (rows.empty())
    return;
  if (s.otherwise == ir::kNoExpr) {
    rows.forEach([&](Row r) { fallback(r); });
    return;
  }
  const std::uint64_t before = ws.errorCount;
  Vec v = e.eval(ws, s.otherwise, rows);
  rows.forEach([&](Row r) {
    value.ov[r] = v.validAt(r);
    value.o[r] = v.validAt(r) ? v.template at<T>(r) : T{};
  });
  dropFailed(ws, active, before);
}

/// first and unique: the outcome of the one matching row.
template <class T>
void tableSingle(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active) {
  TableValue<T> value(ws);
  const std::uint64_t before = ws.errorCount;
  for (std::uint32_t k = 0; k < s.outcomes.size(); ++k) {
    Sel rows = firstHitIs(ws, active, k);
    if (rows.empty())
      continue;
    Vec v = e.eval(ws, s.outcomes[k], rows);
    rows.forEach([&](Row r) {
      value.ov[r] = v.validAt(r);
      value.o[r] = v.validAt(r) ? v.template at<T>(r) : T{};
    });
  }
  dropFailed(ws, active, before);
  noMatch<T>(e, ws, s, active, value, [&](Row r) {
    value.o[r] = T{};
    value.ov[r] = 0;
  });
  e.store(ws, s.slot, value.vec(), active, true);
}

/// any: every matching row must give the same outcome (missing equals only missing).
template <class T>
void tableAny(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active) {
  TableValue<T> value(ws);
  const std::uint32_t *first = ws.firstHit.data();
  for (std::uint32_t k = 0; k < s.outcomes.size(); ++k) {
    Sel rows = hitsRow(ws, active, k);
    if (rows.empty())
      continue;
    const std::uint64_t before = ws.errorCount;
    Vec v = e.eval(ws, s.outcomes[k], rows);
    rows.forEach([&](Row r) {
      const bool valid = v.validAt(r);
      if (first[r] == k) {
        value.ov[r] = valid;
        value.o[r] = valid ? v.template at<T>(r) : T{};
        return;
      }
      const bool same = value.ov[r] == valid && (!valid || value.o[r] == v.template at<T>(r));
      if (!same)
        ws.raise(r, conflict(s, ir::ErrorKind::AnyConflict, first[r], k));
    });
    dropFailed(ws, active, before);
  }
  noMatch<T>(e, ws, s, active, value, [&](Row r) {
    value.o[r] = T{};
    value.ov[r] = 0;
  });
  e.store(ws, s.slot, value.vec(), active, true);
}

/// priority, collect, collect sum/min/max: folds the outcomes of the matching rows in row
/// order with combine(r, outcome) after init(r); missing outcomes are skipped.
template <class T, class O, class Init, class Combine, class Fallback>
void tableFold(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active,
               TableValue<T> &value, Init init, Combine combine, Fallback fallback) {
  active.forEach([&](Row r) { init(r); });
  for (std::uint32_t k = 0; k < s.outcomes.size(); ++k) {
    Sel rows = hitsRow(ws, active, k);
    if (rows.empty())
      continue;
    const std::uint64_t before = ws.errorCount;
    Vec v = e.eval(ws, s.outcomes[k], rows);
    rows.forEach([&](Row r) {
      if (v.validAt(r))
        combine(r, v.template at<O>(r));
    });
    dropFailed(ws, active, before);
  }
  noMatch<T>(e, ws, s, active, value, fallback);
  e.store(ws, s.slot, value.vec(), active, true);
}

void tablePriority(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active) {
  TableValue<std::int32_t> value(ws);
  tableFold<std::int32_t, std::int32_t>(
      e, ws, s, active, value,
      [&](Row r) {
        value.o[r] = 0;
        value.ov[r] = 0;
      },
      [&](Row r, std::int32_t member) {
        if (!value.ov[r] || member < value.o[r]) {
          value.o[r] = member;
          value.ov[r] = 1;
        }
      },
      [&](Row r) {
        value.o[r] = 0;
        value.ov[r] = 0;
      });
}

void tableCollect(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active) {
  // The value is a set: `otherwise` gives the set of its one member.
  TableValue<std::uint64_t> value(ws);
  active.forEach([&](Row r) {
    value.o[r] = 0;
    value.ov[r] = 1;
  });
  for (std::uint32_t k = 0; k < s.outcomes.size(); ++k) {
    Sel rows = hitsRow(ws, active, k);
    if (rows.empty())
      continue;
    const std::uint64_t before = ws.errorCount;
    Vec v = e.eval(ws, s.outcomes[k], rows);
    rows.forEach([&](Row r) {
      const std::int32_t member = v.at<std::int32_t>(r);
      if (v.validAt(r) && member >= 0 && member < 64)
        value.o[r] |= std::uint64_t{1} << member;
    });
    dropFailed(ws, active, before);
  }
  if (s.otherwise != ir::kNoExpr) {
    Sel rows = firstHitIs(ws, active, static_cast<std::uint32_t>(s.conditions.size()));
    if (!rows.empty()) {
      const std::uint64_t before = ws.errorCount;
      Vec v = e.eval(ws, s.otherwise, rows);
      rows.forEach([&](Row r) {
        const std::int32_t member = v.at<std::int32_t>(r);
        if (v.validAt(r) && member >= 0 && member < 64)
          value.o[r] = std::uint64_t{1} << member;
      });
      dropFailed(ws, active, before);
    }
  }
  e.store(ws, s.slot, value.vec(), active, true);
}

template <class T>
void tableSum(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active) {
  TableValue<T> value(ws);
  tableFold<T, T>(
      e, ws, s, active, value,
      [&](Row r) {
        value.o[r] = 0;
        value.ov[r] = 1;
      },
      [&](Row r, T x) {
        if constexpr (std::is_same_v<T, I64>) {
          I64 sum = 0;
          if (__builtin_add_overflow(value.o[r], x, &sum))
            ws.raise(r, [&] {
              batch::RowError err;
              err.site = s.conflict;
              err.kind = ir::ErrorKind::IntegerOverflow;
              return err;
            }());
          value.o[r] = sum;
        } else {
          value.o[r] = value.o[r] + x;
        }
      },
      [&](Row r) {
        value.o[r] = 0;
        value.ov[r] = 1;
      });
}

template <class T, bool IsMin>
void tableMinMax(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active) {
  TableValue<T> value(ws);
  auto pick = [](T a, T b) -> T {
    if constexpr (std::is_same_v<T, double>)
      return IsMin ? xr_min_number(a, b) : xr_max_number(a, b);
    else
      return IsMin ? xr_min_int(a, b) : xr_max_int(a, b);
  };
  tableFold<T, T>(
      e, ws, s, active, value,
      [&](Row r) {
        value.o[r] = 0;
        value.ov[r] = 0;
      },
      [&](Row r, T x) {
        value.o[r] = value.ov[r] ? pick(value.o[r], x) : x;
        value.ov[r] = 1;
      },
      [&](Row r) {
        value.o[r] = 0;
        value.ov[r] = 0;
      });
}

void tableCount(const Engine &e, Workspace &ws, const ir::TableStmt &s, Sel &active) {
  TableValue<I64> value(ws);
  const auto count = static_cast<std::uint32_t>(s.conditions.size());
  active.forEach([&](Row r) {
    I64 n = 0;
    for (std::uint32_t k = 0; k < count; ++k)
      n += ws.hits[static_cast<std::size_t>(k) * kChunk + r];
    value.o[r] = n;
    value.ov[r] = 1;
  });
  noMatch<I64>(e, ws, s, active, value, [&](Row r) {
    value.o[r] = 0;
    value.ov[r] = 1;
  });
  e.store(ws, s.slot, value.vec(), active, true);
}

template <class F> void withStorage(Storage storage, F &&f) {
  switch (storage) {
  case Storage::U8:
    f.template operator()<std::uint8_t>();
    break;
  case Storage::I32:
    f.template operator()<std::int32_t>();
    break;
  case Storage::I64:
    f.template operator()<std::int64_t>();
    break;
  case Storage::F64:
    f.template operator()<double>();
    break;
  case Storage::U64:
    f.template operator()<std::uint64_t>();
    break;
  case Storage::Text:
    f.template operator()<std::string_view>();
    break;
  }
}

void run(const Engine &e, Workspace &ws, std::size_t, const ir::TableStmt &s, Sel &active) {
  matchConditions(e, ws, s, active);
  const Storage storage = ws.results->slot(s.slot).storage();
  const bool isInt = storage == Storage::I64;
  switch (s.policy) {
  case Policy::First:
  case Policy::Unique:
    withStorage(storage, [&]<class T>() { tableSingle<T>(e, ws, s, active); });
    return;
  case Policy::Any:
    withStorage(storage, [&]<class T>() { tableAny<T>(e, ws, s, active); });
    return;
  case Policy::Priority:
    tablePriority(e, ws, s, active);
    return;
  case Policy::Collect:
    tableCollect(e, ws, s, active);
    return;
  case Policy::Sum:
    isInt ? tableSum<I64>(e, ws, s, active) : tableSum<double>(e, ws, s, active);
    return;
  case Policy::Min:
    isInt ? tableMinMax<I64, true>(e, ws, s, active) : tableMinMax<double, true>(e, ws, s, active);
    return;
  case Policy::Max:
    isInt ? tableMinMax<I64, false>(e, ws, s, active)
          : tableMinMax<double, false>(e, ws, s, active);
    return;
  case Policy::Count:
    tableCount(e, ws, s, active);
    return;
  }
}

// ------------------------------------------------------------------------------ rules

/// The body of a rule or an escalation: whether `when` holds goes to the `flag` slot of every
/// active row, then the assignments run for the rows where it holds. `missingElsewhere`: the
/// assigned slots are missing where it does not hold (an escalation's arguments); a rule's
/// outputs keep what earlier rules gave them.
void runWhen(const Engine &e, Workspace &ws, ir::ExprId when, ir::SlotId flag,
             const std::vector<ir::Assign> &assignments, bool missingElsewhere, Sel &active) {
  Vec w = e.eval(ws, when, active);
  U8 *held = column<U8>(ws, flag);
  U8 *heldValid = validity(ws, flag);
  active.forEach([&](Row r) {
    held[r] = isTrue(w, r);
    heldValid[r] = 1;
  });
  ws.slotAllValid[flag] = 1;
  if (missingElsewhere)
    for (const ir::Assign &a : assignments)
      e.storeMissing(ws, a.slot, active);
  Sel rows = Sel::filter(ws, active, [&](Row r) { return held[r] != 0; });
  const std::uint64_t before = ws.errorCount;
  for (const ir::Assign &a : assignments) {
    if (rows.empty())
      break;
    Vec v = e.eval(ws, a.value, rows);
    e.store(ws, a.slot, v, rows, false);
  }
  dropFailed(ws, active, before);
}

void run(const Engine &e, Workspace &ws, std::size_t, const ir::RuleStmt &s, Sel &active) {
  runWhen(e, ws, s.when, s.applied, s.assignments, false, active);
}

void run(const Engine &e, Workspace &ws, std::size_t, const ir::EscalateStmt &s, Sel &active) {
  runWhen(e, ws, s.when, s.fired, s.arguments, true, active);
}

} // namespace

void Engine::runStatement(Workspace &ws, std::size_t index, Sel &active) const {
  std::visit([&](const auto &body) { run(*this, ws, index, body, active); },
             p_.statements[index].body);
}

} // namespace xr::interp::detail
