// Names of error codes as the API spells them, and errors gathered into one answer.
#include "core/error.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace sen {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return "bad_request";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kValidationFailed: return "validation_failed";
    case ErrorCode::kDuplicate: return "duplicate";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error Error::Validation(std::vector<FieldError> details) {
  std::vector<std::string> parts;
  for (const auto& d : details) parts.push_back(fmt::format("{} {}", d.field, d.message));
  return {ErrorCode::kValidationFailed, fmt::format("invalid input: {}", fmt::join(parts, "; ")), std::move(details)};
}

Error Error::Conflict(std::string message, std::string reason, nlohmann::json params) {
  Error e{ErrorCode::kConflict, std::move(message)};
  e.extra = std::move(params);
  e.extra["reason"] = std::move(reason);
  return e;
}

Error Error::ForbiddenField(std::string field, std::string message, std::string reason) {
  Error e = Forbidden(message);
  e.details.push_back({std::move(field), std::move(message), std::move(reason)});
  return e;
}

Error Error::Field(std::string field, std::string message, std::string reason) {
  return Validation({{std::move(field), std::move(message), std::move(reason)}});
}

void FieldErrors::Merge(const Error& error) {
  for (const auto& d : error.details) {
    if (!Has(d.field)) errors_.push_back(d);
  }
}

std::string Describe(const Error& error) {
  if (error.details.empty()) return error.message;
  std::string out;
  for (const auto& d : error.details) out.append(out.empty() ? "" : "; ").append(d.field).append(": ").append(d.message);
  return out;
}

Status Merged(Status first, Status second) {
  if (first.ok()) return second;
  if (second.ok()) return first;
  FieldErrors merged;
  merged.Merge(first.error());
  merged.Merge(second.error());
  return merged.ToError();
}

}  // namespace sen
