#pragma once
// The protocol's plain data, as far as this server uses it, with conversions to and from
// JSON (nlohmann's to_json/from_json, so `json j = range;` and `j.get<Range>()` work).
// Positions here are already in the negotiated encoding; see position_encoding.h.
#include "lsp/protocol/position_encoding.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace xr::lsp {

struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range &, const Range &) = default;
};

struct Location {
  std::string uri;
  Range range;
};

struct TextEdit {
  Range range;
  std::string newText;
};

/// `changes`: edits by document URI (a std::map, so the JSON is in a stable order).
struct WorkspaceEdit {
  std::map<std::string, std::vector<TextEdit>> changes;
};

enum class DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

struct DiagnosticRelatedInformation {
  Location location;
  std::string message;
};

struct Diagnostic {
  Range range;
  DiagnosticSeverity severity = DiagnosticSeverity::Error;
  std::string code; // "XR0203"
  std::string source = "xuncha";
  std::string message;
  std::vector<DiagnosticRelatedInformation> relatedInformation;
  /// Extra data a code action can read back (the compiler's fixes): sent as `data`.
  nlohmann::json data;
};

struct TextDocumentIdentifier {
  std::string uri;
};

struct VersionedTextDocumentIdentifier {
  std::string uri;
  std::int64_t version = 0;
};

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  std::int64_t version = 0;
  std::string text;
};

/// One change of didChange: a range and its new text, or (without a range) the whole text.
struct TextDocumentContentChangeEvent {
  std::optional<Range> range;
  std::string text;
};

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};

/// LSP SymbolKind values used by the document and workspace symbols.
enum class SymbolKind {
  File = 1,
  Module = 2,
  Namespace = 3,
  Package = 4,
  Class = 5,
  Method = 6,
  Property = 7,
  Field = 8,
  Constructor = 9,
  Enum = 10,
  Interface = 11,
  Function = 12,
  Variable = 13,
  Constant = 14,
  String = 15,
  Number = 16,
  Boolean = 17,
  Array = 18,
  Object = 19,
  Key = 20,
  Null = 21,
  EnumMember = 22,
  Struct = 23,
  Event = 24,
  Operator = 25,
  TypeParameter = 26,
};

void to_json(nlohmann::json &j, const Position &p);
void from_json(const nlohmann::json &j, Position &p);
void to_json(nlohmann::json &j, const Range &r);
void from_json(const nlohmann::json &j, Range &r);
void to_json(nlohmann::json &j, const Location &l);
void from_json(const nlohmann::json &j, Location &l);
void to_json(nlohmann::json &j, const TextEdit &e);
void from_json(const nlohmann::json &j, TextEdit &e);
void to_json(nlohmann::json &j, const WorkspaceEdit &e);
void to_json(nlohmann::json &j, const DiagnosticRelatedInformation &r);
void to_json(nlohmann::json &j, const Diagnostic &d);
void from_json(const nlohmann::json &j, TextDocumentIdentifier &t);
void from_json(const nlohmann::json &j, VersionedTextDocumentIdentifier &t);
void from_json(const nlohmann::json &j, TextDocumentItem &t);
void from_json(const nlohmann::json &j, TextDocumentContentChangeEvent &c);
void from_json(const nlohmann::json &j, TextDocumentPositionParams &p);

} // namespace xr::lsp
