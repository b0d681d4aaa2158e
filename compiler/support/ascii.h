#pragma once
// ASCII case folding for the words the tools compare without case (file extensions, format
// names, protocol headers): only A-Z change, whatever the locale, so UTF-8 bytes pass as they
// are.
#include <string>
#include <string_view>

namespace xr {

std::string lowerAscii(std::string_view text);

} // namespace xr
