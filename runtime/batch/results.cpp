#include "runtime/batch/results.h"

#include "runtime/builtins/dates.h"
#include "runtime/builtins/registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace xr::batch {

// ------------------------------------------------------------------------------ results

void Results::reset(const ir::Program &program, std::size_t rows, const ir::SlotSelection &kept) {
  bool reshape = slots_.size() != program.slots.size();
  for (std::size_t i = 0; !reshape && i < slots_.size(); ++i)
    reshape = !(slots_[i].type() == program.slots[i].type);
  const ir::FieldInfo *keyField = nullptr;
  for (const ir::FieldInfo &f : program.fields)
    if (f.key && !keyField)
      keyField = &f;
  reshape =
      reshape || hasKey_ != (keyField != nullptr) || (keyField && !(key_.type() == keyField->type));
  if (reshape) {
    slots_.clear();
    slots_.reserve(program.slots.size());
    for (const ir::SlotInfo &s : program.slots)
      slots_.emplace_back(s.type);
    hasKey_ = keyField != nullptr;
    key_ = keyField ? Column(keyField->type) : Column{};
  }
  status_.assign(rows, static_cast<std::uint8_t>(RowStatus::Ok));
  errors_.resize(rows);
  kept_ = kept;
  for (ir::SlotId s = 0; s < slots_.size(); ++s)
    slots_[s].resize(kept_.contains(s) ? rows : 0);
  if (hasKey_)
    key_.resize(rows);
  arena_.clear();
}

void Results::keepOnly(const ir::SlotSelection &kept) {
  if (kept.isAll())
    return;
  for (ir::SlotId s = 0; s < slots_.size(); ++s)
    if (!kept.contains(s))
      slots_[s].resize(0);
  std::vector<ir::SlotId> both;
  for (ir::SlotId s = 0; s < slots_.size(); ++s)
    if (kept_.contains(s) && kept.contains(s))
      both.push_back(s);
  kept_ = ir::SlotSelection::only(slots_.size(), both);
}

ir::SlotId Results::checkKept(ir::SlotId slot) const {
  if (slot < slots_.size() && !kept_.contains(slot))
    throw std::logic_error(fmt::format(
        "slot {} is not kept in these results (the evaluator was asked for other slots)", slot));
  return slot;
}

std::size_t Results::errorCount() const {
  return static_cast<std::size_t>(
      std::count(status_.begin(), status_.end(), static_cast<std::uint8_t>(RowStatus::Error)));
}

ir::Constant Results::value(ir::SlotId s, std::size_t row) const {
  return constantAt(slot(s), row, arena_);
}

// ------------------------------------------------------------------------------ messages

namespace {

std::string formatDate(std::int64_t days) {
  if (days < std::numeric_limits<std::int32_t>::min() ||
      days > std::numeric_limits<std::int32_t>::max())
    return fmt::format("day {}", days);
  const dates::Civil c = dates::civilFromDays(static_cast<std::int32_t>(days));
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string formatArgument(TypeKind kind, std::int64_t raw) {
  switch (kind) {
  case TypeKind::Number:
    return fmt::format("{}", std::bit_cast<double>(raw));
  case TypeKind::Date:
    return formatDate(raw);
  case TypeKind::Bool:
    return raw ? "true" : "false";
  case TypeKind::Text:
    return "text";
  default:
    return fmt::format("{}", raw);
  }
}

/// "sqrt(-1)" from the function and the arguments kept in the error.
std::string describeCall(const RowError &e) {
  if (e.fn >= static_cast<std::uint16_t>(builtins::Fn::Count_))
    return "a built-in function";
  const builtins::Builtin &fn = builtins::get(static_cast<builtins::Fn>(e.fn));
  std::string args;
  for (std::size_t i = 0; i < fn.params.size(); ++i) {
    if (i == 2) {
      args += ", ...";
      break;
    }
    args += (i ? ", " : "") + formatArgument(fn.params[i], e.detail[i]);
  }
  return fmt::format("{}({})", fn.name, args);
}

/// The context of a kernel failure without the function name the lowering may have put in
/// front of it ("sqrt in indicator C3" -> "indicator C3"): the message names the call itself.
std::string_view contextWithoutFunction(const RowError &e, std::string_view context) {
  if (e.fn >= static_cast<std::uint16_t>(builtins::Fn::Count_))
    return context;
  const std::string prefix =
      std::string(builtins::get(static_cast<builtins::Fn>(e.fn)).name) + " in ";
  return context.starts_with(prefix) ? context.substr(prefix.size()) : context;
}

std::string noCalendar(const RowError &e) {
  switch (static_cast<builtins::Fn>(e.fn)) {
  case builtins::Fn::AddWorkdays: {
    const std::int64_t n = e.detail[1];
    if (n < 0 && n != std::numeric_limits<std::int64_t>::min())
      return fmt::format("no calendar covers {} - {} working days", formatDate(e.detail[0]), -n);
    return fmt::format("no calendar covers {} + {} working days", formatDate(e.detail[0]), n);
  }
  case builtins::Fn::WorkdaysBetween:
    return fmt::format("no calendar covers the working days from {} to {}", formatDate(e.detail[0]),
                       formatDate(e.detail[1]));
  case builtins::Fn::IsWorkday:
    return fmt::format("no calendar covers {}", formatDate(e.detail[0]));
  default:
    return "no calendar covers the dates of " + describeCall(e);
  }
}

std::string what(const ir::Program &program, const RowError &e, std::string_view context) {
  const bool kernel = e.code != XR_KERNEL_OK;
  switch (e.kind) {
  case ir::ErrorKind::DivisionByZero:
    return fmt::format("division by zero in {}", context);
  case ir::ErrorKind::IntegerOverflow:
    if (kernel)
      return fmt::format("integer overflow in {} in {}", describeCall(e),
                         contextWithoutFunction(e, context));
    return fmt::format("integer overflow in {}", context);
  case ir::ErrorKind::ScoreOutOfRange:
    return fmt::format("score {} is outside 0..100 in {}", std::bit_cast<double>(e.detail[0]),
                       context);
  case ir::ErrorKind::DateOutOfRange:
    if (kernel)
      return fmt::format("date out of range (years 1..9999) in {} in {}", describeCall(e),
                         contextWithoutFunction(e, context));
    return fmt::format("date out of range (years 1..9999) in {}", context);
  case ir::ErrorKind::NoCalendar:
    return fmt::format("{} in {}", noCalendar(e), contextWithoutFunction(e, context));
  case ir::ErrorKind::NoChecklist:
    return context.empty() || context == "record"
               ? std::string("no checklist applies to the record")
               : fmt::format("no checklist applies in {}", context);
  case ir::ErrorKind::NothingAssessed: {
    const auto c = static_cast<std::size_t>(e.detail[0]);
    if (c < program.checklists.size())
      return fmt::format("no indicator of checklist {} could be assessed in {}",
                         program.checklists[c], context);
    return fmt::format("no indicator could be assessed in {}", context);
  }
  case ir::ErrorKind::UniqueConflict:
    return fmt::format("rows {} and {} of {} both match", e.detail[0], e.detail[1], context);
  case ir::ErrorKind::AnyConflict:
    return fmt::format("rows {} and {} of {} match with different outcomes", e.detail[0],
                       e.detail[1], context);
  case ir::ErrorKind::NoRowMatched:
    return fmt::format("no row of {} matches", context);
  case ir::ErrorKind::BuiltinFailed:
    if (kernel)
      return fmt::format("invalid argument for {} in {}", describeCall(e),
                         contextWithoutFunction(e, context));
    return fmt::format("a built-in function failed in {}", context);
  }
  return fmt::format("error in {}", context);
}

} // namespace

std::string errorMessage(const ir::Program &program, const RowError &error) {
  if (error.site >= program.errors.size())
    return fmt::format("record error at unknown error site {}", error.site);
  const ir::ErrorSite &site = program.errors[error.site];
  std::string message = what(program, error, site.context);
  if (!site.where.empty())
    message += fmt::format(" ({})", site.where);
  return message;
}

// ------------------------------------------------------------------------------ comparison

namespace {

std::string show(const Column &c, std::size_t row, std::string_view arena) {
  ir::Constant k = constantAt(c, row, arena);
  if (!k.valid)
    return "missing";
  switch (c.storage()) {
  case Storage::F64:
    return fmt::format("{}", k.d);
  case Storage::Text:
    return fmt::format("\"{}\"", k.text);
  default:
    return fmt::format("{}", k.i);
  }
}

bool sameCell(const Column &a, std::string_view arenaA, const Column &b, std::string_view arenaB,
              std::size_t row) {
  if (a.validity()[row] != b.validity()[row])
    return false;
  switch (a.storage()) {
  case Storage::U8:
    return a.values<std::uint8_t>()[row] == b.values<std::uint8_t>()[row];
  case Storage::I32:
    return a.values<std::int32_t>()[row] == b.values<std::int32_t>()[row];
  case Storage::I64:
    return a.values<std::int64_t>()[row] == b.values<std::int64_t>()[row];
  case Storage::F64:
    return std::bit_cast<std::uint64_t>(a.values<double>()[row]) ==
           std::bit_cast<std::uint64_t>(b.values<double>()[row]);
  case Storage::U64:
    return a.values<std::uint64_t>()[row] == b.values<std::uint64_t>()[row];
  case Storage::Text: {
    const TextRef ta = a.values<TextRef>()[row];
    const TextRef tb = b.values<TextRef>()[row];
    return arenaA.substr(ta.offset, ta.length) == arenaB.substr(tb.offset, tb.length);
  }
  }
  return false;
}

} // namespace

bool sameResults(const ir::Program &program, const Results &a, const Results &b,
                 std::string *difference) {
  auto differ = [&](std::string why) {
    if (difference)
      *difference = std::move(why);
    return false;
  };
  if (a.rows() != b.rows())
    return differ(fmt::format("{} rows vs {}", a.rows(), b.rows()));
  if (a.slotCount() != b.slotCount())
    return differ(fmt::format("{} slots vs {}", a.slotCount(), b.slotCount()));
  for (ir::SlotId s = 0; s < a.slotCount(); ++s)
    if (a.keeps(s) != b.keeps(s))
      return differ(fmt::format("slot {} kept in one results only", s < program.slots.size()
                                                                        ? program.slots[s].name
                                                                        : fmt::format("#{}", s)));
  for (std::size_t row = 0; row < a.rows(); ++row) {
    if (a.status(row) != b.status(row))
      return differ(fmt::format("row {}: status {} vs {}", row, static_cast<int>(a.status(row)),
                                static_cast<int>(b.status(row))));
    if (!a.ok(row) && !(a.error(row) == b.error(row)))
      return differ(fmt::format("row {}: error \"{}\" vs \"{}\"", row,
                                errorMessage(program, a.error(row)),
                                errorMessage(program, b.error(row))));
  }
  for (std::size_t s = 0; s < a.slotCount(); ++s) {
    if (!a.keeps(static_cast<ir::SlotId>(s)))
      continue;
    const Column &ca = a.slot(static_cast<ir::SlotId>(s));
    const Column &cb = b.slot(static_cast<ir::SlotId>(s));
    if (ca.storage() != cb.storage())
      return differ(fmt::format("slot {} stored differently", s));
    for (std::size_t row = 0; row < a.rows(); ++row)
      if (!sameCell(ca, a.arena(), cb, b.arena(), row)) {
        const std::string name =
            s < program.slots.size() ? program.slots[s].name : fmt::format("#{}", s);
        return differ(fmt::format("row {}, slot {}: {} vs {}", row, name, show(ca, row, a.arena()),
                                  show(cb, row, b.arena())));
      }
  }
  if (a.hasKey() != b.hasKey())
    return differ("one has a key column, the other not");
  if (a.hasKey())
    for (std::size_t row = 0; row < a.rows(); ++row)
      if (!sameCell(a.key(), a.arena(), b.key(), b.arena(), row))
        return differ(fmt::format("row {}: key {} vs {}", row, show(a.key(), row, a.arena()),
                                  show(b.key(), row, b.arena())));
  return true;
}

} // namespace xr::batch
