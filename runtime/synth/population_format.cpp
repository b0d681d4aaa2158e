#include "runtime/synth/population_format.h"

#include "runtime/builtins/dates.h"

#include <fmt/format.h>

#include <iterator>

namespace xr::synth {

void appendCsvCell(std::string_view text, std::string &out) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
}

void appendJsonString(std::string_view text, std::string &out) {
  out += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", byte);
    } else {
      out += c;
    }
  }
  out += '"';
}

namespace {

/// The shortest text that reads back as exactly `x` (fmt's "{}"), without a heap allocation.
void appendNumber(double x, std::string &out) {
  char buffer[32];
  char *end = fmt::format_to(buffer, "{}", x);
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

/// YYYY-MM-DD (years 1..9999, as every date is).
void appendDate(std::int32_t days, std::string &out) {
  const dates::Civil c = dates::civilFromDays(days);
  auto digit = [](std::int32_t n) { return static_cast<char>('0' + n % 10); };
  const char text[10] = {digit(c.year / 1000),
                         digit(c.year / 100),
                         digit(c.year / 10),
                         digit(c.year),
                         '-',
                         digit(c.month / 10),
                         digit(c.month),
                         '-',
                         digit(c.day / 10),
                         digit(c.day)};
  out.append(text, sizeof text);
}

} // namespace

PopulationFormatter::PopulationFormatter(const Generator &generator, output::OutputFormat format)
    : generator_(&generator), format_(format) {
  for (std::size_t f = 0; f < generator.fieldCount(); ++f) {
    std::string key;
    appendJsonString(generator.fieldName(f), key);
    jsonKeys_.push_back(key + ":");
  }
}

std::string PopulationFormatter::header() const {
  if (format_ != output::OutputFormat::Csv)
    return {};
  std::string out;
  for (std::size_t f = 0; f < generator_->fieldCount(); ++f) {
    if (f > 0)
      out += ',';
    appendCsvCell(generator_->fieldName(f), out);
  }
  out += '\n';
  return out;
}

void PopulationFormatter::appendValue(std::size_t field, const FieldValue &v,
                                      std::string &out) const {
  const bool json = format_ == output::OutputFormat::JsonLines;
  if (!v.present) {
    if (json)
      out += "null";
    return;
  }
  auto appendText = [&](std::string_view text) {
    if (json)
      appendJsonString(text, out);
    else
      appendCsvCell(text, out);
  };
  switch (generator_->kind(field)) {
  case ValueKind::Bool:
    out += v.i ? "true" : "false";
    break;
  case ValueKind::Int:
    out += fmt::format_int(v.i).str();
    break;
  case ValueKind::Number:
    appendNumber(v.d, out);
    break;
  case ValueKind::Date:
    if (json)
      out += '"';
    appendDate(static_cast<std::int32_t>(v.i), out);
    if (json)
      out += '"';
    break;
  case ValueKind::Text:
    appendText(v.text);
    break;
  case ValueKind::Enum:
    appendText(generator_->memberName(field, v.i));
    break;
  }
}

void PopulationFormatter::appendRow(const Enterprise &enterprise, std::string &out) const {
  const bool json = format_ == output::OutputFormat::JsonLines;
  if (json)
    out += '{';
  for (std::size_t f = 0; f < generator_->fieldCount(); ++f) {
    if (f > 0)
      out += ',';
    if (json)
      out += jsonKeys_[f];
    appendValue(f, generator_->value(f, enterprise), out);
  }
  out += json ? "}\n" : "\n";
}

} // namespace xr::synth
