// Header matching for the column mapping (I3).
#include "modules/imports/import_rules.h"

#include <algorithm>
#include <set>

#include "text/fold.h"

namespace sen::imports {

namespace {

// What Vietnamese and English spreadsheets call the lead fields beyond their labels, in
// HeaderKey form. From the seed manuals' templates and the exports of common CRMs and forms.
const std::map<std::string, std::vector<std::string>, std::less<>>& Aliases() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> aliases = {
      {"id", {"id", "ma", "ma lead", "ma khach hang", "lead id"}},
      {"full_name",
       {"ho ten", "ho va ten", "ten", "ten khach hang", "khach hang", "ho ten khach hang", "name",
        "full name", "fullname", "customer name", "contact name", "ten day du"}},
      {"mobile",
       {"sdt", "so dien thoai", "dien thoai", "di dong", "so di dong", "dtdd", "dt", "so dt",
        "mobile", "mobile phone", "phone number", "cell", "cell phone", "phone",
        "so dien thoai di dong", "dien thoai di dong", "so dien thoai lien he",
        "dien thoai lien he", "sdt lien he"}},
      {"phone",
       {"dien thoai khac", "dien thoai ban", "dien thoai co dinh", "so may ban", "other phone",
        "landline", "telephone", "tel", "work phone", "home phone"}},
      {"email",
       {"email", "e mail", "thu dien tu", "dia chi email", "mail", "email address",
        "email lien he"}},
      {"company",
       {"cong ty", "ten cong ty", "don vi", "to chuc", "truong", "company", "organization",
        "organisation", "account name"}},
      {"title", {"chuc danh", "chuc vu", "title", "job title", "position"}},
      {"gender", {"gioi tinh", "gender", "sex"}},
      {"birthday",
       {"ngay sinh", "sinh nhat", "ngay thang nam sinh", "birthday", "date of birth", "dob",
        "birth date"}},
      {"address", {"dia chi", "address", "street", "dia chi lien he"}},
      {"province",
       {"tinh thanh pho", "tinh thanh", "tinh", "thanh pho", "tinh tp", "province", "city",
        "khu vuc", "region"}},
      {"source",
       {"nguon", "nguon khach", "nguon khach hang", "nguon lead", "source", "lead source"}},
      {"medium", {"phuong tien", "kenh", "medium", "channel"}},
      {"product_interest",
       {"san pham quan tam", "san pham", "khoa hoc", "khoa hoc quan tam", "dich vu quan tam",
        "product", "product of interest", "interest", "course"}},
      {"tags", {"the", "tags", "tag", "nhan", "labels"}},
      {"description",
       {"ghi chu", "mo ta", "noi dung", "note", "notes", "description", "comment", "comments"}},
      {"do_not_contact", {"khong lien he", "do not contact", "dnc"}},
      {"status", {"tinh trang", "tinh trang cham soc", "trang thai", "status"}},
      {"stage", {"giai doan", "stage"}},
  };
  return aliases;
}

}  // namespace

std::string HeaderKey(std::string_view header) {
  std::string folded = text::Fold(header);
  std::string out;
  out.reserve(folded.size());
  for (unsigned char c : folded) {
    const bool word = std::isalnum(c) || c >= 0x80;
    if (word) {
      out += static_cast<char>(c);
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::map<std::string, std::string> SuggestMapping(const std::vector<std::string>& headers,
                                                  const std::vector<leads::ImportField>& fields) {
  // Every name of every field, in HeaderKey form; labels and field names win over aliases.
  std::map<std::string, std::string> exact;
  std::map<std::string, std::string> alias;
  for (const auto& f : fields) {
    exact.emplace(HeaderKey(f.name), f.name);
    exact.emplace(HeaderKey(f.label_vi), f.name);
    exact.emplace(HeaderKey(f.label_en), f.name);
    if (auto it = Aliases().find(f.name); it != Aliases().end()) {
      for (const auto& a : it->second) alias.emplace(a, f.name);
    }
  }
  // Two passes: a column named exactly after a field takes it before a column that only uses
  // one of its other names; within a pass, the first column wins.
  std::map<std::string, std::string> mapping;
  std::set<std::string> used;
  for (const auto* names : {&exact, &alias}) {
    for (const auto& header : headers) {
      if (!mapping[header].empty()) continue;
      auto it = names->find(HeaderKey(header));
      if (it != names->end() && used.insert(it->second).second) mapping[header] = it->second;
    }
  }
  // A sheet's only phone column, named just "Phone" or "Tel", is the mobile, which auto-assignment
  // and the duplicate check go by; "other phone" is for a second number beside it (a column
  // named a landline stays one).
  if (!used.count("mobile")) {
    for (auto& [header, field] : mapping) {
      const std::string key = HeaderKey(header);
      const bool just_phone = key == "phone" || key == "telephone" || key == "tel";
      if (field == "phone" && just_phone) field = "mobile";
    }
  }
  return mapping;
}

std::vector<std::string> UniqueHeaders(const std::vector<std::string>& cells) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string h = text::Tidy(cells[i]);
    if (h.empty()) h = "Cột " + std::to_string(i + 1);
    if (int n = ++seen[h]; n > 1) h += " (" + std::to_string(n) + ")";
    out.push_back(std::move(h));
  }
  return out;
}

namespace {

struct ReasonWords {
  std::string_view reason, vi, en;
};
// As the web app words them (fieldErrors), and the import's own "empty_row" and duplicates.
constexpr ReasonWords kReasons[] = {
    {"required", "Trường này bắt buộc", "This field is required"},
    {"too_long", "Nội dung quá dài", "Too long"},
    {"invalid_phone", "Số điện thoại không hợp lệ", "Not a valid phone number"},
    {"invalid_email", "Email không hợp lệ", "Not a valid email address"},
    {"invalid_date", "Ngày không hợp lệ", "Not a valid date"},
    {"unknown_value", "Giá trị không có trong danh sách", "Not one of the allowed values"},
    {"wrong_type", "Sai kiểu dữ liệu", "Wrong type of value"},
    {"not_found", "Không tìm thấy bản ghi được chọn", "The chosen record does not exist"},
    {"inactive", "Người dùng này đã ngừng hoạt động", "This user has been deactivated"},
    {"forbidden", "Bạn không có quyền đổi trường này", "You may not change this field"},
    {"empty_row", "Không cột nào đã ghép có giá trị", "None of the mapped columns has a value"},
    {"out_of_range", "Ngoài khoảng cho phép", "Out of the allowed range"},
    {"ambiguous", "Khớp với nhiều lead: thêm cột ID để chỉ rõ cập nhật lead nào",
     "Matches more than one lead: add an ID column to say which one to update"},
    {"hidden_match", "Khớp với một lead bạn không có quyền xem",
     "Matches a lead you do not have access to"},
    {"other_team", "Không thuộc nhóm của bạn", "Not in your team"},
    {"unknown_campaign", "Không có chiến dịch này", "No such campaign"},
    {"duplicate_lead", "Trùng với khách hàng #{} đã có", "Matches lead #{}, already there"},
    {"duplicate_target", "Trùng với target #{} đã có", "Matches target #{}, already there"},
    {"duplicate_in_file", "Trùng với dòng {} phía trên trong tệp", "Repeats row {} of the file"},
};

// "Di động: Số điện thoại không hợp lệ", or the server's "field: message" for a reason without
// wording here.
std::string Worded(const std::string& field, const std::string& message, const std::string& reason,
                   const std::vector<leads::ImportField>& fields, bool vi, const std::string& detail = "") {
  const auto* words = std::find_if(std::begin(kReasons), std::end(kReasons),
                                   [&](const ReasonWords& w) { return w.reason == reason; });
  if (words == std::end(kReasons)) return message;
  std::string out;
  if (!field.empty()) {
    auto f = std::find_if(fields.begin(), fields.end(), [&](const auto& def) { return def.name == field; });
    out = f == fields.end() ? field : (vi ? f->label_vi : f->label_en);
    out += ": ";
  }
  std::string_view text = vi ? words->vi : words->en;
  if (const auto at = text.find("{}"); at != std::string_view::npos) {  // a duplicate's row or lead
    out.append(text.substr(0, at)).append(detail).append(text.substr(at + 2));
  } else {
    out += text;
  }
  return out;
}

}  // namespace

std::string ProblemText(const RowProblem& problem, const std::vector<leads::ImportField>& fields, bool vi) {
  std::string out = Worded(problem.field, problem.message, problem.reason, fields, vi, problem.detail);
  for (const auto& m : problem.more) {
    out += "; " + Worded(m.field, m.Text(), m.reason, fields, vi);
  }
  return out;
}

}  // namespace sen::imports
