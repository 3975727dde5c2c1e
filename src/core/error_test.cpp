#include "core/error.h"

#include <gtest/gtest.h>

namespace sen {
namespace {

std::vector<std::string> Fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& d : e.details) out.push_back(d.field + "=" + d.reason);
  return out;
}

TEST(FieldErrors, MergeKeepsOneMessagePerFieldTheFirst) {
  FieldErrors errors;
  errors.Add("mobile", "is required", "required");
  Error rules = Error::Validation({{"mobile", "is not a phone number", "invalid_phone"},
                                   {"email", "is not an e-mail address", "invalid_email"},
                                   {"email", "is too long", "too_long"}});
  errors.Merge(rules);
  // A field already named keeps its message, whether it came before or from the merged error.
  EXPECT_EQ(Fields(errors.ToError()), (std::vector<std::string>{"mobile=required", "email=invalid_email"}));
}

TEST(FieldErrors, MergingAnErrorWithoutFieldsAddsNothing) {
  FieldErrors errors;
  errors.Merge(Error::NotFound("no lead has this id"));
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace sen
