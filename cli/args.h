#pragma once
// A small command-line parser shared by every `xuncha` command. A command describes its
// options and positional arguments once; parsing and the --help text both come from that
// table, so they cannot disagree.
//
// Accepted forms: `--name=value`, `--name value`, flags `--name`, `-h`/`--help`, positionals
// anywhere, and `--` after which everything is positional.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xr::cli {

struct OptionSpec {
  std::string name;      // without dashes: "format"
  std::string valueName; // "FORMAT"; empty for a flag
  std::string help;
  std::vector<std::string> choices; // the values allowed; empty allows any
  std::string defaultValue;         // what value() gives when the option is absent
  bool repeatable = false;          // every value is kept; otherwise the last one wins
};

struct PositionalSpec {
  std::string name; // "FILE"
  std::string help;
  bool required = true;
  bool variadic = false; // takes every remaining positional
};

/// The result of a successful parse.
class Args {
public:
  bool helpRequested() const { return help_; }
  /// True when the flag or option was given.
  bool has(std::string_view name) const;
  /// The option's last value, or its default when absent.
  std::string value(std::string_view name) const;
  /// Every value of the option, in command-line order.
  std::vector<std::string> values(std::string_view name) const;
  const std::vector<std::string> &positionals() const { return positionals_; }

private:
  friend class ArgSpec;
  bool help_ = false;
  std::map<std::string, std::vector<std::string>, std::less<>> given_;
  std::map<std::string, std::string, std::less<>> defaults_;
  std::vector<std::string> positionals_;
};

/// A usage mistake: what is wrong and what to do about it.
struct UsageError {
  std::string message; // "unknown option '--fromat'"
  std::string hint;    // "did you mean '--format'?"
};

struct ParseResult {
  std::optional<Args> args; // set on success
  UsageError error;         // set on failure
  bool ok() const { return args.has_value(); }
};

class ArgSpec {
public:
  /// `program` is how the command is invoked ("xuncha check"); `summary` one sentence.
  ArgSpec(std::string program, std::string summary);

  ArgSpec &flag(std::string name, std::string help);
  ArgSpec &option(OptionSpec spec);
  ArgSpec &positional(PositionalSpec spec);
  /// Free text shown at the end of --help (exit codes, examples).
  ArgSpec &epilog(std::string text);

  ParseResult parse(const std::vector<std::string> &arguments) const;
  std::string help() const;
  const std::string &program() const { return program_; }
  const std::string &summary() const { return summary_; }

private:
  const OptionSpec *find(std::string_view name) const;
  UsageError unknownOption(std::string_view written) const;

  std::string program_;
  std::string summary_;
  std::string epilog_;
  std::vector<OptionSpec> options_;
  std::vector<PositionalSpec> positionals_;
};

/// The candidate closest to `word` by edit distance, when it is close enough to be a
/// plausible typo; nullopt otherwise.
std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string> &candidates);

} // namespace xr::cli
