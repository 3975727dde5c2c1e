// A streaming CSV reader for what spreadsheets and CRMs really write: RFC 4180 quoting, any of
// the encodings Vietnamese offices produce, comma, semicolon or tab. Memory stays at one chunk
// plus one row whatever the size of the file.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "files/table_reader.h"

struct UConverter;

namespace sen::files {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kWindows1258, kWindows1252 };

// UTF-16 without a byte order mark, told by where its NUL bytes fall: the high byte of every
// ASCII character (and of Vietnamese letters' none) is 0, so one side of the units is full of NULs
// and the other has none. Text in one byte per character has no NUL at all.
std::optional<TextEncoding> Utf16WithoutBom(std::string_view head);

// Decides the encoding from the first bytes of a file: a byte order mark, else UTF-16 shaped as
// `Utf16WithoutBom` says, else UTF-8 when the bytes are valid UTF-8, else Windows-1258 when bytes
// typical of Vietnamese in it outnumber letters Vietnamese never uses, else Windows-1252.
// `complete` says `head` is the whole file (else a multi-byte character cut at its end is not
// held against UTF-8). Sets `bom_length`.
TextEncoding DetectEncoding(std::string_view head, bool complete, std::size_t& bom_length);

// The delimiter (',', ';' or '\t') that splits the first lines of `text` (UTF-8) most
// consistently, counted outside quotes; ',' when none does.
char DetectDelimiter(std::string_view text);

class CsvReader final : public TableReader {
 public:
  static constexpr std::size_t kChunkBytes = 256 << 10;

  CsvReader(const std::filesystem::path& path, const ReadLimits& limits);
  // Reads bytes held in memory (tests, fuzzing); they must outlive the reader. Small chunks
  // (at least 4 bytes, for a byte order mark) put chunk boundaries anywhere in the text.
  static std::unique_ptr<CsvReader> FromBytes(std::string_view bytes, const ReadLimits& limits,
                                              std::size_t chunk_bytes = kChunkBytes);

  ~CsvReader() override;

  bool Next(std::vector<std::string>& cells) override;
  std::uint64_t RowNumber() const override { return row_; }
  double Progress() const override;

  TextEncoding encoding() const { return encoding_; }
  char delimiter() const { return delimiter_; }

 private:
  class Source;
  class FileSource;
  class MemorySource;
  struct ConverterCloser {
    void operator()(UConverter* converter) const;
  };
  using Converter = std::unique_ptr<UConverter, ConverterCloser>;

  CsvReader(std::unique_ptr<Source> source, const ReadLimits& limits, std::size_t chunk_bytes);
  std::size_t ReadRaw(char* out, std::size_t n);
  void Decode(const char* data, std::size_t n, bool flush);
  bool Fill();
  bool Available() { return pos_ < end_ || Fill(); }
  bool ReadRecord(std::vector<std::string>& cells);
  unsigned char ReadQuoted(std::string& cell);
  void Append(std::string& cell, const char* from, const char* to);
  void FinishCell(std::string& cell, unsigned char high_bits);

  ReadLimits limits_;
  std::unique_ptr<Source> source_;
  std::uint64_t size_ = 0;
  std::size_t chunk_size_;
  TextEncoding encoding_ = TextEncoding::kUtf8;
  char delimiter_ = ',';
  std::array<bool, 256> ends_unquoted_{};  // the delimiter, CR and LF

  // Text to parse, UTF-8. For UTF-8 files the file's bytes are read straight into it; other
  // encodings are read into raw_ and converted by ICU (from_ to utf8_ through pivot_).
  std::vector<char> buffer_;
  const char* pos_ = nullptr;
  const char* end_ = nullptr;
  std::vector<char> raw_;
  Converter from_;
  Converter utf8_;
  std::array<char16_t, 4096> pivot_{};
  char16_t* pivot_source_ = nullptr;
  char16_t* pivot_target_ = nullptr;
  bool eof_ = false;

  // Where the text in buffer_ came from in the file, for Progress.
  std::uint64_t chunk_offset_ = 0;
  std::uint64_t chunk_bytes_ = 0;

  std::uint64_t row_ = 0;          // the last record read, as a spreadsheet numbers its row
  std::size_t column_ = 0;         // 1-based column of the cell being read, for messages
  bool skip_lf_ = false;           // the last record ended with CR: a following LF is its pair
  std::string scratch_;
};

}  // namespace sen::files
