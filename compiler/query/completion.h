#pragma once
// Completion at a position of a text as typed. The token context comes from the text (the
// lexer, no parse: the text is usually broken while typing); the names and types come from
// the model of a compilation of that file, which may be partial (errors) or null (then only
// keywords and snippets are offered).
#include "compiler/sema/model.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xr::query {

enum class CompletionKind {
  Keyword,
  Snippet,
  Field,
  Param,
  Enum,
  EnumMember,
  Domain,
  Indicator,
  Check,
  Checklist,
  Value, // a let, a score, a deadline, a report item
  Table,
  Output,
  Rule,
  Escalate,
  Example,
  Function,
  Property,
  Type,
};

struct CompletionItem {
  std::string label;
  CompletionKind kind = CompletionKind::Keyword;
  std::string detail;        // one line: "field: date 许可证到期日"
  std::string documentation; // Markdown, may be empty
  std::string insertText;    // empty: the label
  bool snippet = false;      // insertText uses $1 / ${1:placeholder}
};

struct Completion {
  std::uint32_t replaceBegin = 0; // the word being typed: [replaceBegin, offset)
  std::vector<CompletionItem> items;
};

Completion completeAt(const sema::Model *model, std::string_view text, std::uint32_t offset);

} // namespace xr::query
