// E-mail addresses: trimmed, lower-cased and checked for a plausible shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sen::text {

// "  An.Nguyen@Example.COM " -> "an.nguyen@example.com"; nullopt when it is not an address.
std::optional<std::string> NormaliseEmail(std::string_view text);

}  // namespace sen::text
