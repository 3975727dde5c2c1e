// Rows are parsed into a small queue as each chunk of the sheet's XML is inflated; Next hands
// them out by swapping vectors, so the caller's strings come back as the next rows' storage.
#include "files/xlsx_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <deque>

#include "files/cell_text.h"
#include "files/excel_values.h"
#include "files/xlsx_workbook.h"
#include "files/xml_stream.h"
#include "files/zip_archive.h"

namespace sen::files {

namespace {

constexpr std::size_t kSheetChunkBytes = 64 << 10;
constexpr std::size_t kMaxSpareRows = 64;

enum class CellType {
  kNumber,
  kSharedString,
  kInlineString,
  kFormulaString,
  kBoolean,
  kError,
  kIsoDate
};

CellType ParseCellType(std::string_view t) {
  if (t.empty() || t == "n") return CellType::kNumber;
  if (t == "s") return CellType::kSharedString;
  if (t == "inlineStr") return CellType::kInlineString;
  if (t == "b") return CellType::kBoolean;
  if (t == "e") return CellType::kError;
  if (t == "d") return CellType::kIsoDate;
  return CellType::kFormulaString;  // "str", and whatever else: the text as it is
}

std::uint64_t ToUint64(std::string_view s, std::uint64_t otherwise) {
  std::uint64_t value = otherwise;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  return error == std::errc() && end == s.data() + s.size() ? value : otherwise;
}

struct QueuedRow {
  std::uint64_t number;
  std::vector<std::string> cells;
};

// The rows of <sheetData>: <row r="7"><c r="C7" t="s" s="3"><v>12</v></c>...</row>.
class SheetHandler final : public XmlHandler {
 public:
  SheetHandler(const ReadLimits& limits, const SharedStrings& strings,
               const std::vector<DateKind>& styles, bool date1904)
      : limits_(limits), strings_(strings), styles_(styles), date1904_(date1904) {}

  std::deque<QueuedRow> queue;
  std::vector<std::vector<std::string>> spare;

  void StartElement(std::string_view name, const char** attributes) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "c") {
      if (!in_row_) return;
      in_cell_ = true;
      column_ = next_column_;
      type_ = CellType::kNumber;
      style_ = 0;
      for (const char** a = attributes; *a != nullptr; a += 2) {
        const std::string_view attribute = LocalName(a[0]);
        if (attribute == "r") {
          column_ = ColumnIndex(a[1]).value_or(next_column_);
        } else if (attribute == "t") {
          type_ = ParseCellType(a[1]);
        } else if (attribute == "s") {
          style_ = ToUint64(a[1], 0);
        }
      }
      next_column_ = column_ + 1;
      value_.clear();
    } else if (name == "v") {
      collecting_ = in_cell_;
    } else if (name == "t") {
      collecting_ = in_inline_ && phonetic_depth_ == 0;
    } else if (name == "is") {
      in_inline_ = in_cell_;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "row") {
      in_row_ = true;
      // Rows without r follow the previous one; r never goes back in a valid sheet.
      const std::uint64_t r = ToUint64(Attribute(attributes, "r"), 0);
      row_number_ = r > row_number_ ? r : row_number_ + 1;
      width_ = 0;
      next_column_ = 0;
    }
  }

  void EndElement(std::string_view name) override {
    if (name == "v" || name == "t") {
      collecting_ = false;
    } else if (name == "c") {
      if (in_cell_) FinishCell();
      in_cell_ = false;
    } else if (name == "row") {
      if (in_row_) FinishRow();
      in_row_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "sheetData") {
      in_data_ = false;
    }
  }

  void Text(std::string_view text) override {
    if (!collecting_) return;
    value_.append(text);
    if (value_.size() > limits_.max_cell_bytes) {
      throw CellError(fmt::format("the cell is longer than {} bytes", limits_.max_cell_bytes));
    }
  }

 private:
  FileError CellError(std::string_view what) const {
    return FileError(fmt::format("row {}, column {}: {}", row_number_, ColumnName(column_), what));
  }

  std::string& Slot(std::size_t column) {
    if (column >= limits_.max_columns) {
      throw FileError(
          fmt::format("row {}: more than {} columns", row_number_, limits_.max_columns));
    }
    for (; width_ <= column; ++width_) {
      if (width_ == row_.size()) {
        row_.emplace_back();
      } else {
        row_[width_].clear();
      }
    }
    std::string& slot = row_[column];
    slot.clear();
    return slot;
  }

  void FinishCell() {
    if (value_.empty()) return;
    std::string& out = Slot(column_);
    switch (type_) {
      case CellType::kSharedString: {
        const std::uint64_t index = ToUint64(value_, strings_.size());
        if (index >= strings_.size()) throw CellError("the cell refers to a missing shared string");
        out.append(strings_[index]);
        break;
      }
      case CellType::kInlineString:
      case CellType::kFormulaString:
        DecodeOoxmlEscapes(value_);
        if (HasNonAscii(value_)) ToWellFormedNfc(value_, scratch_);
        out.swap(value_);
        break;
      case CellType::kBoolean:
        out.append(value_ == "1" || value_ == "true" ? "TRUE" : "FALSE");
        break;
      case CellType::kError:
        out.swap(value_);
        break;
      case CellType::kIsoDate:
        // "2024-03-01T09:30:00" -> "2024-03-01 09:30:00", the form dates take elsewhere.
        out.swap(value_);
        if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
        if (out.ends_with('Z')) out.pop_back();
        break;
      case CellType::kNumber:
        AppendNumberCell(out);
        break;
    }
  }

  void AppendNumberCell(std::string& out) const {
    const DateKind kind = style_ < styles_.size() ? styles_[style_] : DateKind::kNone;
    if (kind != DateKind::kNone) {
      double serial = 0;
      const auto [end, error] =
          std::from_chars(value_.data(), value_.data() + value_.size(), serial);
      if (error == std::errc() && end == value_.data() + value_.size() &&
          AppendSerialDate(serial, kind, date1904_, out)) {
        return;
      }
    }
    AppendNumber(value_, out);
  }

  void FinishRow() {
    bool blank = true;
    for (std::size_t i = 0; i < width_ && blank; ++i) blank = row_[i].empty();
    if (blank) return;
    row_.resize(width_);
    queue.push_back({row_number_, std::move(row_)});
    row_.clear();
    if (!spare.empty()) {
      row_.swap(spare.back());
      spare.pop_back();
    }
  }

  const ReadLimits& limits_;
  const SharedStrings& strings_;
  const std::vector<DateKind>& styles_;
  const bool date1904_;

  bool in_data_ = false;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_inline_ = false;
  bool collecting_ = false;
  int phonetic_depth_ = 0;
  std::uint64_t row_number_ = 0;
  std::size_t next_column_ = 0;
  std::size_t column_ = 0;
  CellType type_ = CellType::kNumber;
  std::uint64_t style_ = 0;
  std::string value_;
  std::string scratch_;
  std::vector<std::string> row_;
  std::size_t width_ = 0;  // cells of row_ in use
};

SharedStrings LoadSharedStrings(ZipArchive& archive, const XlsxWorkbook& workbook,
                                const ReadLimits& limits) {
  SharedStrings strings;
  if (!workbook.shared_strings_part.empty() && archive.Has(workbook.shared_strings_part)) {
    strings.Load(archive, workbook.shared_strings_part, limits.max_cell_bytes);
  }
  return strings;
}

std::vector<DateKind> LoadStyles(ZipArchive& archive, const XlsxWorkbook& workbook) {
  if (workbook.styles_part.empty() || !archive.Has(workbook.styles_part)) return {};
  return ReadCellStyles(archive, workbook.styles_part);
}

std::vector<std::string> Names(ZipArchive& archive) {
  std::vector<std::string> names;
  for (auto& sheet : ReadWorkbook(archive).sheets) names.push_back(std::move(sheet.name));
  return names;
}

}  // namespace

struct XlsxReader::State {
  State(std::unique_ptr<ZipArchive> zip, const XlsxWorkbook& workbook, const XlsxSheet& sheet,
        const ReadLimits& read_limits)
      : limits(read_limits),
        archive(std::move(zip)),
        strings(LoadSharedStrings(*archive, workbook, limits)),
        styles(LoadStyles(*archive, workbook)),
        part(archive->OpenPart(sheet.part)),
        handler(limits, strings, styles, workbook.date1904),
        stream(handler, sheet.part),
        buffer(std::make_unique<char[]>(kSheetChunkBytes)) {}

  ReadLimits limits;
  std::unique_ptr<ZipArchive> archive;
  SharedStrings strings;
  std::vector<DateKind> styles;
  ZipPart part;
  SheetHandler handler;
  XmlStream stream;
  std::unique_ptr<char[]> buffer;
  bool done = false;
};

XlsxReader::XlsxReader(const std::filesystem::path& path, const OpenOptions& options)
    : XlsxReader(ZipArchive::OpenFile(path, options.limits), options) {}

std::unique_ptr<XlsxReader> XlsxReader::FromBytes(std::string_view bytes,
                                                  const OpenOptions& options) {
  return std::unique_ptr<XlsxReader>(
      new XlsxReader(ZipArchive::OpenBytes(bytes, options.limits), options));
}

XlsxReader::XlsxReader(std::unique_ptr<ZipArchive> archive, const OpenOptions& options) {
  const XlsxWorkbook workbook = ReadWorkbook(*archive);
  if (workbook.sheets.empty()) {
    throw FileError("not a valid .xlsx file: the workbook has no sheets");
  }
  const XlsxSheet* sheet = &workbook.sheets.front();
  if (!options.sheet.empty()) {
    sheet = nullptr;
    std::string names;
    for (const auto& candidate : workbook.sheets) {
      if (candidate.name == options.sheet) sheet = &candidate;
      names += fmt::format("{}\"{}\"", names.empty() ? "" : ", ", candidate.name);
    }
    if (sheet == nullptr) {
      throw FileError(
          fmt::format("there is no sheet named \"{}\"; the sheets are {}", options.sheet, names));
    }
  }
  sheet_name_ = sheet->name;
  state_ = std::make_unique<State>(std::move(archive), workbook, *sheet, options.limits);
}

XlsxReader::~XlsxReader() = default;

bool XlsxReader::Next(std::vector<std::string>& cells) {
  State& s = *state_;
  while (s.handler.queue.empty()) {
    if (s.done) {
      cells.clear();
      return false;
    }
    const std::size_t n = s.part.Read(s.buffer.get(), kSheetChunkBytes);
    s.done = n == 0;
    s.stream.Feed(s.buffer.get(), n, s.done);
  }
  QueuedRow& row = s.handler.queue.front();
  row_number_ = row.number;
  cells.swap(row.cells);
  if (s.handler.spare.size() < kMaxSpareRows) s.handler.spare.push_back(std::move(row.cells));
  s.handler.queue.pop_front();
  return true;
}

double XlsxReader::Progress() const {
  const ZipPart& part = state_->part;
  if (state_->done || part.size() == 0) return 1.0;
  return std::min(1.0, double(part.inflated()) / double(part.size()));
}

std::vector<std::string> XlsxReader::SheetNames(const std::filesystem::path& path,
                                                const ReadLimits& limits) {
  return Names(*ZipArchive::OpenFile(path, limits));
}

std::vector<std::string> XlsxReader::SheetNamesFromBytes(std::string_view bytes,
                                                         const ReadLimits& limits) {
  return Names(*ZipArchive::OpenBytes(bytes, limits));
}

}  // namespace sen::files
