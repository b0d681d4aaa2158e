// JSON Lines records to batch rows: one object per line, read with nlohmann's SAX parser (no
// document is built); each key a field reads is converted as the field's type requires.
#include "runtime/load/parsers.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <limits>

namespace xr::load {

namespace {

using Json = nlohmann::json;

/// The key a field is read from, sorted by key for lookup.
struct KeyedField {
  std::string key;
  std::uint32_t field;
};

/// The events of one line, written into the sink's current row. The first problem stops the
/// parse; `problem` then says why and `column` where.
class LineReader final : public nlohmann::json_sax<Json> {
public:
  LineReader(RowSink &sink, const std::vector<FieldPlan> &plans,
             const std::vector<KeyedField> &keys, std::vector<std::uint8_t> &seen, bool fromGb18030)
      : sink_(sink), plans_(plans), keys_(keys), seen_(seen), fromGb18030_(fromGb18030) {}

  /// Reads `line`; false when it is not a good record (then column() and reason() say why).
  bool read(std::string_view line) {
    depth_ = 0;
    pending_ = kNone;
    bad_ = false;
    column_.clear();
    reason_.clear();
    std::fill(seen_.begin(), seen_.end(), 0);
    line_ = line;
    Json::sax_parse(line.data(), line.data() + line.size(), this);
    if (bad_)
      return false;
    for (const FieldPlan &plan : plans_)
      if (!seen_[plan.field] && !plan.type.optional && !plan.column.empty())
        return fail(plan.column, missingReason(plan, "no key '" + plan.column + "'"));
    return true;
  }
  const std::string &column() const { return column_; }
  const std::string &reason() const { return reason_; }

  bool null() override {
    if (const FieldPlan *plan = value("null"))
      if (!plan->type.optional)
        return fail(plan->column, missingReason(*plan, "null"));
    return !bad_;
  }
  bool boolean(bool v) override {
    if (const FieldPlan *plan = value(v ? "true" : "false")) {
      if (plan->type.kind != TypeKind::Bool)
        return wrongKind(*plan, v ? "true" : "false");
      sink_.setU8(plan->field, v ? 1 : 0);
    }
    return !bad_;
  }
  bool number_integer(number_integer_t v) override {
    return integer(v, v < 0, v < 0 ? 0 : static_cast<std::uint64_t>(v));
  }
  bool number_unsigned(number_unsigned_t v) override {
    return integer(static_cast<std::int64_t>(v), false, v);
  }
  bool number_float(number_float_t v, const string_t &raw) override {
    if (const FieldPlan *plan = value("a number")) {
      if (plan->type.kind == TypeKind::Number)
        sink_.setF64(plan->field, v == 0 ? 0.0 : v);
      else if (plan->type.kind == TypeKind::Int)
        return fail(plan->column, badValueReason(plan->type, nullptr, raw));
      else
        return wrongKind(*plan, "the number " + raw);
    }
    return !bad_;
  }
  bool string(string_t &v) override {
    if (const FieldPlan *plan = value("a string")) {
      std::string reason;
      const Stored stored = storeText(sink_, *plan, v, fromGb18030_, reason);
      if (stored == Stored::Bad)
        return fail(plan->column, reason);
      if (stored == Stored::Missing && !plan->type.optional)
        return fail(plan->column, missingReason(*plan, "an empty string"));
    }
    return !bad_;
  }
  bool binary(binary_t &) override { return !bad_; }
  bool start_object(std::size_t) override { return nested("an object"); }
  bool start_array(std::size_t) override { return nested("an array"); }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool key(string_t &k) override {
    if (depth_ != 1)
      return true;
    lastKey_ = k;
    const auto it =
        std::lower_bound(keys_.begin(), keys_.end(), k,
                         [](const KeyedField &a, const std::string &b) { return a.key < b; });
    if (it == keys_.end() || it->key != k) {
      pending_ = kUnknown;
      return true;
    }
    if (seen_[it->field])
      return fail(k, "the key '" + k + "' appears twice in the object");
    seen_[it->field] = 1;
    pending_ = static_cast<int>(it->field);
    return true;
  }
  bool parse_error(std::size_t position, const std::string &,
                   const nlohmann::detail::exception &ex) override {
    if (bad_)
      return false;
    // Bytes that are not UTF-8 stop nlohmann's lexer; say so, at the key whose value held them.
    if (const std::size_t at = invalidUtf8At(line_); at != kValidUtf8 && at < position) {
      // Quote the JSON string that holds the bytes, not the whole line.
      const std::size_t open = line_.rfind('"', at);
      const std::size_t from = open == std::string_view::npos ? 0 : open + 1;
      const std::size_t close = line_.find('"', at);
      const std::string_view string = line_.substr(
          from, close == std::string_view::npos ? std::string_view::npos : close - from);
      return fail(pending_ != kNone ? lastKey_ : std::string(),
                  invalidUtf8Reason(string, at - from, fromGb18030_));
    }
    std::string message = ex.what();
    if (const std::size_t column = message.find("column "); column != std::string::npos)
      if (const std::size_t colon = message.find(": ", column); colon != std::string::npos)
        message.erase(0, colon + 2);
    return fail({}, fmt::format("not valid json at character {}: {}", position, message));
  }

private:
  static constexpr int kNone = -1;    // no key read yet at the top level
  static constexpr int kUnknown = -2; // the key read is none a field reads

  /// The plan of the field a top-level value is for (nullptr when the value is for no field,
  /// or lies deeper); a value outside any object is a problem.
  const FieldPlan *value(std::string_view what) {
    if (depth_ == 0) {
      fail({}, fmt::format("expected a json object on each line, got {}", what));
      return nullptr;
    }
    if (depth_ != 1 || pending_ < 0) {
      pending_ = depth_ == 1 ? kNone : pending_;
      return nullptr;
    }
    const FieldPlan *plan = &plans_[static_cast<std::size_t>(pending_)];
    pending_ = kNone;
    return plan;
  }

  bool nested(std::string_view what) {
    if (depth_ == 0) {
      if (what == "an object") {
        depth_ = 1;
        return true;
      }
      return fail({}, fmt::format("expected a json object on each line, got {}", what));
    }
    if (depth_ == 1 && pending_ >= 0) {
      const FieldPlan &plan = plans_[static_cast<std::size_t>(pending_)];
      return fail(plan.column,
                  fmt::format("{}, got {}", expectedValue(plan.type, plan.enumMatcher()), what));
    }
    if (depth_ == 1)
      pending_ = kNone;
    ++depth_;
    return true;
  }

  bool integer(std::int64_t signedValue, bool negative, std::uint64_t unsignedValue) {
    const FieldPlan *plan = value("a number");
    if (!plan)
      return !bad_;
    auto text = [&] {
      return negative ? std::to_string(signedValue) : std::to_string(unsignedValue);
    };
    const bool fitsInt64 =
        negative ||
        unsignedValue <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    switch (plan->type.kind) {
    case TypeKind::Int:
      if (!fitsInt64)
        return fail(plan->column, badValueReason(plan->type, nullptr, text()));
      sink_.setI64(plan->field, signedValue);
      return true;
    case TypeKind::Number:
      sink_.setF64(plan->field, negative ? static_cast<double>(signedValue)
                                         : static_cast<double>(unsignedValue));
      return true;
    case TypeKind::Bool:
      if (!negative && unsignedValue <= 1) {
        sink_.setU8(plan->field, static_cast<std::uint8_t>(unsignedValue));
        return true;
      }
      return wrongKind(*plan, "the number " + text());
    default:
      return wrongKind(*plan, "the number " + text());
    }
  }

  bool wrongKind(const FieldPlan &plan, const std::string &found) {
    std::string reason = expectedValue(plan.type, plan.enumMatcher()) + ", got " + found;
    if (plan.type.kind == TypeKind::Text || plan.type.kind == TypeKind::Date ||
        plan.type.kind == TypeKind::Enum)
      reason += " (write it as a json string)";
    return fail(plan.column, std::move(reason));
  }

  bool fail(std::string column, std::string reason) {
    if (!bad_) {
      bad_ = true;
      column_ = std::move(column);
      reason_ = std::move(reason);
    }
    return false;
  }

  RowSink &sink_;
  const std::vector<FieldPlan> &plans_;
  const std::vector<KeyedField> &keys_;
  std::vector<std::uint8_t> &seen_;
  bool fromGb18030_;
  std::string_view line_;
  std::string lastKey_; // the last key read at the top level
  int depth_ = 0;
  int pending_ = kNone;
  bool bad_ = false;
  std::string column_;
  std::string reason_;
};

/// Only JSON whitespace before the line feed (or the end): not a record.
std::size_t blankLineLength(std::string_view text, std::size_t pos) {
  std::size_t p = pos;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
    ++p;
  if (p == text.size())
    return p - pos;
  return text[p] == '\n' ? p + 1 - pos : 0;
}

class JsonLinesParser final : public RecordParser {
public:
  JsonLinesParser(std::vector<FieldPlan> plans, bool fromGb18030)
      : plans_(std::move(plans)), fromGb18030_(fromGb18030) {
    for (const FieldPlan &plan : plans_)
      if (!plan.column.empty())
        keys_.push_back({plan.column, plan.field});
    std::sort(keys_.begin(), keys_.end(),
              [](const KeyedField &a, const KeyedField &b) { return a.key < b.key; });
  }

  void parse(const RawChunk &chunk, batch::Batch &batch, std::vector<std::uint64_t> &recordOfRow,
             std::vector<LoadError> &errors) const override {
    const std::string_view text = chunk.text;
    RowSink sink(batch, static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    recordOfRow.clear();
    std::vector<std::uint8_t> seen(plans_.size(), 0);
    LineReader reader(sink, plans_, keys_, seen, fromGb18030_);
    std::uint64_t line = chunk.firstLine;
    std::uint64_t record = chunk.firstRecord;
    std::size_t pos = 0;
    while (pos < text.size()) {
      const void *lf = std::memchr(text.data() + pos, '\n', text.size() - pos);
      const std::size_t end =
          lf ? static_cast<std::size_t>(static_cast<const char *>(lf) - text.data()) + 1
             : text.size();
      if (blankLineLength(text, pos) == 0) {
        sink.beginRow();
        if (reader.read(text.substr(pos, end - pos))) {
          sink.commitRow();
          recordOfRow.push_back(record);
        } else {
          sink.discardRow();
          errors.push_back({record, line, reader.column(), reader.reason()});
        }
        ++record;
      }
      ++line;
      pos = end;
    }
    sink.finish();
  }

private:
  std::vector<FieldPlan> plans_;
  std::vector<KeyedField> keys_;
  bool fromGb18030_;
};

} // namespace

std::unique_ptr<RecordParser> makeJsonLinesParser(std::vector<FieldPlan> plans, bool fromGb18030) {
  return std::make_unique<JsonLinesParser>(std::move(plans), fromGb18030);
}

} // namespace xr::load
