#include "lsp/protocol/types.h"

#include "lsp/protocol/jsonrpc.h"

#include <limits>

namespace xr::lsp {

using nlohmann::json;

namespace {

/// A required member of an object, or InvalidParams naming it.
const json &member(const json &j, const char *name) {
  if (!j.is_object())
    throw RequestError(ErrorCode::InvalidParams,
                       std::string("expected an object with '") + name + "'");
  auto it = j.find(name);
  if (it == j.end())
    throw RequestError(ErrorCode::InvalidParams, std::string("missing '") + name + "'");
  return *it;
}

std::string stringMember(const json &j, const char *name) {
  const json &value = member(j, name);
  if (!value.is_string())
    throw RequestError(ErrorCode::InvalidParams, std::string("'") + name + "' must be a string");
  return value.get<std::string>();
}

/// Negative or too-large numbers clamp (a position past the end is clamped later anyway).
std::uint32_t unsignedMember(const json &j, const char *name) {
  const json &value = member(j, name);
  if (!value.is_number())
    throw RequestError(ErrorCode::InvalidParams, std::string("'") + name + "' must be a number");
  double number = value.get<double>();
  if (!(number > 0))
    return 0;
  if (number >= static_cast<double>(std::numeric_limits<std::uint32_t>::max()))
    return std::numeric_limits<std::uint32_t>::max();
  return static_cast<std::uint32_t>(number);
}

std::int64_t integerMember(const json &j, const char *name) {
  const json &value = member(j, name);
  if (!value.is_number_integer())
    throw RequestError(ErrorCode::InvalidParams, std::string("'") + name + "' must be an integer");
  return value.get<std::int64_t>();
}

} // namespace

void to_json(json &j, const Position &p) { j = json{{"line", p.line}, {"character", p.character}}; }
void from_json(const json &j, Position &p) {
  p.line = unsignedMember(j, "line");
  p.character = unsignedMember(j, "character");
}
void to_json(json &j, const Range &r) { j = json{{"start", r.start}, {"end", r.end}}; }
void from_json(const json &j, Range &r) {
  r.start = member(j, "start").get<Position>();
  r.end = member(j, "end").get<Position>();
  if (r.end < r.start)
    std::swap(r.start, r.end);
}
void to_json(json &j, const Location &l) { j = json{{"uri", l.uri}, {"range", l.range}}; }
void from_json(const json &j, Location &l) {
  l.uri = stringMember(j, "uri");
  l.range = member(j, "range").get<Range>();
}
void to_json(json &j, const TextEdit &e) { j = json{{"range", e.range}, {"newText", e.newText}}; }
void from_json(const json &j, TextEdit &e) {
  e.range = member(j, "range").get<Range>();
  e.newText = stringMember(j, "newText");
}
void to_json(json &j, const WorkspaceEdit &e) {
  json changes = json::object();
  for (const auto &[uri, edits] : e.changes)
    changes[uri] = edits;
  j = json{{"changes", changes}};
}
void to_json(json &j, const DiagnosticRelatedInformation &r) {
  j = json{{"location", r.location}, {"message", r.message}};
}
void to_json(json &j, const Diagnostic &d) {
  j = json{{"range", d.range},
           {"severity", static_cast<int>(d.severity)},
           {"code", d.code},
           {"source", d.source},
           {"message", d.message}};
  if (!d.relatedInformation.empty())
    j["relatedInformation"] = d.relatedInformation;
  if (!d.data.is_null())
    j["data"] = d.data;
}
void from_json(const json &j, TextDocumentIdentifier &t) { t.uri = stringMember(j, "uri"); }
void from_json(const json &j, VersionedTextDocumentIdentifier &t) {
  t.uri = stringMember(j, "uri");
  t.version = integerMember(j, "version");
}
void from_json(const json &j, TextDocumentItem &t) {
  t.uri = stringMember(j, "uri");
  t.languageId = j.is_object() && j.contains("languageId") && j["languageId"].is_string()
                     ? j["languageId"].get<std::string>()
                     : std::string();
  t.version = integerMember(j, "version");
  t.text = stringMember(j, "text");
}
void from_json(const json &j, TextDocumentContentChangeEvent &c) {
  c.text = stringMember(j, "text");
  auto range = j.find("range");
  if (range != j.end() && !range->is_null())
    c.range = range->get<Range>();
  else
    c.range.reset();
}
void from_json(const json &j, TextDocumentPositionParams &p) {
  p.textDocument = member(j, "textDocument").get<TextDocumentIdentifier>();
  p.position = member(j, "position").get<Position>();
}

} // namespace xr::lsp
