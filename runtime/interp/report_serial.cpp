// A ReportAccumulator's state as bytes and back, so that partial reports made in other
// processes (one per partition of a distributed data frame) merge into the figures one
// accumulator would give over all the records. The bytes name the program (its content hash)
// and the shape of its reports; reading checks both and every count against the bytes left,
// so bytes of another rule set or a damaged state are refused, never half merged.
//
// Layout (integers little-endian, 8 bytes unless said): "XRRS", format 1, the program's content
// hash (length, bytes), the number of reports; per report: its aggregates (count; per aggregate
// its kind as 1 byte and its n), records, errored records, the number of groups; per group: its
// key, records and per aggregate: count, records, the exact sum, the int sum (low, high),
// has-extreme (1 byte), the extremes (number bits, int), the ranked candidates (count; each:
// number bits, int, key, input position). A key: missing (1 byte), int, number bits, text.
#include "runtime/interp/byte_io.h"
#include "runtime/interp/report.h"
#include "runtime/interp/report_state.h"

#include <stdexcept>

namespace xr::interp {
namespace {

constexpr std::string_view kMagic = "XRRS";
constexpr std::uint64_t kFormat = 1;
// Fewest bytes a group, an aggregate state and a ranked candidate take (to bound counts).
constexpr std::size_t kKeyBytes = 1 + 8 + 8 + 8;
constexpr std::size_t kRankedBytes = 8 + 8 + kKeyBytes + 8;
constexpr std::size_t kGroupBytes = kKeyBytes + 8;

void putKey(std::string &out, const detail::Key &key) {
  bytes::putU8(out, key.missing ? 1 : 0);
  bytes::putI64(out, key.i);
  bytes::putF64(out, key.d);
  bytes::putText(out, key.text);
}

bool readKey(bytes::Reader &read, detail::Key &key) {
  std::uint8_t missing = 0;
  if (!read.u8(missing) || missing > 1 || !read.i64(key.i) || !read.f64(key.d) ||
      !read.text(key.text))
    return false;
  key.missing = missing != 0;
  return true;
}

void putAggregate(std::string &out, const detail::AggregateState &s) {
  bytes::putI64(out, s.count);
  bytes::putI64(out, s.records);
  s.sum.serialise(out);
  const auto wide = static_cast<detail::U128>(s.intSum);
  bytes::putU64(out, static_cast<std::uint64_t>(wide));
  bytes::putU64(out, static_cast<std::uint64_t>(wide >> 64));
  bytes::putU8(out, s.has ? 1 : 0);
  bytes::putF64(out, s.extremeD);
  bytes::putI64(out, s.extremeI);
  bytes::putU64(out, s.ranked.size());
  for (const detail::Ranked &r : s.ranked) {
    bytes::putF64(out, r.d);
    bytes::putI64(out, r.i);
    putKey(out, r.key);
    bytes::putU64(out, r.ordinal);
  }
}

bool readAggregate(bytes::Reader &read, std::string_view &in, detail::AggregateState &s,
                   std::uint64_t rowOffset) {
  std::uint64_t low = 0, high = 0, ranked = 0;
  std::uint8_t has = 0;
  if (!read.i64(s.count) || s.count < 0 || !read.i64(s.records) || s.records < 0 ||
      !ExactSum::deserialise(in, s.sum) || !read.u64(low) || !read.u64(high) || !read.u8(has) ||
      has > 1 || !read.f64(s.extremeD) || !read.i64(s.extremeI) ||
      !read.count(ranked, kRankedBytes))
    return false;
  s.intSum = static_cast<detail::I128>((static_cast<detail::U128>(high) << 64) | low);
  s.has = has != 0;
  s.ranked.resize(static_cast<std::size_t>(ranked));
  for (detail::Ranked &r : s.ranked) {
    if (!read.f64(r.d) || !read.i64(r.i) || !readKey(read, r.key) || !read.u64(r.ordinal))
      return false;
    r.ordinal += rowOffset;
  }
  return true;
}

} // namespace

std::string ReportAccumulator::serialise() const {
  const ir::Program &p = interpreter_->program();
  std::string out(kMagic);
  bytes::putU64(out, kFormat);
  bytes::putText(out, p.contentHash);
  bytes::putU64(out, state_->plans.size());
  for (std::size_t ri = 0; ri < state_->plans.size(); ++ri) {
    const ir::ReportInfo &info = *state_->plans[ri].info;
    bytes::putU64(out, info.aggregates.size());
    for (const ir::AggregateInfo &a : info.aggregates) {
      bytes::putU8(out, static_cast<std::uint8_t>(a.kind));
      bytes::putI64(out, a.n);
    }
    bytes::putI64(out, state_->records[ri]);
    bytes::putI64(out, state_->errored[ri]);
    bytes::putU64(out, state_->groups[ri].size());
    for (const auto &[key, group] : state_->groups[ri]) {
      putKey(out, key);
      bytes::putI64(out, group.records);
      for (const detail::AggregateState &s : group.aggregates)
        putAggregate(out, s);
    }
  }
  return out;
}

void ReportAccumulator::mergeSerialised(std::string_view in, std::uint64_t rowOffset) {
  const ir::Program &p = interpreter_->program();
  auto refuse = [&](const char *what) {
    throw std::invalid_argument(std::string("cannot merge the report state: ") + what);
  };
  if (in.substr(0, kMagic.size()) != kMagic)
    refuse("these bytes are not a serialised report state");
  in.remove_prefix(kMagic.size());
  bytes::Reader read(in);
  std::uint64_t format = 0, reports = 0;
  std::string hash;
  if (!read.u64(format) || format != kFormat)
    refuse("it was written in another format version");
  if (!read.text(hash) || hash != p.contentHash)
    refuse("it was made by another rule set (content hash differs)");
  if (!read.u64(reports) || reports != state_->plans.size())
    refuse("its reports are not this rule set's");

  ReportAccumulator part(*interpreter_);
  for (std::size_t ri = 0; ri < state_->plans.size(); ++ri) {
    const ir::ReportInfo &info = *state_->plans[ri].info;
    std::uint64_t aggregates = 0, groups = 0;
    if (!read.u64(aggregates) || aggregates != info.aggregates.size())
      refuse("its reports are not this rule set's");
    for (const ir::AggregateInfo &a : info.aggregates) {
      std::uint8_t kind = 0;
      std::int64_t n = 0;
      if (!read.u8(kind) || kind != static_cast<std::uint8_t>(a.kind) || !read.i64(n) || n != a.n)
        refuse("its reports are not this rule set's");
    }
    if (!read.i64(part.state_->records[ri]) || part.state_->records[ri] < 0 ||
        !read.i64(part.state_->errored[ri]) || part.state_->errored[ri] < 0 ||
        !read.count(groups, kGroupBytes))
      refuse("the bytes are truncated or damaged");
    for (std::uint64_t g = 0; g < groups; ++g) {
      detail::Key key;
      detail::GroupState group;
      group.aggregates.resize(info.aggregates.size());
      if (!readKey(read, key) || !read.i64(group.records) || group.records < 0)
        refuse("the bytes are truncated or damaged");
      for (detail::AggregateState &s : group.aggregates)
        if (!readAggregate(read, in, s, rowOffset))
          refuse("the bytes are truncated or damaged");
      if (!part.state_->groups[ri].emplace(std::move(key), std::move(group)).second)
        refuse("a group appears twice");
    }
  }
  if (!in.empty())
    refuse("there are bytes after the state");
  merge(part);
}

} // namespace xr::interp
