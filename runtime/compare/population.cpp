#include "runtime/compare/population.h"

#include "compiler/inspect/rule_book.h"
#include "runtime/batch/results.h"
#include "runtime/output/output.h"
#include "xuncha/ruleset.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

namespace xr::compare {
namespace {

constexpr std::size_t kChunkBytes = 1u << 20;

ir::SlotId slotNamed(const ir::Program &program, ir::SlotRole role, std::string_view name) {
  for (ir::SlotId s = 0; s < program.slots.size(); ++s)
    if (program.slots[s].role == role && program.slots[s].name == name)
      return s;
  return ir::kNoSlot;
}

/// One rule set's view of the input: its parser, params, slots of interest and the current
/// chunk's batch and results.
struct Side {
  explicit Side(const xuncha::Evaluator &e)
      : evaluator(e), program(e.ruleSet().program()), batch(program) {}

  const xuncha::Evaluator &evaluator;
  const ir::Program &program;
  std::unique_ptr<load::RecordParser> parser;
  std::optional<batch::ParamValues> params;
  std::string tierName, totalName, totalTitle;
  ir::SlotId tier = ir::kNoSlot;
  ir::SlotId total = ir::kNoSlot;
  std::optional<std::uint32_t> keyField;
  std::map<std::string, std::pair<ir::SlotId, std::string>, std::less<>> statusByIndicator;

  batch::Batch batch;
  std::vector<std::uint64_t> recordOfRow;
  std::vector<load::LoadError> errors;
  batch::Results results;

  void prepare() {
    const inspect::RuleBook book = inspect::describe(evaluator.ruleSet().compilation());
    tierName = book.tierTable;
    totalName = book.totalScore;
    for (const inspect::ValueEntry &v : book.values)
      if (v.name == totalName)
        totalTitle = v.title;
    if (!tierName.empty())
      tier = slotNamed(program, ir::SlotRole::Table, tierName);
    if (!totalName.empty())
      total = slotNamed(program, ir::SlotRole::Score, totalName);
    for (std::uint32_t f = 0; f < program.fields.size() && !keyField; ++f)
      if (program.fields[f].key)
        keyField = f;
    for (ir::SlotId s = 0; s < program.slots.size(); ++s) {
      const ir::SlotInfo &slot = program.slots[s];
      if (slot.role != ir::SlotRole::IndicatorStatus || slot.owner >= program.indicators.size())
        continue;
      const std::string &name = program.indicators[slot.owner];
      const inspect::IndicatorEntry *entry = book.indicator(name);
      statusByIndicator.emplace(name, std::make_pair(s, entry ? entry->title : std::string()));
    }
  }

  std::vector<TierName> tiers() const {
    std::vector<TierName> out;
    if (tier == ir::kNoSlot)
      return out;
    const Type &type = program.slots[tier].type;
    if (type.kind != TypeKind::Enum || type.enumId >= program.enums.size())
      return out;
    for (const EnumMemberInfo &m : program.enums.get(type.enumId).members)
      out.push_back({m.name, m.label == m.name ? "" : m.label});
    if (type.optional)
      out.push_back({"", ""});
    return out;
  }

  std::string tierOf(std::size_t row) const {
    if (tier == ir::kNoSlot)
      return {};
    const ir::Constant value = results.value(tier, row);
    const Type &type = program.slots[tier].type;
    if (!value.valid || type.kind != TypeKind::Enum || type.enumId >= program.enums.size())
      return {};
    const auto &members = program.enums.get(type.enumId).members;
    return value.i >= 0 && static_cast<std::size_t>(value.i) < members.size()
               ? members[static_cast<std::size_t>(value.i)].name
               : std::string();
  }

  std::string keyOf(std::size_t row) const {
    if (!keyField)
      return {};
    const ir::Constant value = batch::constantAt(batch.column(*keyField), row, batch.arena());
    return value.valid ? output::formatValue(program, value) : std::string();
  }

  /// Rows and load errors of the current chunk, indexed by record.
  void index(std::uint64_t first, std::size_t count, std::vector<std::int64_t> &rowOf,
             std::vector<const load::LoadError *> &errorOf) const {
    rowOf.assign(count, -1);
    errorOf.assign(count, nullptr);
    for (std::size_t row = 0; row < recordOfRow.size(); ++row)
      if (recordOfRow[row] >= first && recordOfRow[row] - first < count)
        rowOf[recordOfRow[row] - first] = static_cast<std::int64_t>(row);
    for (const load::LoadError &e : errors)
      if (e.record >= first && e.record - first < count)
        errorOf[e.record - first] = &e;
  }
};

std::string loadErrorText(const load::LoadError &e) {
  return e.column.empty() ? e.reason : "column '" + e.column + "': " + e.reason;
}

bool makeParser(Side &side, const load::InputReader &reader, const char *which, std::string &error,
                std::vector<std::string> &help) {
  std::vector<load::MappingProblem> problems;
  std::vector<std::string> notes;
  side.parser = load::RecordParser::make(side.program, reader, problems, notes);
  if (side.parser)
    return true;
  error = fmt::format("{} cannot be read with the record of the {} rule set ({})", reader.path(),
                      which, side.program.title);
  for (const load::MappingProblem &p : problems) {
    help.push_back(p.message);
    if (!p.help.empty())
      help.push_back("  " + p.help);
  }
  return false;
}

bool bindParams(Side &side, const PopulationOptions &options, const char *which,
                std::string &error) {
  std::vector<std::string> problems;
  side.params = side.evaluator.bindParams(options.params, problems);
  if (side.params)
    return true;
  error = fmt::format("the {} rule set ({}): {}", which, side.program.title,
                      problems.empty() ? "its params cannot be bound" : problems.front());
  return false;
}

/// Ranks a tier for the direction of a move: its position in the new rule set's tier enum, or,
/// for a tier that enum lacks, its relative position in its own.
double rank(const std::string &tier, const std::vector<TierName> &own,
            const std::vector<TierName> &reference) {
  auto position = [](const std::vector<TierName> &list, const std::string &name) {
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i].name == name)
        return static_cast<std::int64_t>(i);
    return std::int64_t{-1};
  };
  std::size_t named = 0;
  for (const TierName &t : reference)
    named += !t.name.empty();
  if (const std::int64_t at = position(reference, tier); at >= 0)
    return static_cast<double>(at);
  std::size_t ownNamed = 0;
  for (const TierName &t : own)
    ownNamed += !t.name.empty();
  const std::int64_t at = position(own, tier);
  if (ownNamed <= 1 || named == 0)
    return 0;
  return static_cast<double>(at) * static_cast<double>(named - 1) /
         static_cast<double>(ownNamed - 1);
}

class Comparer {
public:
  Comparer(Side &before, Side &after, PopulationComparison &out)
      : b_(before), a_(after), out_(out) {
    out_.tierBefore = b_.tierName;
    out_.tierAfter = a_.tierName;
    out_.totalBefore = b_.totalName;
    out_.totalAfter = a_.totalName;
    out_.totalTitle = a_.totalTitle;
    if (b_.tier != ir::kNoSlot && a_.tier != ir::kNoSlot) {
      out_.tiersBefore = b_.tiers();
      out_.tiersAfter = a_.tiers();
      out_.matrix.assign(out_.tiersBefore.size(),
                         std::vector<std::uint64_t>(out_.tiersAfter.size(), 0));
    }
    for (const std::string &name : a_.program.indicators) {
      const auto old = b_.statusByIndicator.find(name);
      const auto now = a_.statusByIndicator.find(name);
      if (old != b_.statusByIndicator.end() && now != a_.statusByIndicator.end())
        flips_.push_back({{name, now->second.second, 0, 0}, old->second.first, now->second.first});
    }
  }

  void chunk(std::uint64_t first, std::size_t count) {
    std::vector<std::int64_t> rowB, rowA;
    std::vector<const load::LoadError *> errorB, errorA;
    b_.index(first, count, rowB, errorB);
    a_.index(first, count, rowA, errorA);
    for (std::size_t k = 0; k < count; ++k) {
      ++out_.records;
      const RecordOutcome before = outcome(b_, rowB[k], errorB[k], true);
      const RecordOutcome after = outcome(a_, rowA[k], errorA[k], false);
      const bool okB = before.kind == RecordOutcome::Kind::Ok;
      const bool okA = after.kind == RecordOutcome::Kind::Ok;
      std::string key = rowB[k] >= 0   ? b_.keyOf(static_cast<std::size_t>(rowB[k]))
                        : rowA[k] >= 0 ? a_.keyOf(static_cast<std::size_t>(rowA[k]))
                                       : std::string();
      if (okB != okA) {
        ++out_.failsInOneCount;
        if (out_.failsInOne.size() < kListed)
          out_.failsInOne.push_back({first + k, std::move(key), before, after});
        continue;
      }
      if (!okB)
        continue;
      ++out_.compared;
      const auto rb = static_cast<std::size_t>(rowB[k]), ra = static_cast<std::size_t>(rowA[k]);
      tierMove(first + k, key, before, after);
      indicatorFlips(rb, ra);
      totals(rb, ra);
    }
  }

  void finish() {
    for (const Flip &f : flips_)
      if (f.counts.newlyFailing || f.counts.newlyPassing)
        out_.flips.push_back(f.counts);
    if (totalCount_ > 0) {
      out_.meanTotalBefore = sumBefore_ / static_cast<double>(totalCount_);
      out_.meanTotalAfter = sumAfter_ / static_cast<double>(totalCount_);
    }
  }

private:
  struct Flip {
    IndicatorFlip counts;
    ir::SlotId before, after;
  };

  RecordOutcome outcome(Side &side, std::int64_t row, const load::LoadError *error, bool before) {
    RecordOutcome out;
    if (row < 0) {
      out.kind = RecordOutcome::Kind::Unreadable;
      out.detail = error ? loadErrorText(*error) : "the record cannot be read";
      ++(before ? out_.unreadableBefore : out_.unreadableAfter);
      return out;
    }
    const auto r = static_cast<std::size_t>(row);
    if (!side.results.ok(r)) {
      out.kind = RecordOutcome::Kind::Error;
      out.detail = batch::errorMessage(side.program, side.results.error(r));
      ++(before ? out_.errorsBefore : out_.errorsAfter);
      return out;
    }
    out.tier = side.tierOf(r);
    return out;
  }

  static std::size_t indexOf(const std::vector<TierName> &tiers, const std::string &name) {
    for (std::size_t i = 0; i < tiers.size(); ++i)
      if (tiers[i].name == name)
        return i;
    return tiers.size();
  }

  void tierMove(std::uint64_t record, const std::string &key, const RecordOutcome &before,
                const RecordOutcome &after) {
    if (out_.matrix.empty())
      return;
    const std::size_t from = indexOf(out_.tiersBefore, before.tier);
    const std::size_t to = indexOf(out_.tiersAfter, after.tier);
    if (from < out_.matrix.size() && to < out_.matrix[from].size())
      ++out_.matrix[from][to];
    if (before.tier == after.tier) {
      ++out_.sameTier;
      return;
    }
    ++out_.movedCount;
    if (out_.moved.size() < kListed)
      out_.moved.push_back({record, key, before, after});
    if (before.tier.empty() || after.tier.empty())
      return;
    const double rb = rank(before.tier, out_.tiersBefore, out_.tiersAfter);
    const double ra = rank(after.tier, out_.tiersAfter, out_.tiersAfter);
    if (ra < rb)
      ++out_.moreSevere;
    else if (ra > rb)
      ++out_.lessSevere;
  }

  void indicatorFlips(std::size_t rowB, std::size_t rowA) {
    for (Flip &f : flips_) {
      const ir::Constant sb = b_.results.value(f.before, rowB);
      const ir::Constant sa = a_.results.value(f.after, rowA);
      const auto pass = static_cast<std::int64_t>(ir::Status::Pass);
      const auto fail = static_cast<std::int64_t>(ir::Status::Fail);
      if (sb.i == pass && sa.i == fail)
        ++f.counts.newlyFailing;
      else if (sb.i == fail && sa.i == pass)
        ++f.counts.newlyPassing;
    }
  }

  void totals(std::size_t rowB, std::size_t rowA) {
    if (b_.total == ir::kNoSlot || a_.total == ir::kNoSlot)
      return;
    const ir::Constant tb = b_.results.value(b_.total, rowB);
    const ir::Constant ta = a_.results.value(a_.total, rowA);
    if (!tb.valid || !ta.valid)
      return;
    sumBefore_ += tb.d;
    sumAfter_ += ta.d;
    ++totalCount_;
  }

  Side &b_;
  Side &a_;
  PopulationComparison &out_;
  std::vector<Flip> flips_;
  double sumBefore_ = 0, sumAfter_ = 0;
  std::uint64_t totalCount_ = 0;
};

} // namespace

std::optional<PopulationComparison> comparePopulation(const xuncha::Evaluator &before,
                                                      const xuncha::Evaluator &after,
                                                      const PopulationOptions &options,
                                                      std::string &error,
                                                      std::vector<std::string> &help) {
  auto reader = load::InputReader::open(options.dataPath, options.input, error);
  if (!reader)
    return std::nullopt;
  Side b(before), a(after);
  if (!makeParser(b, *reader, "old", error, help) || !makeParser(a, *reader, "new", error, help))
    return std::nullopt;
  if (!bindParams(b, options, "old", error) || !bindParams(a, options, "new", error))
    return std::nullopt;
  b.prepare();
  a.prepare();

  PopulationComparison out;
  out.dataPath = options.dataPath;
  Comparer comparer(b, a, out);
  load::RawChunk chunk;
  while (reader->next(kChunkBytes, chunk, error)) {
    for (Side *side : {&b, &a}) {
      side->errors.clear();
      side->parser->parse(chunk, side->batch, side->recordOfRow, side->errors);
      side->evaluator.evaluate(side->batch, *side->params, side->results);
    }
    const std::size_t count =
        std::max(b.batch.rows() + b.errors.size(), a.batch.rows() + a.errors.size());
    comparer.chunk(chunk.firstRecord, count);
  }
  if (!error.empty())
    return std::nullopt;
  comparer.finish();
  return out;
}

} // namespace xr::compare
