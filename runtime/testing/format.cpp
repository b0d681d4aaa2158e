#include "runtime/testing/format.h"

#include "runtime/output/output.h"
#include "runtime/testing/values.h"

namespace xr::testrun {
namespace {

constexpr std::string_view kDetail = "      ";   // under the case's line
constexpr std::string_view kDeeper = "        "; // under a failed expectation
constexpr std::size_t kWidth = 100;              // where `record:` lines wrap

/// "label: a, b, c" wrapped at kWidth display columns, continuation lines indented by two
/// more than the first.
std::string wrappedList(std::string_view label, const std::vector<std::string> &items) {
  std::string out = std::string(kDetail) + std::string(label) + ":";
  std::size_t width = output::displayWidth(out);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::string item = items[k] + (k + 1 < items.size() ? "," : "");
    const std::size_t itemWidth = output::displayWidth(item);
    if (k > 0 && width + 1 + itemWidth > kWidth) {
      out += "\n" + std::string(kDeeper);
      width = kDeeper.size();
    } else {
      out += " ";
      ++width;
    }
    out += item;
    width += itemWidth;
  }
  return out + "\n";
}

nlohmann::ordered_json orNull(const std::string &text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

} // namespace

std::string paint(bool color, std::string_view code, std::string_view text) {
  if (!color)
    return std::string(text);
  return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

std::string caseText(const ir::Program &program, const CaseResult &result, bool color) {
  std::string out = result.passed ? paint(color, "1;32", "PASS") : paint(color, "1;31", "FAIL");
  out += "  " + result.file + ":" + std::to_string(result.line) + "  " + result.title + "\n";
  if (result.passed)
    return out;
  if (!result.problem.empty())
    out += std::string(kDetail) + result.problem + "\n";
  for (const FailedExpectation &f : result.failures) {
    out += std::string(kDetail) + "expect " + paint(color, "1", f.text) + "  (" + f.location +
           "): " + (f.outcome == "error" ? "error: " + f.error : f.outcome) + "\n";
    for (const ShownValue &s : f.shown)
      out += std::string(kDeeper) + s.expression + " = " +
             (s.error.empty() ? valueText(program, s.value) : "error: " + s.error) + "\n";
  }
  std::vector<std::string> fields;
  for (const auto &[name, value] : result.record)
    fields.push_back(name + ": " + valueText(program, value));
  out += wrappedList("record", fields);
  if (!result.params.empty()) {
    std::vector<std::string> params;
    for (const auto &[name, value] : result.params)
      params.push_back(name + " = " + valueText(program, value));
    out += wrappedList("params", params);
  }
  return out;
}

nlohmann::ordered_json caseJson(const ir::Program &program, const CaseResult &result) {
  nlohmann::ordered_json failures = nlohmann::ordered_json::array();
  for (const FailedExpectation &f : result.failures) {
    nlohmann::ordered_json shown = nlohmann::ordered_json::array();
    for (const ShownValue &s : f.shown)
      shown.push_back({{"expression", s.expression},
                       {"value", s.error.empty() ? valueJson(program, s.value)
                                                 : nlohmann::ordered_json(nullptr)},
                       {"error", orNull(s.error)}});
    failures.push_back({{"expectation", f.text},
                        {"line", f.line},
                        {"outcome", f.outcome},
                        {"error", orNull(f.error)},
                        {"shown", std::move(shown)}});
  }
  nlohmann::ordered_json record = nlohmann::ordered_json::object();
  for (const auto &[name, value] : result.record)
    record[name] = valueJson(program, value);
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
  for (const auto &[name, value] : result.params)
    params[name] = valueJson(program, value);
  return {{"file", result.file},
          {"line", result.line},
          {"title", result.title},
          {"passed", result.passed},
          {"problem", orNull(result.problem)},
          {"failures", std::move(failures)},
          {"record", std::move(record)},
          {"params", std::move(params)}};
}

} // namespace xr::testrun
