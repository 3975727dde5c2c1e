// Relationship types are matched by their last segment, which transitional and strict
// (ISO 29500) packages share.
#include "files/xlsx_workbook.h"

#include <fmt/format.h>

#include <charconv>
#include <unordered_map>

#include "files/cell_text.h"
#include "files/xml_stream.h"

namespace sen::files {

namespace {

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
};

int ToInt(std::string_view s, int otherwise) {
  int value = otherwise;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  return error == std::errc() && end == s.data() + s.size() ? value : otherwise;
}

class RelationshipsHandler final : public XmlHandler {
 public:
  std::vector<Relationship> relationships;

  void StartElement(std::string_view name, const char** attributes) override {
    if (name != "Relationship" || Attribute(attributes, "TargetMode") == "External") return;
    relationships.push_back({std::string(Attribute(attributes, "Id")),
                             std::string(Attribute(attributes, "Type")),
                             std::string(Attribute(attributes, "Target"))});
  }
  void EndElement(std::string_view) override {}
  void Text(std::string_view) override {}
};

std::vector<Relationship> ReadRelationships(ZipArchive& archive, const std::string& part) {
  RelationshipsHandler handler;
  if (archive.Has(part)) ParsePart(archive, part, handler);
  return std::move(handler.relationships);
}

class WorkbookHandler final : public XmlHandler {
 public:
  struct Sheet {
    std::string name;
    std::string relationship;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;

  void StartElement(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      const std::string_view value = Attribute(attributes, "date1904");
      date1904 = value == "1" || value == "true";
    } else if (name == "sheet") {
      sheets.push_back(
          {std::string(Attribute(attributes, "name")), std::string(Attribute(attributes, "id"))});
    }
  }
  void EndElement(std::string_view) override {}
  void Text(std::string_view) override {}
};

// <si> items: plain <t>, or rich-text runs <r><t> joined; phonetic guides <rPh> left out.
class SharedStringsHandler final : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings& strings, std::size_t max_bytes)
      : strings_(strings), max_bytes_(max_bytes) {}

  void StartElement(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      text_.clear();
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t") {
      collecting_ = in_item_ && phonetic_depth_ == 0;
    }
  }
  void EndElement(std::string_view name) override {
    if (name == "si") {
      DecodeOoxmlEscapes(text_);
      if (HasNonAscii(text_)) ToWellFormedNfc(text_, scratch_);
      strings_.Add(text_);
      in_item_ = false;
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "t") {
      collecting_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (!collecting_) return;
    text_.append(text);
    if (text_.size() > max_bytes_) {
      throw FileError(
          fmt::format("shared string {} is longer than {} bytes", strings_.size() + 1, max_bytes_));
    }
  }

 private:
  SharedStrings& strings_;
  std::size_t max_bytes_;
  bool in_item_ = false;
  bool collecting_ = false;
  int phonetic_depth_ = 0;
  std::string text_;
  std::string scratch_;
};

class StylesHandler final : public XmlHandler {
 public:
  std::unordered_map<int, DateKind> custom_formats;
  std::vector<int> cell_formats;  // numFmtId of each cellXfs/xf

  void StartElement(std::string_view name, const char** attributes) override {
    if (name == "numFmts") {
      in_formats_ = true;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "numFmt" && in_formats_) {
      custom_formats[ToInt(Attribute(attributes, "numFmtId"), -1)] =
          FormatCodeKind(Attribute(attributes, "formatCode"));
    } else if (name == "xf" && in_cell_xfs_) {
      cell_formats.push_back(ToInt(Attribute(attributes, "numFmtId"), 0));
    }
  }
  void EndElement(std::string_view name) override {
    if (name == "numFmts") in_formats_ = false;
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void Text(std::string_view) override {}

 private:
  bool in_formats_ = false;   // numFmt also occurs in the differential formats of <dxfs>
  bool in_cell_xfs_ = false;  // xf also occurs in <cellStyleXfs>
};

bool TypeIs(std::string_view type, std::string_view last_segment) {
  return type.ends_with(last_segment) && type.size() > last_segment.size() &&
         type[type.size() - last_segment.size() - 1] == '/';
}

}  // namespace

std::string ResolvePartName(std::string_view folder, std::string_view target) {
  std::string path = target.starts_with('/') ? std::string(target.substr(1))
                                             : std::string(folder) + std::string(target);
  std::vector<std::string_view> segments;
  std::string_view rest = path;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
  }
  std::string resolved;
  for (const auto segment : segments) {
    if (!resolved.empty()) resolved.push_back('/');
    resolved.append(segment);
  }
  return resolved;
}

XlsxWorkbook ReadWorkbook(ZipArchive& archive) {
  std::string workbook_part = "xl/workbook.xml";
  for (const auto& relationship : ReadRelationships(archive, "_rels/.rels")) {
    if (TypeIs(relationship.type, "officeDocument")) {
      workbook_part = ResolvePartName("", relationship.target);
      break;
    }
  }
  if (!archive.Has(workbook_part)) {
    throw FileError("not a valid .xlsx file: the workbook is missing");
  }
  const auto slash = workbook_part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : workbook_part.substr(0, slash + 1);
  const std::string file = workbook_part.substr(folder.size());

  WorkbookHandler handler;
  ParsePart(archive, workbook_part, handler);
  std::unordered_map<std::string, Relationship> by_id;
  XlsxWorkbook workbook;
  workbook.date1904 = handler.date1904;
  for (auto& relationship : ReadRelationships(archive, folder + "_rels/" + file + ".rels")) {
    if (TypeIs(relationship.type, "sharedStrings") && workbook.shared_strings_part.empty()) {
      workbook.shared_strings_part = ResolvePartName(folder, relationship.target);
    } else if (TypeIs(relationship.type, "styles") && workbook.styles_part.empty()) {
      workbook.styles_part = ResolvePartName(folder, relationship.target);
    }
    by_id.emplace(relationship.id, std::move(relationship));
  }
  for (auto& sheet : handler.sheets) {
    const auto found = by_id.find(sheet.relationship);
    if (found == by_id.end() || !TypeIs(found->second.type, "worksheet")) continue;
    workbook.sheets.push_back(
        {std::move(sheet.name), ResolvePartName(folder, found->second.target)});
  }
  return workbook;
}

void SharedStrings::Load(ZipArchive& archive, std::string_view part, std::size_t max_string_bytes) {
  SharedStringsHandler handler(*this, max_string_bytes);
  ParsePart(archive, part, handler);
}

std::vector<DateKind> ReadCellStyles(ZipArchive& archive, std::string_view part) {
  StylesHandler handler;
  ParsePart(archive, part, handler);
  std::vector<DateKind> kinds;
  kinds.reserve(handler.cell_formats.size());
  for (const int id : handler.cell_formats) {
    const auto custom = handler.custom_formats.find(id);
    kinds.push_back(custom != handler.custom_formats.end() ? custom->second
                                                           : BuiltinFormatKind(id));
  }
  return kinds;
}

}  // namespace sen::files
