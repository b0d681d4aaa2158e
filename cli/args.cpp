#include "cli/args.h"

#include "compiler/support/edit_distance.h"

#include <algorithm>

namespace xr::cli {
namespace {

std::string join(const std::vector<std::string> &items, std::string_view separator) {
  std::string out;
  for (const std::string &item : items)
    out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

constexpr std::size_t kHelpWidth = 80;

/// Splits `text` into lines of at most `width` characters at spaces (a longer word stays
/// whole on its own line).
std::vector<std::string> wrapWords(std::string_view text, std::size_t width) {
  std::vector<std::string> lines{""};
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = std::min(text.find(' ', start), text.size());
    std::string_view word = text.substr(start, end - start);
    if (!word.empty()) {
      if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width)
        lines.emplace_back();
      lines.back() += (lines.back().empty() ? "" : " ") + std::string(word);
    }
    start = end + 1;
  }
  return lines;
}

std::string positionalUsage(const PositionalSpec &p) {
  std::string text = p.name + (p.variadic ? "..." : "");
  return p.required ? text : "[" + text + "]";
}

} // namespace

std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string> &candidates) {
  std::optional<std::string> best;
  std::size_t bestDistance = 0;
  for (const std::string &candidate : candidates) {
    std::size_t distance = editDistance(word, candidate);
    // Close enough to be a typo: at most one edit per three characters.
    if (distance * 3 > std::max(word.size(), candidate.size()))
      continue;
    if (!best || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// ------------------------------------------------------------------------- Args

bool Args::has(std::string_view name) const { return given_.find(name) != given_.end(); }

std::string Args::value(std::string_view name) const {
  if (auto it = given_.find(name); it != given_.end() && !it->second.empty())
    return it->second.back();
  if (auto it = defaults_.find(name); it != defaults_.end())
    return it->second;
  return {};
}

std::vector<std::string> Args::values(std::string_view name) const {
  if (auto it = given_.find(name); it != given_.end())
    return it->second;
  return {};
}

// ------------------------------------------------------------------------- ArgSpec

ArgSpec::ArgSpec(std::string program, std::string summary)
    : program_(std::move(program)), summary_(std::move(summary)) {}

ArgSpec &ArgSpec::flag(std::string name, std::string help) {
  return option({std::move(name), {}, std::move(help), {}, {}, false});
}

ArgSpec &ArgSpec::option(OptionSpec spec) {
  options_.push_back(std::move(spec));
  return *this;
}

ArgSpec &ArgSpec::positional(PositionalSpec spec) {
  positionals_.push_back(std::move(spec));
  return *this;
}

ArgSpec &ArgSpec::epilog(std::string text) {
  epilog_ = std::move(text);
  return *this;
}

const OptionSpec *ArgSpec::find(std::string_view name) const {
  for (const OptionSpec &spec : options_)
    if (spec.name == name)
      return &spec;
  return nullptr;
}

UsageError ArgSpec::unknownOption(std::string_view written) const {
  std::string bare(written.substr(0, written.find('=')));
  bare.erase(0, bare.find_first_not_of('-'));
  std::vector<std::string> names{"help"};
  for (const OptionSpec &spec : options_)
    names.push_back(spec.name);
  UsageError error{"unknown option '" + std::string(written.substr(0, written.find('='))) +
                       "' for '" + program_ + "'",
                   {}};
  if (auto match = closestMatch(bare, names))
    error.hint = "did you mean '--" + *match + "'?";
  else
    error.hint = "run '" + program_ + " --help' to see the options";
  return error;
}

ParseResult ArgSpec::parse(const std::vector<std::string> &arguments) const {
  Args args;
  for (const OptionSpec &spec : options_)
    if (!spec.valueName.empty())
      args.defaults_[spec.name] = spec.defaultValue;

  bool onlyPositionals = false;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string &arg = arguments[i];
    if (onlyPositionals || arg == "-" || arg.empty() || arg[0] != '-') {
      args.positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      onlyPositionals = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      args.help_ = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0)
      return {std::nullopt, unknownOption(arg)};

    std::size_t equals = arg.find('=');
    std::string name = arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    const OptionSpec *spec = find(name);
    if (!spec)
      return {std::nullopt, unknownOption(arg)};
    std::string shown = "--" + name;

    if (spec->valueName.empty()) {
      if (equals != std::string::npos)
        return {std::nullopt,
                {"option '" + shown + "' takes no value", "write '" + shown + "' alone"}};
      args.given_[name];
      continue;
    }

    std::string value;
    if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < arguments.size() && arguments[i + 1].rfind("--", 0) != 0) {
      value = arguments[++i];
    } else {
      return {std::nullopt,
              {"option '" + shown + "' needs a value",
               "write '" + shown + "=" + spec->valueName + "'"}};
    }
    if (!spec->choices.empty() &&
        std::find(spec->choices.begin(), spec->choices.end(), value) == spec->choices.end()) {
      UsageError error{"invalid value '" + value + "' for '" + shown + "'",
                       "expected one of: " + join(spec->choices, ", ")};
      if (auto match = closestMatch(value, spec->choices))
        error.hint = "did you mean '" + shown + "=" + *match + "'? (" + error.hint + ")";
      return {std::nullopt, error};
    }
    std::vector<std::string> &values = args.given_[name];
    if (!spec->repeatable)
      values.clear();
    values.push_back(std::move(value));
  }

  if (args.help_)
    return {std::move(args), {}};

  std::size_t available = args.positionals_.size();
  std::size_t needed = 0;
  bool unbounded = false;
  for (const PositionalSpec &p : positionals_) {
    needed += p.required ? 1 : 0;
    unbounded = unbounded || p.variadic;
  }
  std::string usageHint = "usage: " + program_ + " [options]";
  for (const PositionalSpec &p : positionals_)
    usageHint += " " + positionalUsage(p);
  if (available < needed) {
    std::size_t seen = 0;
    for (const PositionalSpec &p : positionals_) {
      if (p.required && seen++ == available)
        return {std::nullopt, {"missing " + p.name + " argument", usageHint}};
    }
  }
  if (!unbounded && available > positionals_.size())
    return {std::nullopt,
            {"unexpected argument '" + args.positionals_[positionals_.size()] + "'", usageHint}};
  return {std::move(args), {}};
}

std::string ArgSpec::help() const {
  std::string out = "usage: " + program_;
  if (!options_.empty())
    out += " [options]";
  for (const PositionalSpec &p : positionals_)
    out += " " + positionalUsage(p);
  out += "\n\n" + summary_ + "\n";

  std::vector<std::pair<std::string, std::string>> rows;
  auto section = [&](std::string_view title) {
    if (rows.empty())
      return;
    std::size_t width = 0;
    for (const auto &row : rows)
      width = std::max(width, row.first.size());
    out += "\n" + std::string(title) + ":\n";
    for (const auto &[left, right] : rows) {
      std::vector<std::string> lines = wrapWords(right, kHelpWidth - (width + 4));
      out += "  " + left + std::string(width - left.size() + 2, ' ') + lines.front() + "\n";
      for (std::size_t i = 1; i < lines.size(); ++i)
        out += std::string(width + 4, ' ') + lines[i] + "\n";
    }
    rows.clear();
  };

  for (const PositionalSpec &p : positionals_)
    rows.emplace_back(p.name + (p.variadic ? "..." : ""), p.help);
  section("arguments");

  for (const OptionSpec &spec : options_) {
    std::string left = "--" + spec.name;
    if (!spec.valueName.empty())
      left += "=" + spec.valueName;
    std::string right = spec.help;
    std::vector<std::string> notes;
    if (!spec.choices.empty())
      notes.push_back(join(spec.choices, "|"));
    if (!spec.defaultValue.empty())
      notes.push_back("default: " + spec.defaultValue);
    if (spec.repeatable)
      notes.push_back("repeatable");
    if (!notes.empty())
      right += " [" + join(notes, "; ") + "]";
    rows.emplace_back(std::move(left), std::move(right));
  }
  rows.emplace_back("-h, --help", "show this help");
  section("options");

  if (!epilog_.empty())
    out += "\n" + epilog_ + (epilog_.back() == '\n' ? "" : "\n");
  return out;
}

} // namespace xr::cli
