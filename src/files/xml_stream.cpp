// Expat buffers a token until it ends; the cap on bytes fed without an event keeps a part made
// of one endless tag or attribute from filling memory.
#include "files/xml_stream.h"

#include <expat.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace sen::files {

namespace {

constexpr std::size_t kMaxUnreportedBytes = 32 << 20;
constexpr std::size_t kPartChunkBytes = 64 << 10;

}  // namespace

std::string_view LocalName(const char* name) {
  // One pass: this runs for every element and attribute of a sheet.
  const char* local = name;
  const char* end = name;
  for (; *end != '\0'; ++end) {
    if (*end == ':') local = end + 1;
  }
  return {local, static_cast<std::size_t>(end - local)};
}

std::string_view Attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; *a != nullptr; a += 2) {
    if (LocalName(a[0]) == name) return a[1];
  }
  return {};
}

XmlStream::XmlStream(XmlHandler& handler, std::string part)
    : handler_(handler), part_(std::move(part)), parser_(XML_ParserCreate(nullptr)) {
  if (parser_ == nullptr) throw std::bad_alloc();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlStream::OnStart, &XmlStream::OnEnd);
  XML_SetCharacterDataHandler(parser_, &XmlStream::OnText);
  XML_SetStartDoctypeDeclHandler(parser_, &XmlStream::OnDoctype);
  XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() { XML_ParserFree(parser_); }

void XmlStream::Fail(std::exception_ptr error) {
  if (!error_) error_ = std::move(error);
  XML_StopParser(parser_, XML_FALSE);
}

void XmlStream::OnStart(void* self, const char* name, const char** attributes) {
  auto* stream = static_cast<XmlStream*>(self);
  if (stream->error_) return;
  stream->unreported_bytes_ = 0;
  try {
    stream->handler_.StartElement(LocalName(name), attributes);
  } catch (...) {
    stream->Fail(std::current_exception());
  }
}

void XmlStream::OnEnd(void* self, const char* name) {
  auto* stream = static_cast<XmlStream*>(self);
  if (stream->error_) return;
  stream->unreported_bytes_ = 0;
  try {
    stream->handler_.EndElement(LocalName(name));
  } catch (...) {
    stream->Fail(std::current_exception());
  }
}

void XmlStream::OnText(void* self, const char* text, int length) {
  auto* stream = static_cast<XmlStream*>(self);
  if (stream->error_) return;
  stream->unreported_bytes_ = 0;
  try {
    stream->handler_.Text({text, static_cast<std::size_t>(length)});
  } catch (...) {
    stream->Fail(std::current_exception());
  }
}

void XmlStream::OnDoctype(void* self, const char*, const char*, const char*, int) {
  auto* stream = static_cast<XmlStream*>(self);
  stream->Fail(std::make_exception_ptr(FileError(
      fmt::format("not a valid .xlsx file: the part {} declares a DTD, which spreadsheets never do",
                  stream->part_))));
}

void XmlStream::Feed(const char* data, std::size_t n, bool last) {
  while (n > 0 || last) {
    // XML_Parse takes an int length.
    const std::size_t piece = std::min<std::size_t>(n, 1 << 30);
    const bool final_piece = last && piece == n;
    unreported_bytes_ += piece;
    const XML_Status status = XML_Parse(parser_, data, static_cast<int>(piece), final_piece);
    if (error_) std::rethrow_exception(error_);
    if (status != XML_STATUS_OK) {
      throw FileError(fmt::format("not a valid .xlsx file: the part {} is damaged (line {}: {})",
                                  part_, XML_GetCurrentLineNumber(parser_),
                                  XML_ErrorString(XML_GetErrorCode(parser_))));
    }
    if (unreported_bytes_ > kMaxUnreportedBytes) {
      throw FileError(fmt::format("not a valid .xlsx file: the part {} has an XML tag over {} MB",
                                  part_, kMaxUnreportedBytes >> 20));
    }
    data += piece;
    n -= piece;
    if (final_piece) break;
  }
}

void ParsePart(ZipArchive& archive, std::string_view name, XmlHandler& handler) {
  ZipPart part = archive.OpenPart(name);
  XmlStream stream(handler, std::string(name));
  auto buffer = std::make_unique<char[]>(kPartChunkBytes);
  for (;;) {
    const std::size_t n = part.Read(buffer.get(), kPartChunkBytes);
    stream.Feed(buffer.get(), n, n == 0);
    if (n == 0) return;
  }
}

}  // namespace sen::files
