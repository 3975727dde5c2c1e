// Reading common query parameters (paging, ids) with 422s that name the parameter.
#pragma once

#include <optional>
#include <string_view>

#include "core/paging.h"
#include "http/message.h"

namespace sen::http {

Result<PageRequest> ParsePage(const Request& request);
// A positive integer from query parameter `name`, if present.
Result<std::optional<std::int64_t>> QueryId(const Request& request, std::string_view name);

template <typename T, typename ToJson>
nlohmann::json PageJson(const Page<T>& page, ToJson to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  nlohmann::json out = {{"items", std::move(items)},
                        {"total", page.total},
                        {"page", page.request.page},
                        {"page_size", page.request.page_size}};
  if (page.total_capped) out["total_capped"] = true;
  return out;
}

}  // namespace sen::http
