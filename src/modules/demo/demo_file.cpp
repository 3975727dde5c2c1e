#include "modules/demo/demo_file.h"

#include <fstream>
#include <stdexcept>

#include "files/csv_writer.h"
#include "files/xlsx_writer.h"
#include "modules/demo/lead_generator.h"

namespace sen::demo {

void WriteDemoFile(const std::filesystem::path& path, std::int64_t count, std::uint64_t seed, Millis now) {
  const std::vector<std::string> header = {"Họ và tên", "Số điện thoại", "Email", "Công ty", "Chức danh",
                                           "Giới tính", "Tỉnh/Thành phố", "Nguồn", "Sản phẩm quan tâm"};
  LeadGenerator generator(seed, now, count);
  std::vector<std::string> cells;
  auto next = [&] {
    LeadSeed s = generator.Next();
    cells = {s.full_name, s.mobile, s.email.value_or(""), s.company.value_or(""), s.title.value_or(""),
             s.gender.value_or(""), s.province.value_or(""), s.source, s.product_interest};
  };
  if (path.extension() == ".xlsx") {
    files::XlsxWriter xlsx(path, "Khách hàng");
    xlsx.Header(header, std::vector<bool>(header.size(), false));
    for (std::int64_t i = 0; i < count; ++i) {
      next();
      xlsx.Row(cells);
    }
    xlsx.Close();
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path.string());
  std::string buffer(files::CsvWriter::Utf8Bom());
  files::CsvWriter csv(buffer);
  csv.Row(header);
  for (std::int64_t i = 0; i < count; ++i) {
    next();
    csv.Row(cells);
    if (buffer.size() > (1 << 20)) {
      out << buffer;
      buffer.clear();
    }
  }
  out << buffer;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace sen::demo
