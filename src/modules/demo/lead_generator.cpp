// Name frequencies follow the commonly cited shares of Vietnamese family names (Nguyễn ~38%).
#include "modules/demo/lead_generator.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/fold.h"

namespace sen::demo {

namespace {

struct Weighted {
  std::string_view value;
  int weight;
};

constexpr std::array<Weighted, 15> kSurnames{{{"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70},
                                              {"Hoàng", 50}, {"Huỳnh", 40}, {"Phan", 45}, {"Vũ", 39},
                                              {"Võ", 35}, {"Đặng", 21}, {"Bùi", 20}, {"Đỗ", 14},
                                              {"Hồ", 13}, {"Ngô", 13}, {"Dương", 10}}};
constexpr std::array<std::string_view, 16> kMaleMiddle{"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Hoàng", "Gia",
                                                       "Bảo", "Anh", "Xuân", "Công", "Đình", "Trọng", "Tuấn", "Việt"};
constexpr std::array<std::string_view, 14> kFemaleMiddle{"Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Bảo",
                                                         "Hồng", "Phương", "Thùy", "Mai", "Khánh", "Diệu", "Hải"};
constexpr std::array<std::string_view, 30> kMaleGiven{
    "An",   "Bình", "Cường", "Dũng", "Đạt",  "Đức",   "Hải",  "Hiếu", "Hùng", "Huy",
    "Khánh", "Khoa", "Long",  "Minh", "Nam",  "Phong", "Phúc", "Quân", "Quang", "Sơn",
    "Thắng", "Thành", "Tiến", "Trung", "Tú",  "Tuấn",  "Việt", "Vinh", "Lâm",  "Nhân"};
constexpr std::array<std::string_view, 30> kFemaleGiven{
    "Anh",  "Châu", "Chi",   "Dương", "Giang", "Hà",    "Hạnh", "Hoa",  "Hương", "Lan",
    "Linh", "Mai",  "My",    "Ngân",  "Ngọc",  "Nhung", "Phương", "Tâm", "Thảo", "Thu",
    "Thủy", "Trang", "Vân",  "Vy",    "Yến",   "Hằng",  "Huyền", "Loan", "Oanh", "Quyên"};
constexpr std::array<std::string_view, 16> kProvinces{
    "Hà Nội",  "TP Hồ Chí Minh", "Đà Nẵng",  "Hải Phòng", "Cần Thơ",   "Bình Dương", "Đồng Nai",   "Khánh Hòa",
    "Nghệ An", "Thanh Hóa",      "Quảng Ninh", "Thừa Thiên Huế", "Bắc Ninh", "Lâm Đồng", "Bà Rịa - Vũng Tàu", "Hưng Yên"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kSources{
    {{"Facebook", "social"}, {"Google Ads", "cpc"}, {"Zalo", "social"}, {"Website", "organic"},
     {"Hotline", "call"}, {"Sự kiện", "event"}, {"Giới thiệu", "referral"}, {"TikTok", "social"}}};
constexpr std::array<std::string_view, 8> kProducts{"Tiếng Anh giao tiếp", "IELTS",        "TOEIC",
                                                   "Tiếng Anh trẻ em",    "Luyện thi THPT", "Tiếng Anh doanh nghiệp",
                                                   "Tiếng Nhật N5",       "Tiếng Hàn sơ cấp"};
constexpr std::array<std::string_view, 10> kCompanyNames{"Hòa Bình", "Minh Phát", "Thành Công", "Phú Thái", "Sao Việt",
                                                        "Đại Dương", "An Khang", "Hưng Thịnh", "Trường Sơn", "Bắc Á"};
constexpr std::array<std::string_view, 5> kCompanyKinds{"Công ty TNHH", "Công ty CP", "Tập đoàn", "Trường THPT",
                                                        "Ngân hàng"};
constexpr std::array<std::string_view, 6> kTitles{"Nhân viên", "Trưởng phòng", "Giám đốc", "Kế toán", "Sinh viên",
                                                  "Giáo viên"};
constexpr std::array<std::string_view, 5> kMailHosts{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com",
                                                     "fpt.edu.vn"};
constexpr std::array<Weighted, 6> kStatuses{
    {{"new", 30}, {"assigned", 25}, {"in_process", 25}, {"converted", 8}, {"recycled", 5}, {"dead", 7}}};
// Today's mobile prefixes (three digits with the 0).
constexpr std::array<std::string_view, 29> kMobilePrefixes{
    "032", "033", "034", "035", "036", "037", "038", "039", "056", "058", "059", "070", "076", "077", "078",
    "079", "081", "082", "083", "084", "085", "086", "088", "096", "090", "091", "093", "094", "097"};

template <typename Array>
auto Pick(std::mt19937_64& rng, const Array& a) {
  return a[std::uniform_int_distribution<std::size_t>(0, a.size() - 1)(rng)];
}

template <std::size_t N>
std::string_view PickWeighted(std::mt19937_64& rng, const std::array<Weighted, N>& a) {
  int total = 0;
  for (const auto& w : a) total += w.weight;
  int r = std::uniform_int_distribution<int>(0, total - 1)(rng);
  for (const auto& w : a) {
    if ((r -= w.weight) < 0) return w.value;
  }
  return a.back().value;
}

// The 11-digit form a 03x/07x/08x/05x mobile had before 2018, if it had one.
std::optional<std::string> LegacyForm(const std::string& national) {
  static const std::array<std::pair<std::string_view, std::string_view>, 21> kBack{{
      {"032", "0162"}, {"033", "0163"}, {"034", "0164"}, {"035", "0165"}, {"036", "0166"}, {"037", "0167"},
      {"038", "0168"}, {"039", "0169"}, {"070", "0120"}, {"079", "0121"}, {"077", "0122"}, {"076", "0126"},
      {"078", "0128"}, {"083", "0123"}, {"084", "0124"}, {"085", "0125"}, {"081", "0127"}, {"082", "0129"},
      {"056", "0186"}, {"058", "0188"}, {"059", "0199"}}};
  for (const auto& [modern, legacy] : kBack) {
    if (national.compare(0, 3, modern) == 0) return std::string(legacy) + national.substr(3);
  }
  return std::nullopt;
}

}  // namespace

LeadGenerator::LeadGenerator(std::uint64_t seed, Millis now, std::int64_t total, double duplicate_share)
    : rng_(seed), now_(now), total_(std::max<std::int64_t>(total, 1)), duplicate_share_(duplicate_share) {}

std::string LeadGenerator::Mobile10() {
  std::string number(Pick(rng_, kMobilePrefixes));
  std::uniform_int_distribution<int> digit(0, 9);
  while (number.size() < 10) number.push_back(static_cast<char>('0' + digit(rng_)));
  return number;
}

std::string LeadGenerator::Typed(const std::string& n) {
  switch (std::uniform_int_distribution<int>(0, 9)(rng_)) {
    case 0: return n.substr(0, 4) + "." + n.substr(4, 3) + "." + n.substr(7);
    case 1: return n.substr(0, 4) + " " + n.substr(4, 3) + " " + n.substr(7);
    case 2: return "+84 " + n.substr(1, 3) + " " + n.substr(4, 3) + " " + n.substr(7);
    case 3: return "84" + n.substr(1);
    case 4: return n.substr(1);  // Excel dropped the leading zero
    case 5:
      if (auto legacy = LegacyForm(n)) return legacy->substr(0, 4) + " " + legacy->substr(4, 3) + " " + legacy->substr(7);
      return n;
    default: return n;
  }
}

LeadSeed LeadGenerator::Next() {
  LeadSeed s;
  const bool female = std::bernoulli_distribution(0.55)(rng_);
  std::string surname(PickWeighted(rng_, kSurnames));
  std::string middle(female ? Pick(rng_, kFemaleMiddle) : Pick(rng_, kMaleMiddle));
  std::string given(female ? Pick(rng_, kFemaleGiven) : Pick(rng_, kMaleGiven));
  s.full_name = surname + " " + middle + " " + given;
  s.gender = female ? "female" : "male";

  s.duplicate = !recent_mobiles_.empty() && std::bernoulli_distribution(duplicate_share_)(rng_);
  std::string national;
  if (s.duplicate) {
    national = Pick(rng_, recent_mobiles_);
  } else {
    national = Mobile10();
    if (recent_mobiles_.size() < 4096) {
      recent_mobiles_.push_back(national);
    } else {
      recent_mobiles_[std::uniform_int_distribution<std::size_t>(0, recent_mobiles_.size() - 1)(rng_)] = national;
    }
  }
  s.mobile = Typed(national);

  if (std::bernoulli_distribution(0.6)(rng_)) {
    s.email = text::Fold(given) + "." + text::Fold(surname) + std::to_string(std::uniform_int_distribution<int>(1, 9999)(rng_)) + "@" +
              std::string(Pick(rng_, kMailHosts));
  }
  if (std::bernoulli_distribution(0.3)(rng_)) {
    s.company = std::string(Pick(rng_, kCompanyKinds)) + " " + std::string(Pick(rng_, kCompanyNames));
    s.title = std::string(Pick(rng_, kTitles));
  }
  if (std::bernoulli_distribution(0.8)(rng_)) s.province = std::string(Pick(rng_, kProvinces));
  auto [source, medium] = Pick(rng_, kSources);
  s.source = source;
  s.medium = medium;
  s.product_interest = Pick(rng_, kProducts);
  s.status = PickWeighted(rng_, kStatuses);
  const Millis year = 365LL * 24 * 3600 * 1000;
  s.created_at = now_ - year + year * ++count_ / total_;
  return s;
}

}  // namespace sen::demo
