// Expat set up for untrusted XML: documents with a DTD are refused (so no entity can be declared,
// let alone expanded), and exceptions thrown by handlers are carried across the C parser.
#pragma once

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

#include "files/zip_archive.h"

struct XML_ParserStruct;

namespace sen::files {

// Receives elements by local name: "x:row" and "row" are both "row".
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attributes` alternate names and values and end with nullptr, as expat gives them.
  virtual void StartElement(std::string_view name, const char** attributes) = 0;
  virtual void EndElement(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;
};

// "x:row" -> "row".
std::string_view LocalName(const char* name);

// The value of the attribute whose local name is `name`, or empty.
std::string_view Attribute(const char** attributes, std::string_view name);

class XmlStream {
 public:
  // `part` names the document in error messages.
  XmlStream(XmlHandler& handler, std::string part);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses the next piece of the document; `last` marks its end. Throws FileError for XML that
  // is not well-formed, or what a handler threw.
  void Feed(const char* data, std::size_t n, bool last);

 private:
  static void OnStart(void* self, const char* name, const char** attributes);
  static void OnEnd(void* self, const char* name);
  static void OnText(void* self, const char* text, int length);
  static void OnDoctype(void* self, const char*, const char*, const char*, int);
  void Fail(std::exception_ptr error);

  XmlHandler& handler_;
  std::string part_;
  XML_ParserStruct* parser_;
  std::exception_ptr error_;
  std::size_t unreported_bytes_ = 0;  // fed since the last event
};

// Feeds a whole part of the archive to `handler`.
void ParsePart(ZipArchive& archive, std::string_view part, XmlHandler& handler);

}  // namespace sen::files
