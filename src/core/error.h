// Expected failures as values: one ErrorCode, an Error carrying field details, and Result<T>.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace sen {

// Every expected failure has one of these codes; http/error_response.cpp maps each to a status.
enum class ErrorCode {
  kBadRequest,
  kUnauthenticated,
  kForbidden,
  kNotFound,
  kValidationFailed,
  kDuplicate,
  kConflict,
  kPayloadTooLarge,
  kRateLimited,
  kUnavailable,
  kInternal,
};

std::string_view ErrorCodeName(ErrorCode code);

// One problem with one input field. `reason` is a stable key the UI translates.
struct FieldError {
  std::string field;
  std::string message;
  std::string reason;

  // "mobile: is not a Vietnamese phone number": the message on its own line, naming its field.
  std::string Text() const { return field + ": " + message; }
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> details;
  // Extra members of the error body, e.g. "duplicates" for a 409.
  nlohmann::json extra = nlohmann::json::object();

  static Error BadRequest(std::string message) { return {ErrorCode::kBadRequest, std::move(message)}; }
  static Error Unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message)};
  }
  static Error Forbidden(std::string message) { return {ErrorCode::kForbidden, std::move(message)}; }
  // Refused because of one field's value (a row of an import names the column and its reason).
  static Error ForbiddenField(std::string field, std::string message, std::string reason);
  static Error NotFound(std::string message) { return {ErrorCode::kNotFound, std::move(message)}; }
  // Something in the way. `reason` is a stable key the UI words in the user's language, and
  // `params` the values its wording names (members of the error body, beside "reason").
  static Error Conflict(std::string message, std::string reason, nlohmann::json params = nlohmann::json::object());
  static Error Validation(std::vector<FieldError> details);
  static Error Field(std::string field, std::string message, std::string reason);
};

// An error on one line for logs, the command line and rejected import rows: each field's
// "field: message" joined by "; ", or the message when no field is named.
std::string Describe(const Error& error);

// Collects field errors while a request is checked, so one answer names every bad field.
class FieldErrors {
 public:
  void Add(std::string field, std::string message, std::string reason) {
    errors_.push_back({std::move(field), std::move(message), std::move(reason)});
  }
  void Add(FieldError error) { errors_.push_back(std::move(error)); }
  // The details of `error` (a rule's or another service's answer) for every field not named
  // yet: input errors and rule errors in one answer, one message per field (the first).
  void Merge(const Error& error);
  bool empty() const { return errors_.empty(); }
  bool Has(std::string_view field) const {
    for (const auto& e : errors_) {
      if (e.field == field) return true;
    }
    return false;
  }
  const std::vector<FieldError>& list() const { return errors_; }
  Error ToError() const { return Error::Validation(errors_); }

 private:
  std::vector<FieldError> errors_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const& { return std::get<1>(state_); }
  Error&& error() && { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT

  bool ok() const { return !error_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

// Input errors and rule errors in one answer, one entry per field.
Status Merged(Status first, Status second);

}  // namespace sen
