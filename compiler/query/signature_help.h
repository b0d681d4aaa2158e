#pragma once
// Signature help inside a call of a built-in function: its overloads, each with the
// parameters' places in the label, and which argument the cursor is in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xr::query {

struct SignatureInfo {
  std::string label; // "max(number, number) -> number"
  std::string documentation;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> parameters; // byte ranges in label
};

struct SignatureHelp {
  std::vector<SignatureInfo> signatures;
  std::uint32_t activeSignature = 0;
  std::uint32_t activeParameter = 0;
};

/// None when `offset` is not inside the parentheses of a call to a built-in.
std::optional<SignatureHelp> signatureHelpAt(std::string_view text, std::uint32_t offset);

} // namespace xr::query
