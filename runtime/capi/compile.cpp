// Compiling a rule set for an engine, binding its params, and running its own tests.
#include "runtime/capi/handles.h"
#include "runtime/testing/format.h"
#include "runtime/testing/runner.h"

using namespace xr::capi;

extern "C" {

xuncha_status xuncha_engine_from_name(const char *name, xuncha_engine *engine) {
  return boundary(__func__, [&] {
    required(name, "name");
    xuncha_engine &result = out(engine, "engine");
    std::optional<xuncha::Engine> parsed = xuncha::parseEngine(name);
    if (!parsed)
      fail(XUNCHA_ERROR_ARGUMENT,
           std::string("unknown engine '") + name + "'; the engines are interp, jit and auto");
    result = *parsed == xuncha::Engine::Jit    ? XUNCHA_ENGINE_JIT
             : *parsed == xuncha::Engine::Auto ? XUNCHA_ENGINE_AUTO
                                               : XUNCHA_ENGINE_INTERP;
  });
}

xuncha_status xuncha_compile(const xuncha_ruleset *ruleset, xuncha_engine engine,
                             const char *cache_dir, xuncha_compiled **compiled) {
  return boundary(__func__, [&] {
    const xuncha_ruleset &rules = use(ruleset, "ruleset");
    xuncha_compiled *&result = out(compiled, "compiled");
    xuncha::Engine chosen = xuncha::Engine::Interpreter;
    switch (engine) {
    case XUNCHA_ENGINE_INTERP:
      break;
    case XUNCHA_ENGINE_JIT:
      chosen = xuncha::Engine::Jit;
      break;
    case XUNCHA_ENGINE_AUTO:
      chosen = xuncha::Engine::Auto;
      break;
    default:
      fail(XUNCHA_ERROR_ARGUMENT, "engine " + std::to_string(static_cast<int>(engine)) +
                                      " is not one of XUNCHA_ENGINE_INTERP, _JIT and _AUTO");
    }
    xuncha::EngineOptions options;
    if (cache_dir != nullptr)
      options.cacheDir = cache_dir;
    auto evaluator = std::make_shared<const xuncha::Evaluator>(rules.rules, chosen, options);
    if (chosen == xuncha::Engine::Jit && !evaluator->compileError().empty())
      fail(XUNCHA_ERROR_ENGINE, "the JIT cannot compile rule set '" + rules.rules->name() +
                                    "': " + evaluator->compileError() +
                                    " (XUNCHA_ENGINE_INTERP or _AUTO evaluate it anyway)");
    result = make<xuncha_compiled>(xuncha_compiled{std::move(evaluator)});
  });
}

xuncha_status xuncha_compiled_free(xuncha_compiled *compiled) {
  return boundary(__func__, [&] { destroy(compiled, "compiled"); });
}

xuncha_status xuncha_compiled_warnings(const xuncha_compiled *compiled, char **text) {
  return boundary(__func__, [&] {
    const xuncha_compiled &c = use(compiled, "compiled");
    char *&result = out(text, "text");
    std::string joined;
    for (const std::string &warning : c.evaluator->warnings())
      joined += warning + "\n";
    result = ownedCopy(joined);
  });
}

xuncha_status xuncha_params_bind(const xuncha_compiled *compiled, const char *const *names,
                                 const char *const *values, size_t count, xuncha_params **params) {
  return boundary(__func__, [&] {
    const xuncha_compiled &c = use(compiled, "compiled");
    xuncha_params *&result = out(params, "params");
    if (count != 0 && (names == nullptr || values == nullptr))
      fail(XUNCHA_ERROR_ARGUMENT,
           "'names' or 'values' is NULL but 'count' is " + std::to_string(count));
    std::vector<xuncha::ParamSetting> settings;
    for (std::size_t i = 0; i < count; ++i) {
      if (names[i] == nullptr || values[i] == nullptr)
        fail(XUNCHA_ERROR_ARGUMENT, "setting " + std::to_string(i) + " has a NULL " +
                                        (names[i] == nullptr ? "name" : "value"));
      settings.push_back({names[i], values[i]});
    }
    std::vector<std::string> problems;
    std::optional<xuncha::ParamValues> bound = c.evaluator->bindParams(settings, problems);
    if (!bound) {
      std::string message;
      for (const std::string &problem : problems)
        message += (message.empty() ? "" : "; ") + problem;
      fail(XUNCHA_ERROR_PARAMS, message);
    }
    result = make<xuncha_params>(xuncha_params{c.evaluator, std::move(*bound)});
  });
}

xuncha_status xuncha_params_free(xuncha_params *params) {
  return boundary(__func__, [&] { destroy(params, "params"); });
}

xuncha_status xuncha_ruleset_run_tests(const xuncha_ruleset *ruleset, const char *filter,
                                       xuncha_test_results **results) {
  return boundary(__func__, [&] {
    const xuncha_ruleset &rules = use(ruleset, "ruleset");
    xuncha_test_results *&result = out(results, "results");
    const xr::ir::Program &program = rules.rules->program();
    auto made = std::make_unique<xuncha_test_results>();
    for (const xr::testrun::CaseResult &one :
         xr::testrun::runTests(rules.rules->compilation(), filter == nullptr ? "" : filter)) {
      made->cases.push_back(
          {one.title, one.file, one.line, one.passed, xr::testrun::caseText(program, one, false)});
      made->passed += one.passed ? 1 : 0;
    }
    registerHandle(made.get(), Kind::TestResults);
    result = made.release();
  });
}

xuncha_status xuncha_test_results_count(const xuncha_test_results *results, size_t *count,
                                        size_t *passed) {
  return boundary(__func__, [&] {
    const xuncha_test_results &r = use(results, "results");
    maybeSet(count, r.cases.size());
    maybeSet(passed, r.passed);
  });
}

xuncha_status xuncha_test_results_get(const xuncha_test_results *results, size_t index,
                                      const char **title, const char **file, uint32_t *line,
                                      int *passed, const char **text) {
  return boundary(__func__, [&] {
    const xuncha_test_results &r = use(results, "results");
    checkIndex(index, r.cases.size(), "test case");
    const xuncha_test_results::Case &one = r.cases[index];
    maybeSet(title, one.title.c_str());
    maybeSet(file, one.file.c_str());
    maybeSet(line, one.line);
    maybeSet(passed, one.passed ? 1 : 0);
    maybeSet(text, one.text.c_str());
  });
}

xuncha_status xuncha_test_results_free(xuncha_test_results *results) {
  return boundary(__func__, [&] { destroy(results, "results"); });
}

} // extern "C"
