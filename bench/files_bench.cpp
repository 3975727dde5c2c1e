// Throughput of the spreadsheet readers and writers (I2): rows per second for a 1,000,000-row
// CSV and 100,000-row XLSX files of ten columns, as an import or export would see them.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <xlsxwriter.h>

#include "files/csv_reader.h"
#include "files/csv_writer.h"
#include "files/test_files.h"
#include "files/xlsx_reader.h"
#include "files/xlsx_writer.h"

namespace {

using sen::files::testing::TempDir;

std::vector<std::string> LeadRow(int i, bool vietnamese) {
  static const char* kNames[] = {"Nguyen Van An", "Tran Thi Binh", "Le Hoang Cuong",
                                 "Pham Thu Dung"};
  static const char* kVietnameseNames[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường",
                                           "Phạm Thu Dung"};
  return {std::to_string(i),
          (vietnamese ? kVietnameseNames : kNames)[i % 4],
          fmt::format("09{:08}", i),
          fmt::format("lead{}@example.vn", i),
          vietnamese ? "Hà Nội" : "Ha Noi",
          "Facebook Ads",
          i % 3 == 0 ? "Khoa hoc tieng Anh, lop toi" : "IELTS",
          "2024-03-15",
          "new",
          fmt::format("Ghi chu {}", i % 97)};
}

const std::filesystem::path& CsvFile(bool vietnamese) {
  static TempDir dir;
  static const std::filesystem::path paths[2] = {dir / "plain.csv", dir / "vietnamese.csv"};
  const auto& path = paths[vietnamese];
  if (!std::filesystem::exists(path)) {
    std::string out;
    sen::files::CsvWriter writer(out);
    std::ofstream file(path, std::ios::binary);
    for (int i = 0; i < 1'000'000; ++i) {
      writer.Row(LeadRow(i, vietnamese));
      if (out.size() > (1 << 20)) {
        file << out;
        out.clear();
      }
    }
    file << out;
  }
  return path;
}

std::int64_t ReadAll(sen::files::TableReader& reader) {
  std::vector<std::string> cells;
  std::int64_t rows = 0;
  while (reader.Next(cells)) ++rows;
  benchmark::DoNotOptimize(cells);
  return rows;
}

void BM_CsvRead(benchmark::State& state) {
  const auto& path = CsvFile(state.range(0) != 0);
  std::int64_t rows = 0;
  for (auto _ : state) {
    sen::files::CsvReader reader(path, {});
    rows += ReadAll(reader);
  }
  state.SetItemsProcessed(rows);
  state.SetBytesProcessed(static_cast<std::int64_t>(std::filesystem::file_size(path)) *
                          state.iterations());
}
BENCHMARK(BM_CsvRead)->ArgName("vietnamese")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

constexpr int kXlsxRows = 100'000;

// Excel's own layout (shared strings, numbers as numbers) or the exporter's (inline strings).
const std::filesystem::path& XlsxFile(bool shared_strings) {
  static TempDir dir;
  static const std::filesystem::path paths[2] = {dir / "inline.xlsx", dir / "shared.xlsx"};
  const auto& path = paths[shared_strings];
  if (std::filesystem::exists(path)) return path;
  if (!shared_strings) {
    sen::files::XlsxWriter writer(path, "Leads");
    for (int i = 0; i < kXlsxRows; ++i) writer.Row(LeadRow(i, true));
    writer.Close();
    return path;
  }
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Leads");
  for (int i = 0; i < kXlsxRows; ++i) {
    const auto row = LeadRow(i, true);
    for (lxw_col_t c = 0; c < row.size(); ++c) {
      if (c == 0 || c == 2) {
        worksheet_write_number(sheet, static_cast<lxw_row_t>(i), c, std::stod(row[c]), nullptr);
      } else {
        worksheet_write_string(sheet, static_cast<lxw_row_t>(i), c, row[c].c_str(), nullptr);
      }
    }
  }
  workbook_close(workbook);
  return path;
}

void BM_XlsxRead(benchmark::State& state) {
  const auto& path = XlsxFile(state.range(0) != 0);
  std::int64_t rows = 0;
  for (auto _ : state) {
    sen::files::XlsxReader reader(path, {});
    rows += ReadAll(reader);
  }
  state.SetItemsProcessed(rows);
}
BENCHMARK(BM_XlsxRead)->ArgName("shared_strings")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_CsvWrite(benchmark::State& state) {
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 1000; ++i) rows.push_back(LeadRow(i, true));
  std::string out;
  sen::files::CsvWriter writer(out);
  for (auto _ : state) {
    for (const auto& row : rows) writer.Row(row);
    out.clear();
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_CsvWrite);

void BM_XlsxWrite(benchmark::State& state) {
  TempDir dir;
  for (auto _ : state) {
    sen::files::XlsxWriter writer(dir / "export.xlsx", "Leads");
    for (int i = 0; i < kXlsxRows; ++i) writer.Row(LeadRow(i, true));
    writer.Close();
  }
  state.SetItemsProcessed(state.iterations() * kXlsxRows);
}
BENCHMARK(BM_XlsxWrite)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
