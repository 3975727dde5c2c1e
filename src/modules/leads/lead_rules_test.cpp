#include "modules/leads/lead_rules.h"

#include <gtest/gtest.h>

namespace sen::leads {
namespace {

constexpr Millis kNow = 1'795'000'000'000;  // 2026-11-18

Lead Named(std::string name, std::optional<std::string> mobile = std::nullopt) {
  Lead l;
  l.full_name = std::move(name);
  l.mobile = std::move(mobile);
  return l;
}

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  if (!s.ok()) {
    for (const auto& d : s.error().details) out.push_back(d.field);
  }
  return out;
}

TEST(NormaliseLead, FoldsTheNameAndStoresPhonesInE164) {
  Lead l = Named("  Nguyễn   Văn Đức ", "0912.345.678");
  l.phone = "024 3825 1234";
  l.email = " Duc.Nguyen@Example.COM ";
  l.company = "Công ty Hòa Bình";
  ASSERT_TRUE(NormaliseLead(l, kNow).ok());
  EXPECT_EQ(l.full_name, "Nguyễn Văn Đức");
  EXPECT_EQ(l.name_fold, "nguyen van duc");
  EXPECT_EQ(l.mobile, "0912.345.678") << "the typed form is kept for display";
  EXPECT_EQ(l.mobile_e164, "+84912345678");
  EXPECT_EQ(l.phone_e164, "+842438251234");
  EXPECT_EQ(l.email, "duc.nguyen@example.com");
  EXPECT_EQ(l.company_fold, "cong ty hoa binh");
}

TEST(NormaliseLead, NamesEveryBadField) {
  Lead l = Named("An", "0912abc");
  l.phone = "12";
  l.email = "an@";
  l.birthday = "2099-01-01";
  l.do_not_contact = true;
  EXPECT_EQ(Fields(NormaliseLead(l, kNow)), (std::vector<std::string>{"mobile", "phone", "email", "birthday", "dnc_reason"}));
}

TEST(NormaliseLead, RequiresAName) {
  Lead l = Named("   ");
  EXPECT_EQ(Fields(NormaliseLead(l, kNow)), (std::vector<std::string>{"full_name"}));
}

TEST(NormaliseLead, ClearsTheReasonWhenContactIsAllowedAgain) {
  Lead l = Named("An");
  l.dnc_reason = "asked to stop";
  ASSERT_TRUE(NormaliseLead(l, kNow).ok());
  EXPECT_FALSE(l.dnc_reason.has_value());
}

DuplicateCandidate Candidate(std::int64_t id, std::string name_fold, std::optional<std::string> mobile,
                             std::optional<std::string> phone = std::nullopt,
                             std::optional<std::string> email = std::nullopt) {
  DuplicateCandidate c;
  c.id = id;
  c.full_name = name_fold;
  c.name_fold = std::move(name_fold);
  c.mobile_e164 = std::move(mobile);
  c.phone_e164 = std::move(phone);
  c.email = std::move(email);
  return c;
}

Lead Normalised(std::string name, std::optional<std::string> mobile, std::optional<std::string> phone = std::nullopt,
                std::optional<std::string> email = std::nullopt) {
  Lead l = Named(std::move(name), std::move(mobile));
  l.phone = std::move(phone);
  l.email = std::move(email);
  EXPECT_TRUE(NormaliseLead(l, kNow).ok());
  return l;
}

TEST(DuplicateRule, SameMobileInAnotherFormatMatches) {
  Lead l = Normalised("Trần An", "+84 912 345 678");
  auto m = MatchDuplicates(l, {Candidate(7, "le binh", "+84912345678")});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].candidate.id, 7);
  EXPECT_EQ(m[0].matched_on, (std::vector<std::string>{"mobile"}));
}

TEST(DuplicateRule, SameEmailMatches) {
  Lead l = Normalised("Trần An", std::nullopt, std::nullopt, "AN@x.vn");
  auto m = MatchDuplicates(l, {Candidate(3, "tran an", std::nullopt, std::nullopt, "an@x.vn")});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].matched_on, (std::vector<std::string>{"email"}));
}

TEST(DuplicateRule, SameFoldedNameAndAnyPhoneInCommonMatches) {
  Lead l = Normalised("NGUYEN VAN DUC", "0987654321", "024 3825 1234");
  auto m = MatchDuplicates(l, {Candidate(4, "nguyen van duc", "+842438251234")});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].matched_on, (std::vector<std::string>{"full_name", "phone"}));
}

TEST(DuplicateRule, SharedOfficePhoneWithAnotherNameDoesNotMatch) {
  Lead l = Normalised("Nguyễn Văn Đức", std::nullopt, "024 3825 1234");
  EXPECT_TRUE(MatchDuplicates(l, {Candidate(4, "le thi hoa", std::nullopt, "+842438251234")}).empty());
}

TEST(DuplicateRule, SameNameWithoutCommonPhoneDoesNotMatch) {
  Lead l = Normalised("Nguyễn Văn Đức", "0912345678");
  EXPECT_TRUE(MatchDuplicates(l, {Candidate(4, "nguyen van duc", "+84987654321")}).empty());
}

TEST(DuplicateRule, ALeadIsNotItsOwnDuplicateAndEachMatchIsListedOnce) {
  Lead l = Normalised("An", "0912345678", std::nullopt, "an@x.vn");
  l.id = 9;
  auto self = Candidate(9, "an", "+84912345678");
  auto other = Candidate(10, "an", "+84912345678", std::nullopt, "an@x.vn");
  auto m = MatchDuplicates(l, {self, other, other});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].matched_on, (std::vector<std::string>{"mobile", "email", "full_name", "phone"}));
}

TEST(DuplicateRule, EditsWarnOnlyAboutKeysThatChanged) {
  Lead before = Normalised("Trần An", "0912345678", std::nullopt, "an@x.vn");
  Lead after = before;
  after.email = "an.tran@x.vn";
  auto twin = Candidate(7, "le binh", "+84912345678", std::nullopt, "an.tran@x.vn");
  auto m = MatchDuplicates(after, {twin}, &before);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].matched_on, (std::vector<std::string>{"email"})) << "the accepted shared mobile stays quiet";
  after.email = "new@x.vn";
  EXPECT_TRUE(MatchDuplicates(after, {twin}, &before).empty());
}

TEST(SearchPlan, FoldsWordsIntoTrigramPhrases) {
  auto p = PlanSearch("Nguyễn  VĂN");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->match, "\"nguyen\" AND \"van\"");
  EXPECT_TRUE(p->like_terms.empty());
}

TEST(SearchPlan, PhoneFragmentsBecomeDigits) {
  EXPECT_EQ(PlanSearch("0912 345")->match, "\"0912345\"");
  EXPECT_EQ(PlanSearch("+84 (912)")->match, "\"84912\"");
}

TEST(SearchPlan, ShortWordsAreCheckedOnTheMatches) {
  auto p = PlanSearch("Lê Văn");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->match, "\"van\"");
  EXPECT_EQ(p->like_terms, (std::vector<std::string>{"le"}));
}

TEST(SearchPlan, OneOrTwoLettersSearchTheStartOfTheName) {
  auto p = PlanSearch("Đỗ");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name_prefix, "do");
  EXPECT_TRUE(p->match.empty());
}

TEST(SearchPlan, QuotesCannotBreakOutOfThePhrase) {
  EXPECT_EQ(PlanSearch("ab\"c ORX")->match, "\"ab\"\"c\" AND \"orx\"");
}

TEST(SearchPlan, NothingSearchableGivesNoPlan) { EXPECT_FALSE(PlanSearch("   ").has_value()); }

Principal As(Role role, std::int64_t id, std::optional<std::int64_t> team) {
  Principal p;
  p.user_id = id;
  p.role = role;
  p.team_id = team;
  return p;
}

Lead Owned(std::optional<std::int64_t> owner, std::optional<std::int64_t> team) {
  Lead l;
  l.owner_id = owner;
  l.team_id = team;
  return l;
}

TEST(LeadAccess, AgentsSeeOnlyTheirOwnLeads) {
  auto agent = As(Role::kAgent, 5, 1);
  EXPECT_TRUE(CanSee(agent, Owned(5, 1)));
  EXPECT_FALSE(CanSee(agent, Owned(6, 1)));
  EXPECT_FALSE(CanSee(agent, Owned(std::nullopt, std::nullopt)));
  EXPECT_FALSE(CanDelete(agent, Owned(5, 1)));
}

TEST(LeadAccess, ManagersSeeTheirTeamAndTheUnassignedPool) {
  auto manager = As(Role::kManager, 2, 1);
  EXPECT_TRUE(CanSee(manager, Owned(6, 1)));
  EXPECT_FALSE(CanSee(manager, Owned(7, 2)));
  EXPECT_TRUE(CanSee(manager, Owned(std::nullopt, std::nullopt)));
  EXPECT_FALSE(CanSee(manager, Owned(std::nullopt, 2)));
  EXPECT_TRUE(CanDelete(manager, Owned(6, 1)));
  EXPECT_FALSE(CanDelete(manager, Owned(7, 2)));
}

TEST(LeadAccess, AdminsAndMarketersSeeEverythingButOnlyAdminsDelete) {
  EXPECT_TRUE(CanSee(As(Role::kAdmin, 1, std::nullopt), Owned(7, 2)));
  EXPECT_TRUE(CanSee(As(Role::kMarketer, 3, std::nullopt), Owned(7, 2)));
  EXPECT_TRUE(CanDelete(As(Role::kAdmin, 1, std::nullopt), Owned(7, 2)));
  EXPECT_FALSE(CanDelete(As(Role::kMarketer, 3, std::nullopt), Owned(7, 2)));
}

TEST(LeadAccess, OwnerChanges) {
  EXPECT_TRUE(CheckOwnerChange(As(Role::kAgent, 5, 1), OwnerInfo{5, 1}).ok());
  EXPECT_EQ(CheckOwnerChange(As(Role::kAgent, 5, 1), OwnerInfo{6, 1}).error().code, ErrorCode::kForbidden);
  EXPECT_FALSE(CheckOwnerChange(As(Role::kAgent, 5, 1), std::nullopt).ok());
  EXPECT_TRUE(CheckOwnerChange(As(Role::kManager, 2, 1), OwnerInfo{6, 1}).ok());
  EXPECT_FALSE(CheckOwnerChange(As(Role::kManager, 2, 1), OwnerInfo{7, 2}).ok());
  EXPECT_TRUE(CheckOwnerChange(As(Role::kManager, 2, 1), std::nullopt).ok());
  EXPECT_TRUE(CheckOwnerChange(As(Role::kAdmin, 1, std::nullopt), OwnerInfo{7, 2}).ok());
}

TEST(LeadStatus, GettingAnOwnerMovesNewToAssignedOnly) {
  Lead l = Owned(5, 1);
  ApplyAssignmentStatus(l);
  EXPECT_EQ(l.status, "assigned");
  l.status = "in_process";
  ApplyAssignmentStatus(l);
  EXPECT_EQ(l.status, "in_process");
  Lead unowned = Owned(std::nullopt, std::nullopt);
  ApplyAssignmentStatus(unowned);
  EXPECT_EQ(unowned.status, "new");
}

TEST(LeadRule, StalledMailCountsAndListsTheOldestInTheOwnersLanguage) {
  const Millis created = 1'795'626'000'000;  // 2026-11-25T17:00:00Z, 26/11 in Vietnam
  const std::vector<StalledLead> oldest = {{7, "Đỗ Thị Đào", created}, {9, "Lê Văn Em", created + 86'400'000}};
  auto vi = StalledMail("vi", "an@example.vn", "Trần Văn An", 3, 12, oldest);
  EXPECT_EQ(vi.to, "an@example.vn");
  EXPECT_EQ(vi.subject, "12 lead của bạn chưa được chăm sóc 3 ngày");
  EXPECT_NE(vi.body.find("Xin chào Trần Văn An"), std::string::npos);
  EXPECT_NE(vi.body.find("- Đỗ Thị Đào (#7), từ 26/11/2026\n- Lê Văn Em (#9), từ 27/11/2026\n"), std::string::npos);
  auto en = StalledMail("en", "an@example.vn", "An", 7, 1, {oldest[0]});
  EXPECT_EQ(en.subject, "1 of your leads has had no activity for 7 days");
  EXPECT_EQ(StalledMail("en", "", "An", 1, 2, {}).subject, "2 of your leads have had no activity for 1 day");
  EXPECT_NE(en.body.find("- Đỗ Thị Đào (#7), since 26/11/2026\n"), std::string::npos);
}

}  // namespace
}  // namespace sen::leads
