// `sen demo --file`: the demo generator's leads as a spreadsheet people would bring to an import
// (Vietnamese headers, phones as typed, ~5% repeated people); the import benchmark's input.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/clock.h"

namespace sen::demo {

// Writes `count` leads to `path`, as .xlsx when its name ends so, else as CSV.
void WriteDemoFile(const std::filesystem::path& path, std::int64_t count, std::uint64_t seed, Millis now);

}  // namespace sen::demo
