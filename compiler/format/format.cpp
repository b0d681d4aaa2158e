#include "compiler/format/format.h"

#include "compiler/format/layout_plan.h"
#include "compiler/format/line_builder.h"
#include "compiler/format/render.h"
#include "compiler/format/source_lines.h"
#include "compiler/syntax/concrete_syntax.h"

namespace xr::format {

namespace {

bool sameComments(const std::vector<ast::Comment> &a, const std::vector<ast::Comment> &b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (commentLines(a[i].text) != commentLines(b[i].text))
      return false;
  return true;
}

bool sameTokens(const syntax::ConcreteSyntax &a, const syntax::ConcreteSyntax &b) {
  if (a.tokens.size() != b.tokens.size())
    return false;
  for (std::size_t i = 0; i < a.tokens.size(); ++i)
    if (a.tokens[i].kind != b.tokens[i].kind || a.tokens[i].text != b.tokens[i].text)
      return false;
  return true;
}

/// Whether `formatted` reads as the same tokens and comments as `original`.
bool keepsEverything(const syntax::ConcreteSyntax &original, const SourceFile &file,
                     const std::string &formatted, const Limits &limits) {
  SourceFile again(file.id(), file.path(), formatted);
  Diagnostics ignored;
  std::optional<syntax::ConcreteSyntax> reread = syntax::parseConcrete(again, ignored, limits);
  return reread && sameTokens(original, *reread) &&
         sameComments(original.comments, reread->comments);
}

} // namespace

FormatResult formatFile(const SourceFile &file, const Limits &limits) {
  FormatResult result;
  std::optional<syntax::ConcreteSyntax> syntax =
      syntax::parseConcrete(file, result.diagnostics, limits);
  if (!syntax)
    return result;
  SourceLines lines(file.text());
  std::vector<std::uint32_t> tokenLines;
  tokenLines.reserve(syntax->tokens.size());
  for (const syntax::ConcreteToken &token : syntax->tokens)
    tokenLines.push_back(lines.line(token.begin));
  std::vector<TokenLayout> plan = planLayout(*syntax, tokenLines);
  std::string formatted = render(buildLines(*syntax, plan, lines));
  if (!keepsEverything(*syntax, file, formatted, limits)) {
    result.diagnostics.report(DiagCode::InternalError, SourceRange{file.id(), 0, 0},
                              "the formatter's output would not have the tokens and comments of "
                              "this file; the file is left as it is (please report this)");
    return result;
  }
  result.text = std::move(formatted);
  return result;
}

} // namespace xr::format
