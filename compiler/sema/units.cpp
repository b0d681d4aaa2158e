#include "compiler/sema/units.h"

#include <cctype>
#include <cstdlib>

namespace xr::sema {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

/// Adds `factor` ("m^3", "kWh", "1") with the sign `sign` to `powers`.
void addFactor(std::map<std::string, int, std::less<>> &powers, std::string_view factor, int sign) {
  factor = trim(factor);
  if (factor.empty() || factor == "1")
    return;
  int exponent = 1;
  if (auto caret = factor.find('^'); caret != std::string_view::npos) {
    std::string digits(trim(factor.substr(caret + 1)));
    char *end = nullptr;
    long value = std::strtol(digits.c_str(), &end, 10);
    if (!digits.empty() && end && *end == '\0' && value > 0 && value < 100) {
      exponent = static_cast<int>(value);
      factor = trim(factor.substr(0, caret));
    }
  }
  int &power = powers[std::string(factor)];
  power += sign * exponent;
  if (power == 0)
    powers.erase(std::string(factor));
}

} // namespace

std::optional<Unit> Unit::parse(std::string_view text) {
  text = trim(text);
  if (text.empty())
    return std::nullopt;
  Unit unit;
  int sign = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '/' && text[i] != '*')
      continue;
    addFactor(unit.powers_, text.substr(start, i - start), sign);
    if (i < text.size())
      sign = text[i] == '/' ? -1 : sign; // a*b/c*d: everything after '/' is divided
    start = i + 1;
  }
  return unit;
}

Unit Unit::times(const Unit &other) const {
  Unit out = *this;
  for (const auto &[name, power] : other.powers_) {
    int &p = out.powers_[name];
    p += power;
    if (p == 0)
      out.powers_.erase(name);
  }
  return out;
}

Unit Unit::dividedBy(const Unit &other) const {
  Unit out = *this;
  for (const auto &[name, power] : other.powers_) {
    int &p = out.powers_[name];
    p -= power;
    if (p == 0)
      out.powers_.erase(name);
  }
  return out;
}

std::string Unit::str() const {
  std::string numerator, denominator;
  auto factor = [](const std::string &name, int power) {
    return power == 1 ? name : name + "^" + std::to_string(power);
  };
  for (const auto &[name, power] : powers_) {
    if (power > 0)
      numerator += (numerator.empty() ? "" : "*") + factor(name, power);
    else
      denominator += "/" + factor(name, -power);
  }
  if (numerator.empty() && !denominator.empty())
    numerator = "1";
  return numerator + denominator;
}

} // namespace xr::sema
