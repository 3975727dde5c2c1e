#include "text/phone.h"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <random>

namespace sen::text {
namespace {

struct PhoneCase {
  const char* input;
  const char* e164;  // nullptr: must be rejected
};

class NormalisePhoneTest : public ::testing::TestWithParam<PhoneCase> {};

TEST_P(NormalisePhoneTest, GivesE164OrRejects) {
  const auto& c = GetParam();
  auto got = NormalisePhone(c.input);
  if (c.e164 == nullptr) {
    EXPECT_FALSE(got.has_value()) << c.input << " -> " << got.value_or("");
  } else {
    ASSERT_TRUE(got.has_value()) << c.input;
    EXPECT_EQ(*got, c.e164) << c.input;
  }
}

INSTANTIATE_TEST_SUITE_P(
    VietnameseAndForeign, NormalisePhoneTest,
    ::testing::Values(
        // The forms people type for one mobile.
        PhoneCase{"0912345678", "+84912345678"}, PhoneCase{"0912.345.678", "+84912345678"},
        PhoneCase{"0912 345 678", "+84912345678"}, PhoneCase{"0912-345-678", "+84912345678"},
        PhoneCase{"(091) 234-5678", "+84912345678"}, PhoneCase{"+84 912 345 678", "+84912345678"},
        PhoneCase{"+84912345678", "+84912345678"}, PhoneCase{"84912345678", "+84912345678"},
        PhoneCase{"0084 912 345 678", "+84912345678"}, PhoneCase{" 0912345678 ", "+84912345678"},
        // Excel dropped the leading zero.
        PhoneCase{"912345678", "+84912345678"}, PhoneCase{"843123456", "+84843123456"},
        PhoneCase{"388123456", "+84388123456"},
        // Pre-2018 11-digit mobiles, every carrier.
        PhoneCase{"01689123456", "+84389123456"}, PhoneCase{"0162 912 3456", "+84329123456"},
        PhoneCase{"01201234567", "+84701234567"}, PhoneCase{"01211234567", "+84791234567"},
        PhoneCase{"01221234567", "+84771234567"}, PhoneCase{"01261234567", "+84761234567"},
        PhoneCase{"01281234567", "+84781234567"}, PhoneCase{"01231234567", "+84831234567"},
        PhoneCase{"01241234567", "+84841234567"}, PhoneCase{"01251234567", "+84851234567"},
        PhoneCase{"01271234567", "+84811234567"}, PhoneCase{"01291234567", "+84821234567"},
        PhoneCase{"01861234567", "+84561234567"}, PhoneCase{"01881234567", "+84581234567"},
        PhoneCase{"01991234567", "+84591234567"}, PhoneCase{"+84 168 912 3456", "+84389123456"},
        PhoneCase{"841689123456", "+84389123456"}, PhoneCase{"1689123456", "+84389123456"},
        // Landlines (2017 area codes).
        PhoneCase{"024 3825 1234", "+842438251234"}, PhoneCase{"028.3822.1234", "+842838221234"},
        // Other countries.
        PhoneCase{"+1 650 253 0000", "+16502530000"}, PhoneCase{"+44 20 7946 0958", "+442079460958"},
        PhoneCase{"+65 6123 4567", "+6561234567"},
        // Not phone numbers.
        PhoneCase{"", nullptr}, PhoneCase{"abc", nullptr}, PhoneCase{"0912abc678", nullptr},
        PhoneCase{"12345", nullptr}, PhoneCase{"01001234567", nullptr},
        PhoneCase{"0912345", nullptr}, PhoneCase{"+84 12", nullptr}, PhoneCase{"09123456789012345678", nullptr},
        PhoneCase{"++84912345678", nullptr}));

TEST(ModernMobilePrefix, MapsEveryLegacyPrefixAndNothingElse) {
  EXPECT_EQ(ModernMobilePrefix("0168"), "038");
  EXPECT_EQ(ModernMobilePrefix("0199"), "059");
  EXPECT_FALSE(ModernMobilePrefix("0190").has_value());
  EXPECT_FALSE(ModernMobilePrefix("0912").has_value());
}

// NormalisePhone keeps libphonenumber's verdict per four-digit prefix of 10-digit national
// numbers; for every prefix, numbers with other endings must get the library's own answer.
TEST(NormalisePhone, AgreesWithLibphonenumberOnEveryTenDigitPrefix) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const auto& util = *PhoneNumberUtil::GetInstance();
  auto library = [&](const std::string& national) -> std::optional<std::string> {
    PhoneNumber number;
    if (util.Parse(national, "VN", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
    if (!util.IsValidNumber(number)) return std::nullopt;
    std::string out;
    util.Format(number, PhoneNumberUtil::E164, &out);
    return out;
  };
  std::mt19937 random(2018);
  std::uniform_int_distribution<int> ending(0, 99'999);
  int valid_prefixes = 0;
  for (int prefix = 0; prefix < 10'000; ++prefix) {
    for (int i = 0; i < 4; ++i) {
      const int suffix = i == 0 ? 0 : i == 1 ? 99'999 : ending(random);
      const std::string national = fmt::format("0{:04}{:05}", prefix, suffix);
      const auto expected = library(national);
      ASSERT_EQ(NormalisePhone(national), expected) << national;
      if (i == 0 && expected) ++valid_prefixes;
    }
  }
  EXPECT_GT(valid_prefixes, 500);  // the mobile ranges 03x, 05x, 07x, 08x, 09x at least
}

TEST(PhoneSearchDigits, GivesInternationalAndNationalDigitsForVietnam) {
  EXPECT_EQ(PhoneSearchDigits("+84912345678"), "84912345678 0912345678");
  EXPECT_EQ(PhoneSearchDigits("+16502530000"), "16502530000");
}

TEST(DigitsOnly, DropsEverythingButDigits) {
  EXPECT_EQ(DigitsOnly("0912 345"), "0912345");
  EXPECT_EQ(DigitsOnly("+84 (91) 2-3"), "849123");
}

}  // namespace
}  // namespace sen::text
