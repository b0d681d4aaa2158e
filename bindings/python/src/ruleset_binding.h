#pragma once
// A loaded rule set as Python sees it: the compiled rule set, the path it was loaded from, and
// its evaluators (one per engine and JIT cache folder, made on first use and kept: compiling is
// what costs, evaluating is thread safe).
#include "xuncha/evaluate.h"
#include "xuncha/ruleset.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace xuncha::python {

class RuleSetBinding {
public:
  RuleSetBinding(std::shared_ptr<const RuleSet> rules, std::string path)
      : rules_(std::move(rules)), path_(std::move(path)) {}

  const RuleSet &rules() const { return *rules_; }
  const std::shared_ptr<const RuleSet> &shared() const { return rules_; }
  const std::string &path() const { return path_; }

  /// The evaluator for `engine` ("interp", "jit", "auto"; ValueError otherwise), made on first
  /// use. Call without the GIL: a JIT engine compiles here.
  std::shared_ptr<const Evaluator> evaluator(Engine engine, const std::string &cacheDir);

private:
  std::shared_ptr<const RuleSet> rules_;
  std::string path_;
  std::mutex mutex_;
  std::map<std::pair<Engine, std::string>, std::shared_ptr<const Evaluator>> evaluators_;
};

} // namespace xuncha::python
