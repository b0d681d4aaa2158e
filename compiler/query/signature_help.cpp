#include "compiler/query/signature_help.h"

#include "compiler/query/token_context.h"
#include "runtime/builtins/registry.h"

namespace xr::query {

namespace {

/// The parameters of "name(a, b) -> r" as byte ranges of the label.
std::vector<std::pair<std::uint32_t, std::uint32_t>> parameterRanges(std::string_view label) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  std::size_t open = label.find('(');
  std::size_t close = label.find(')', open);
  if (open == std::string_view::npos || close == std::string_view::npos || close == open + 1)
    return out;
  std::size_t start = open + 1;
  for (std::size_t i = start; i <= close; ++i) {
    if (i == close || label[i] == ',') {
      std::size_t b = start;
      while (b < i && label[b] == ' ')
        ++b;
      out.emplace_back(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(i));
      start = i + 1;
    }
  }
  return out;
}

} // namespace

std::optional<SignatureHelp> signatureHelpAt(std::string_view text, std::uint32_t offset) {
  TokenContext cx = tokenContext(text, offset);
  if (cx.quiet)
    return std::nullopt;
  // The innermost open `(` that follows a name: a call.
  for (auto it = cx.open.rbegin(); it != cx.open.rend(); ++it) {
    std::size_t open = *it;
    if (cx.tokens[open].text != "(")
      continue;
    if (open == 0 || !isWord(cx.tokens[open - 1]))
      return std::nullopt; // a parenthesised expression
    std::vector<const builtins::Builtin *> overloads =
        builtins::overloads(cx.tokens[open - 1].text);
    if (overloads.empty())
      return std::nullopt;
    // Commas directly inside this call (not inside nested brackets) before the cursor.
    std::uint32_t argument = 0;
    std::size_t depth = 0;
    for (std::size_t i = open + 1; i < cx.before; ++i) {
      const std::string &t = cx.tokens[i].text;
      if (t == "(" || t == "[" || t == "{")
        ++depth;
      else if ((t == ")" || t == "]" || t == "}") && depth > 0)
        --depth;
      else if (t == "," && depth == 0)
        ++argument;
    }
    SignatureHelp help;
    help.activeParameter = argument;
    bool chosen = false;
    for (const builtins::Builtin *b : overloads) {
      SignatureInfo info{std::string(b->signature), std::string(b->doc),
                         parameterRanges(b->signature)};
      if (!chosen && argument < info.parameters.size()) {
        help.activeSignature = static_cast<std::uint32_t>(help.signatures.size());
        chosen = true;
      }
      help.signatures.push_back(std::move(info));
    }
    return help;
  }
  return std::nullopt;
}

} // namespace xr::query
