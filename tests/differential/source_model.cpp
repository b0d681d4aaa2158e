#include "tests/differential/source_model.h"

namespace xr::differential {

Expr Expr::leaf(ValueType type, std::string text, bool optional) {
  Expr e;
  e.type = type;
  e.optional = optional;
  e.text.push_back(std::move(text));
  return e;
}

void Expr::renderTo(std::string &out) const {
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (i < kids.size())
      kids[i].renderTo(out);
  }
}

std::string Expr::render() const {
  std::string out;
  renderTo(out);
  return out;
}

std::size_t Expr::size() const {
  std::size_t n = 1;
  for (const Expr &kid : kids)
    n += kid.size();
  return n;
}

std::string RuleSource::render() const {
  std::string out = header + "\n";
  for (const Decl &decl : decls) {
    out += "\n";
    for (const Line &line : decl.lines) {
      line.content.renderTo(out);
      out += "\n";
    }
  }
  return out;
}

} // namespace xr::differential
