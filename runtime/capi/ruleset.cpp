// Loading rule sets, their diagnostics, and what they read and give (fields, result columns,
// params, enums).
#include "compiler/sema/suggest.h"
#include "runtime/capi/handles.h"
#include "runtime/output/output.h"

#include <cstring>

using namespace xr::capi;

namespace {

void finishLoad(xuncha::LoadResult loaded, xuncha_ruleset **ruleset,
                xuncha_diagnostics **diagnostics) {
  // Both handles are made before either is handed out, so a failure leaks neither.
  std::unique_ptr<xuncha_diagnostics> diags;
  if (diagnostics != nullptr) {
    diags = std::make_unique<xuncha_diagnostics>();
    diags->list = loaded.diagnostics;
    diags->errors = loaded.errorCount();
    diags->warnings = loaded.warningCount();
    diags->plain = loaded.renderDiagnostics(false);
    diags->colored = loaded.renderDiagnostics(true);
  }
  std::unique_ptr<xuncha_ruleset> rules;
  if (loaded.ok()) {
    rules = std::make_unique<xuncha_ruleset>();
    rules->rules = loaded.ruleSet;
    const xr::ir::Program &program = loaded.ruleSet->program();
    for (const xr::ir::ParamInfo &param : program.params)
      rules->paramDefaults.push_back(
          param.hasDefault ? xr::output::formatValue(program, param.defaultValue) : "");
  }
  if (diags) {
    registerHandle(diags.get(), Kind::Diagnostics);
    *diagnostics = diags.release();
  }
  if (!rules) {
    *ruleset = nullptr;
    std::string message = "the rule set has " + std::to_string(loaded.errorCount()) +
                          (loaded.errorCount() == 1 ? " error" : " errors");
    for (const xuncha::Diagnostic &d : loaded.diagnostics)
      if (d.severity == xuncha::Severity::Error) {
        message += "; the first: " + d.file + ":" + std::to_string(d.line) + ":" +
                   std::to_string(d.column) + ": " + d.message;
        break;
      }
    fail(XUNCHA_ERROR_RULESET, message + " (read them all with xuncha_diagnostics_get)");
  }
  registerHandle(rules.get(), Kind::RuleSet);
  *ruleset = rules.release();
}

const xr::ir::Program &programOf(const xuncha_ruleset *ruleset) {
  return use(ruleset, "ruleset").rules->program();
}

void describe(const xr::Type &type, std::uint32_t flags, xuncha_type *typeOut,
              std::uint32_t *flagsOut, std::uint32_t *enumOut) {
  maybeSet(typeOut, typeOf(type));
  maybeSet(flagsOut, flags | (type.optional ? XUNCHA_FLAG_OPTIONAL : 0u));
  maybeSet(enumOut, enumIdOf(type));
}

template <class Named, class NameOf>
std::size_t indexByName(const std::vector<Named> &items, const char *name, NameOf nameOf,
                        const char *what, const std::string &where) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (nameOf(items[i]) == name)
      return i;
    names.push_back(nameOf(items[i]));
  }
  fail(XUNCHA_ERROR_NOT_FOUND, std::string("unknown ") + what + " '" + name + "' in " + where +
                                   xr::sema::didYouMean(xr::sema::closestMatch(name, names)));
}

const xr::EnumInfo &enumOf(const xr::ir::Program &program, std::uint32_t enumId) {
  if (enumId >= program.enums.size())
    fail(XUNCHA_ERROR_ARGUMENT, "enum id " + std::to_string(enumId) +
                                    " is out of range: the rule set has " +
                                    std::to_string(program.enums.size()) +
                                    " enums (take the id from a field, result or param)");
  return program.enums.get(enumId);
}

} // namespace

extern "C" {

xuncha_status xuncha_ruleset_load(const char *path, xuncha_ruleset **ruleset,
                                  xuncha_diagnostics **diagnostics) {
  return boundary(__func__, [&] {
    required(path, "path");
    out(ruleset, "ruleset");
    finishLoad(xuncha::RuleSet::load(path), ruleset, diagnostics);
  });
}

xuncha_status xuncha_ruleset_from_text(const char *path, const char *text, size_t length,
                                       xuncha_ruleset **ruleset, xuncha_diagnostics **diagnostics) {
  return boundary(__func__, [&] {
    required(path, "path");
    if (text == nullptr && length != 0)
      fail(XUNCHA_ERROR_ARGUMENT, "'text' is NULL but 'length' is " + std::to_string(length));
    out(ruleset, "ruleset");
    finishLoad(xuncha::RuleSet::fromText(path, std::string(text == nullptr ? "" : text, length)),
               ruleset, diagnostics);
  });
}

xuncha_status xuncha_ruleset_free(xuncha_ruleset *ruleset) {
  return boundary(__func__, [&] { destroy(ruleset, "ruleset"); });
}

xuncha_status xuncha_ruleset_info(const xuncha_ruleset *ruleset, const char **name,
                                  int64_t *version, const char **sha256) {
  return boundary(__func__, [&] {
    const xuncha::RuleSet &rules = *use(ruleset, "ruleset").rules;
    maybeSet(name, rules.name().c_str());
    maybeSet(version, rules.version());
    maybeSet(sha256, rules.sha256().c_str());
  });
}

xuncha_status xuncha_diagnostics_count(const xuncha_diagnostics *diagnostics, size_t *count,
                                       size_t *errors, size_t *warnings) {
  return boundary(__func__, [&] {
    const xuncha_diagnostics &d = use(diagnostics, "diagnostics");
    maybeSet(count, d.list.size());
    maybeSet(errors, d.errors);
    maybeSet(warnings, d.warnings);
  });
}

xuncha_status xuncha_diagnostics_get(const xuncha_diagnostics *diagnostics, size_t index,
                                     xuncha_severity *severity, const char **code,
                                     const char **message, const char **file, uint32_t *line,
                                     uint32_t *column) {
  return boundary(__func__, [&] {
    const xuncha_diagnostics &d = use(diagnostics, "diagnostics");
    checkIndex(index, d.list.size(), "diagnostic");
    const xuncha::Diagnostic &one = d.list[index];
    maybeSet(severity, one.severity == xuncha::Severity::Error     ? XUNCHA_SEVERITY_ERROR
                       : one.severity == xuncha::Severity::Warning ? XUNCHA_SEVERITY_WARNING
                                                                   : XUNCHA_SEVERITY_NOTE);
    maybeSet(code, one.code.c_str());
    maybeSet(message, one.message.c_str());
    maybeSet(file, one.file.c_str());
    maybeSet(line, one.line);
    maybeSet(column, one.column);
  });
}

xuncha_status xuncha_diagnostics_render(const xuncha_diagnostics *diagnostics, int color,
                                        const char **text) {
  return boundary(__func__, [&] {
    const xuncha_diagnostics &d = use(diagnostics, "diagnostics");
    out(text, "text") = color != 0 ? d.colored.c_str() : d.plain.c_str();
  });
}

xuncha_status xuncha_diagnostics_free(xuncha_diagnostics *diagnostics) {
  return boundary(__func__, [&] { destroy(diagnostics, "diagnostics"); });
}

xuncha_status xuncha_ruleset_field_count(const xuncha_ruleset *ruleset, size_t *count) {
  return boundary(__func__, [&] {
    const xr::ir::Program &program = programOf(ruleset);
    out(count, "count") = program.fields.size();
  });
}

xuncha_status xuncha_ruleset_field(const xuncha_ruleset *ruleset, size_t index, const char **name,
                                   xuncha_type *type, uint32_t *flags, uint32_t *enum_id) {
  return boundary(__func__, [&] {
    const xr::ir::Program &program = programOf(ruleset);
    checkIndex(index, program.fields.size(), "field");
    const xr::ir::FieldInfo &field = program.fields[index];
    maybeSet(name, field.name.c_str());
    describe(field.type, field.key ? XUNCHA_FLAG_KEY : 0u, type, flags, enum_id);
  });
}

xuncha_status xuncha_ruleset_field_index(const xuncha_ruleset *ruleset, const char *name,
                                         size_t *index) {
  return boundary(__func__, [&] {
    const xr::ir::Program &program = programOf(ruleset);
    required(name, "name");
    out(index, "index") = indexByName(
        program.fields, name, [](const xr::ir::FieldInfo &f) { return f.name; }, "field",
        "the record of rule set '" + program.title + "'");
  });
}

xuncha_status xuncha_ruleset_result_count(const xuncha_ruleset *ruleset, size_t *count) {
  return boundary(__func__, [&] {
    const xr::ir::Program &program = programOf(ruleset);
    out(count, "count") = program.results.size();
  });
}

xuncha_status xuncha_ruleset_result(const xuncha_ruleset *ruleset, size_t index, const char **name,
                                    xuncha_type *type, uint32_t *flags, uint32_t *enum_id) {
  return boundary(__func__, [&] {
    const xr::ir::Program &program = programOf(ruleset);
    checkIndex(index, program.results.size(), "result column");
    const xr::ir::ResultColumn &column = program.results[index];
    maybeSet(name, column.name.c_str());
    describe(program.slots.at(column.slot).type,
             column.perIndicator ? XUNCHA_FLAG_PER_INDICATOR : 0u, type, flags, enum_id);
  });
}

xuncha_status xuncha_ruleset_result_index(const xuncha_ruleset *ruleset, const char *name,
                                          size_t *index) {
  return boundary(__func__, [&] {
    const xr::ir::Program &program = programOf(ruleset);
    required(name, "name");
    out(index, "index") = indexByName(
        program.results, name, [](const xr::ir::ResultColumn &c) { return c.name; },
        "result column", "rule set '" + program.title + "'");
  });
}

xuncha_status xuncha_ruleset_param_count(const xuncha_ruleset *ruleset, size_t *count) {
  return boundary(__func__, [&] {
    const xr::ir::Program &program = programOf(ruleset);
    out(count, "count") = program.params.size();
  });
}

xuncha_status xuncha_ruleset_param(const xuncha_ruleset *ruleset, size_t index, const char **name,
                                   xuncha_type *type, uint32_t *flags, const char **default_text) {
  return boundary(__func__, [&] {
    const xr::ir::Program &program = programOf(ruleset);
    checkIndex(index, program.params.size(), "param");
    const xr::ir::ParamInfo &param = program.params[index];
    maybeSet(name, param.name.c_str());
    describe(param.type, param.hasDefault ? XUNCHA_FLAG_HAS_DEFAULT : 0u, type, flags, nullptr);
    maybeSet(default_text, ruleset->paramDefaults[index].c_str());
  });
}

xuncha_status xuncha_ruleset_enum_member_count(const xuncha_ruleset *ruleset, uint32_t enum_id,
                                               size_t *count) {
  return boundary(__func__, [&] {
    const xr::EnumInfo &info = enumOf(programOf(ruleset), enum_id);
    out(count, "count") = info.members.size();
  });
}

xuncha_status xuncha_ruleset_enum_member(const xuncha_ruleset *ruleset, uint32_t enum_id,
                                         size_t index, const char **name, const char **label) {
  return boundary(__func__, [&] {
    const xr::EnumInfo &info = enumOf(programOf(ruleset), enum_id);
    checkIndex(index, info.members.size(), ("member of enum " + info.name).c_str());
    maybeSet(name, info.members[index].name.c_str());
    maybeSet(label, info.members[index].label.c_str());
  });
}

xuncha_status xuncha_ruleset_enum_find(const xuncha_ruleset *ruleset, uint32_t enum_id,
                                       const char *text, int32_t *member) {
  return boundary(__func__, [&] {
    const xr::EnumInfo &info = enumOf(programOf(ruleset), enum_id);
    required(text, "text");
    int32_t &result = out(member, "member");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < info.members.size(); ++i) {
      if (info.members[i].name == text || info.members[i].label == text) {
        result = static_cast<int32_t>(i);
        return;
      }
      names.push_back(info.members[i].name);
    }
    fail(XUNCHA_ERROR_NOT_FOUND, std::string("'") + text + "' is no member of enum " + info.name +
                                     xr::sema::didYouMean(xr::sema::closestMatch(text, names)));
  });
}

} // extern "C"
