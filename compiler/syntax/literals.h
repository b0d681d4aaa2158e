#pragma once
// Literal text to values, exactly and without locale: the checks behind XR0004 (dates),
// XR0005 (numbers, weights) and XR0006 (string escapes). No parse-tree types here, so the
// rules are unit-tested on their own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xr::syntax {

struct EscapeError {
  std::uint32_t offset = 0; // bytes into the literal as written (the opening quote is 0)
  std::uint32_t length = 0; // bytes of the bad escape
  std::string message;
};

struct UnescapedString {
  std::string value;
  std::vector<EscapeError> errors;
};

/// `raw` is the literal as written, starting with its opening quote; `terminated` says
/// whether it also ends with the closing one. Supports \" \\ \n \t \r and \u{XXXX}.
UnescapedString unescapeString(std::string_view raw, bool terminated);

/// Whether a string literal as written ends with its closing quote (an unterminated one
/// runs to the end of its line instead).
bool isTerminatedString(std::string_view raw);

/// Decimal digits to int64; nullopt when the value does not fit.
std::optional<std::int64_t> parseInt64(std::string_view digits);

/// A decimal or exponent literal to a finite double; nullopt when it overflows.
std::optional<double> parseFiniteDouble(std::string_view text);

/// A percentage's number (`85.3` of `85.3%`) divided by 100 and rounded once: the decimal
/// exponent is lowered by two and the text read as one number, so 1.8% is exactly the double
/// nearest 0.018 (1.8 / 100.0 is not). The one reading of percentages: literals, input cells,
/// params. nullopt when the text is not a number.
std::optional<double> parsePercent(std::string_view number);

enum class MicroError { None, TooManyDecimals, TooLarge };

struct MicroResult {
  std::int64_t micro = 0; // the value times 1'000'000
  MicroError error = MicroError::None;
};

/// "12.5" -> 12'500'000 exactly (no floating point); at most 6 decimal places.
MicroResult parseMicro(std::string_view text);

struct DateResult {
  std::optional<std::int32_t> days; // days since 1970-01-01 when valid
  std::string problem;              // why not: "February 2024 has 29 days"
};

/// A `YYYY-MM-DD` literal, checked with the calendar.
DateResult parseDateLiteral(std::string_view text);

} // namespace xr::syntax
