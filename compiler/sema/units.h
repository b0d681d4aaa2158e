#pragma once
// Units of measure as labels the checker can combine and compare: "mg/m3", "kWh/t".
// A unit is a product of powers of named units; * and / combine them, + - and comparisons
// want equal ones (XR0306 otherwise). Values without a declared unit (literals too) have no
// known unit and agree with anything.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace xr::sema {

class Unit {
public:
  /// "kWh/t" -> kWh^1 t^-1; "m^3" and "m3" are both one named unit (m^3 is m cubed).
  /// Blank text is nullopt (no unit).
  static std::optional<Unit> parse(std::string_view text);

  Unit times(const Unit &other) const;
  Unit dividedBy(const Unit &other) const;
  bool dimensionless() const { return powers_.empty(); }
  /// Canonical text: numerator factors in name order joined by '*', then "/x" per
  /// denominator factor ("kWh/t", "mg/m3", "1/t"); "" when dimensionless.
  std::string str() const;
  friend bool operator==(const Unit &, const Unit &) = default;

private:
  std::map<std::string, int, std::less<>> powers_;
};

} // namespace xr::sema
