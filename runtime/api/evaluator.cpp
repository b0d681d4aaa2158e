// xuncha::Evaluator: one back end prepared for a rule set, and params bound from text.
#include "xuncha/evaluate.h"

#include "compiler/sema/suggest.h"
#include "runtime/interp/interpreter.h"
#include "runtime/load/value_text.h"

namespace xuncha {
namespace {

std::string joined(const std::vector<std::string> &names) {
  std::string out;
  for (const std::string &name : names)
    out += (out.empty() ? "" : ", ") + name;
  return out;
}

} // namespace

std::optional<Engine> parseEngine(const std::string &name) {
  if (name == "interp")
    return Engine::Interpreter;
  return std::nullopt;
}

const char *engineName(Engine engine) {
  switch (engine) {
  case Engine::Interpreter:
    return "interp";
  }
  return "interp";
}

Evaluator::Evaluator(std::shared_ptr<const RuleSet> ruleSet, Engine engine)
    : ruleSet_(std::move(ruleSet)), engine_(engine),
      interpreter_(std::make_unique<xr::interp::Interpreter>(ruleSet_->program())) {}

Evaluator::~Evaluator() = default;

std::optional<ParamValues> Evaluator::bindParams(const std::vector<ParamSetting> &settings,
                                                 std::vector<std::string> &problems) const {
  const xr::ir::Program &program = ruleSet_->program();
  std::vector<std::string> names;
  for (const xr::ir::ParamInfo &p : program.params)
    names.push_back(p.name);
  const std::size_t problemsBefore = problems.size();
  std::vector<std::pair<std::uint32_t, xr::ir::Constant>> overrides;
  for (const ParamSetting &setting : settings) {
    std::uint32_t index = 0;
    while (index < names.size() && names[index] != setting.name)
      ++index;
    if (index == names.size()) {
      std::string problem = "unknown param '" + setting.name + "'";
      if (auto match = xr::sema::closestMatch(setting.name, names))
        problem += "; did you mean '" + *match + "'?";
      else if (names.empty())
        problem += "; the rule set has no params";
      else
        problem += "; the params are " + joined(names);
      problems.push_back(std::move(problem));
      continue;
    }
    const xr::ir::ParamInfo &param = program.params[index];
    std::string reason;
    std::optional<xr::ir::Constant> value =
        xr::load::parseValue(program, param.type.required(), setting.value, reason);
    if (!value) {
      problems.push_back("param '" + setting.name + "': " + reason);
      continue;
    }
    if (!value->valid) {
      problems.push_back("param '" + setting.name + "' is given no value");
      continue;
    }
    overrides.emplace_back(index, std::move(*value));
  }
  if (problems.size() != problemsBefore)
    return std::nullopt;
  return ParamValues::bind(program, overrides, problems);
}

void Evaluator::evaluate(const Batch &batch, const ParamValues &params, Results &results) const {
  interpreter_->evaluate(batch, params, results);
}

} // namespace xuncha
