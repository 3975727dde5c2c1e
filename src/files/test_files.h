// Builds awkward files for the tests, fuzz targets and fuzz seeds of src/files: temporary
// directories, zip packages in memory, minimal .xlsx packages around hand-written XML.
#pragma once

#include <stdlib.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "files/table_reader.h"

namespace sen::files::testing {

// A fresh directory under the system's temporary directory, removed with what it holds.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sen-files-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

using ZipEntries = std::vector<std::pair<std::string, std::string>>;  // name, content

// A zip archive of `entries`, deflated unless `store`.
inline std::string MakeZip(const ZipEntries& entries, bool store = false) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source failed");
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error("zip_file_add failed");
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    bytes.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

// A worksheet document around the XML of its rows.
inline std::string SheetXml(std::string_view rows) {
  return std::string(
             R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
             R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
             R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>)") +
         std::string(rows) + "</sheetData></worksheet>";
}

// A shared string table of plain items.
inline std::string SharedStringsXml(const std::vector<std::string>& items) {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (const auto& item : items) xml += "<si><t xml:space=\"preserve\">" + item + "</t></si>";
  return xml + "</sst>";
}

// Styles whose cellXfs take the given number formats, in order; `custom` adds <numFmt>s.
inline std::string StylesXml(const std::vector<int>& cell_formats,
                             const std::vector<std::pair<int, std::string>>& custom = {}) {
  std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  if (!custom.empty()) {
    xml += "<numFmts count=\"" + std::to_string(custom.size()) + "\">";
    for (const auto& [id, code] : custom) {
      xml += "<numFmt numFmtId=\"" + std::to_string(id) + "\" formatCode=\"" + code + "\"/>";
    }
    xml += "</numFmts>";
  }
  // A cellStyleXfs entry with a date format must not be taken for a cell style.
  xml += R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>)";
  xml += "<cellXfs count=\"" + std::to_string(cell_formats.size()) + "\">";
  for (const int id : cell_formats)
    xml += "<xf numFmtId=\"" + std::to_string(id) + "\" xfId=\"0\"/>";
  return xml + "</cellXfs></styleSheet>";
}

struct XlsxParts {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, worksheet XML
  std::string shared_strings;                               // XML; empty for none
  std::string styles;                                       // XML; empty for none
  bool date1904 = false;
};

// The entries of a minimal .xlsx package, laid out as Excel does.
inline ZipEntries XlsxEntries(const XlsxParts& parts) {
  const std::string rels_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::string workbook =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      "xmlns:r=\"" +
      rels_ns + "\">";
  workbook += parts.date1904 ? R"(<workbookPr date1904="1"/>)" : "<workbookPr/>";
  workbook += "<sheets>";
  std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  ZipEntries entries;
  entries.emplace_back(
      "[Content_Types].xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)");
  entries.emplace_back(
      "_rels/.rels",
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type=")" +
          rels_ns + R"(/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
  for (std::size_t i = 0; i < parts.sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook += "<sheet name=\"" + parts.sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" +
                n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rels_ns +
            "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    entries.emplace_back("xl/worksheets/sheet" + n + ".xml", parts.sheets[i].second);
  }
  if (!parts.shared_strings.empty()) {
    rels += "<Relationship Id=\"rIdS\" Type=\"" + rels_ns +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    entries.emplace_back("xl/sharedStrings.xml", parts.shared_strings);
  }
  if (!parts.styles.empty()) {
    rels += "<Relationship Id=\"rIdT\" Type=\"" + rels_ns + "/styles\" Target=\"styles.xml\"/>";
    entries.emplace_back("xl/styles.xml", parts.styles);
  }
  entries.emplace_back("xl/workbook.xml", workbook + "</sheets></workbook>");
  entries.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  return entries;
}

inline std::string MakeXlsx(const XlsxParts& parts, bool store = false) {
  return MakeZip(XlsxEntries(parts), store);
}

// One entry of a zip file, or "" when it is missing.
inline std::string ReadZipEntry(const std::filesystem::path& path, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return {};
  std::string content;
  zip_stat_t stat;
  zip_file_t* file = zip_stat(archive, name.c_str(), 0, &stat) == 0
                         ? zip_fopen(archive, name.c_str(), 0)
                         : nullptr;
  if (file != nullptr) {
    content.resize(stat.size);
    content.resize(static_cast<std::size_t>(
        std::max<zip_int64_t>(0, zip_fread(file, content.data(), content.size()))));
    zip_fclose(file);
  }
  zip_discard(archive);
  return content;
}

struct NumberedRow {
  std::uint64_t number;
  std::vector<std::string> cells;
  bool operator==(const NumberedRow&) const = default;
};

inline std::vector<NumberedRow> ReadRows(TableReader& reader) {
  std::vector<NumberedRow> rows;
  std::vector<std::string> cells;
  while (reader.Next(cells)) rows.push_back({reader.RowNumber(), cells});
  return rows;
}

inline std::vector<std::vector<std::string>> ReadCells(TableReader& reader) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> cells;
  while (reader.Next(cells)) rows.push_back(cells);
  return rows;
}

}  // namespace sen::files::testing
