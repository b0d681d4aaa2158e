#pragma once
// A synthetic population for a rule set's record, as a library: the CLI (`xuncha gen`) writes
// it to a file, benchmarks and tests put it straight into batches. Each record field is fed by
// the catalog field of the same name (field_catalog.h); a field the catalog lacks, or whose
// type differs, stops the generator before any row is made.
//
// Row i depends only on the seed and i (enterprise_model.h), so a population is the same
// whatever the number of rows asked for (a prefix of a larger one), the thread or the machine.
#include "compiler/ir/ir.h"
#include "runtime/batch/batch.h"
#include "runtime/synth/enterprise.h"
#include "runtime/synth/enterprise_model.h"
#include "runtime/synth/field_catalog.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xr::synth {

/// The most rows a population can have: every enterprise gets its own credit code.
std::uint64_t maxRows();

class Generator {
public:
  /// A generator for `program`'s record. Dates and consumption benchmarks follow `params`
  /// (inspection_date, kwh_per_ton, tce_per_kwh when the rule set has them; otherwise the
  /// national rule set's defaults). nullptr, with one sentence per problem appended to
  /// `problems`, when some record field cannot be generated.
  static std::unique_ptr<Generator> make(const ir::Program &program, std::uint64_t seed,
                                         const batch::ParamValues &params,
                                         std::vector<std::string> &problems);

  /// The record's fields, in record order (the columns of a generated file).
  std::size_t fieldCount() const { return columns_.size(); }
  const std::string &fieldName(std::size_t field) const { return columns_[field].name; }
  ValueKind kind(std::size_t field) const { return columns_[field].spec->kind; }

  /// Draws enterprise `index` (< maxRows()).
  void draw(std::uint64_t index, Enterprise &out) const;
  /// Field `field` of a drawn enterprise; for an enum, `i` is the member's index in the
  /// rule set's enum.
  FieldValue value(std::size_t field, const Enterprise &enterprise) const;
  /// The rule set's name of member `member` of enum field `field`.
  std::string_view memberName(std::size_t field, std::int64_t member) const;

  /// Appends enterprises first .. first + count - 1 to `batch` (made for the same program).
  void appendTo(batch::Batch &batch, std::uint64_t first, std::size_t count) const;

  const ModelSettings &settings() const { return settings_; }

private:
  struct Column {
    std::string name;
    const FieldSpec *spec = nullptr;
    std::vector<std::int32_t> memberOf;   // enum: the generator's member -> the rule set's
    std::vector<std::string> memberNames; // enum: the rule set's members, by its index
  };

  Generator() = default;

  std::uint64_t seed_ = 0;
  ModelSettings settings_;
  std::vector<Column> columns_;
};

} // namespace xr::synth
