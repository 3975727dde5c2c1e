// The parser works on UTF-8 in place: cells are appended straight from the chunk into the
// caller's strings (whose capacity is reused), and only cells with non-ASCII bytes go through ICU.
#include "files/csv_reader.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>

#include "files/cell_text.h"
#include "text/fold.h"

namespace sen::files {

namespace {

constexpr std::size_t kDelimiterSampleLines = 20;

// Bytes at the end of `s` that begin a UTF-8 sequence the chunk boundary cut short.
std::size_t CutSequenceLength(std::string_view s) {
  for (std::size_t k = 1; k <= 3 && k <= s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[s.size() - k]);
    if (U8_IS_TRAIL(c)) continue;
    const std::size_t length =
        U8_IS_LEAD(c) ? static_cast<std::size_t>(U8_COUNT_TRAIL_BYTES(c)) + 1 : 1;
    return length > k ? k : 0;
  }
  return 0;
}

// Windows-1258 and Windows-1252 decode every byte the same except a few; these are the ones
// Vietnamese text in 1258 is full of: đ Đ, ă Ă, ơ Ơ, ư Ư and the five combining tone marks.
constexpr std::string_view kTypicalOfVietnamese1258 =
    "\xD0\xF0\xC3\xE3\xD5\xF5\xDD\xFD\xCC\xEC\xD2\xDE\xF2";
// Letters of Western European languages (in both code pages) that Vietnamese never uses.
constexpr std::string_view kForeignToVietnamese =
    "\xC4\xC5\xC6\xC7\xCB\xCE\xCF\xD1\xD6\xD8\xDB\xDC\xDF"
    "\xE4\xE5\xE6\xE7\xEB\xEE\xEF\xF1\xF6\xF8\xFB\xFC";

const char* ConverterName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
    case TextEncoding::kWindows1258:
      return "windows-1258";
    case TextEncoding::kWindows1252:
      return "windows-1252";
    case TextEncoding::kUtf8:
      break;
  }
  return "UTF-8";
}

}  // namespace

std::optional<TextEncoding> Utf16WithoutBom(std::string_view head) {
  std::array<std::size_t, 2> nuls{};  // at even, odd offsets
  const std::size_t units = head.size() / 2;
  for (std::size_t i = 0; i < units * 2; i += 2) {
    if (head[i] == '\0' && head[i + 1] == '\0') return std::nullopt;  // U+0000 is not text
    nuls[0] += head[i] == '\0';
    nuls[1] += head[i + 1] == '\0';
  }
  // Half the units ASCII at least: Vietnamese text is mostly letters without marks, spaces,
  // digits and delimiters (a name like "Nguyễn Văn Đức" has 3 units of 14 that are not).
  const std::size_t enough = std::max<std::size_t>(2, units / 2);
  if (nuls[1] >= enough && nuls[0] == 0) return TextEncoding::kUtf16Le;
  if (nuls[0] >= enough && nuls[1] == 0) return TextEncoding::kUtf16Be;
  return std::nullopt;
}

TextEncoding DetectEncoding(std::string_view head, bool complete, std::size_t& bom_length) {
  bom_length = 0;
  if (head.starts_with("\xEF\xBB\xBF")) {
    bom_length = 3;
    return TextEncoding::kUtf8;
  }
  if (head.starts_with("\xFF\xFE")) {
    bom_length = 2;
    return TextEncoding::kUtf16Le;
  }
  if (head.starts_with("\xFE\xFF")) {
    bom_length = 2;
    return TextEncoding::kUtf16Be;
  }
  if (auto utf16 = Utf16WithoutBom(head)) return *utf16;
  std::string_view whole = complete ? head : head.substr(0, head.size() - CutSequenceLength(head));
  if (text::IsValidUtf8(whole)) return TextEncoding::kUtf8;
  std::size_t typical = 0;
  std::size_t foreign = 0;
  for (char c : head) {
    if (static_cast<unsigned char>(c) < 0xC0) continue;
    typical += kTypicalOfVietnamese1258.find(c) != std::string_view::npos;
    foreign += kForeignToVietnamese.find(c) != std::string_view::npos;
  }
  return typical > foreign ? TextEncoding::kWindows1258 : TextEncoding::kWindows1252;
}

char DetectDelimiter(std::string_view text) {
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  std::vector<std::array<int, 3>> lines;
  std::array<int, 3> counts{};
  bool quoted = false;
  bool blank = true;
  for (std::size_t i = 0; i < text.size() && lines.size() < kDelimiterSampleLines; ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) {
      blank = false;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!blank) lines.push_back(counts);
      counts = {};
      blank = true;
      continue;
    }
    blank = false;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) counts[k] += c == kCandidates[k];
  }
  if (lines.empty() && !blank) lines.push_back(counts);  // one line without a line end
  if (lines.empty()) return ',';
  // The header has the true number of columns; data lines with the same count agree with it.
  char best = ',';
  std::pair<int, int> best_score{0, 0};
  for (std::size_t k = 0; k < kCandidates.size(); ++k) {
    const int header = lines[0][k];
    if (header == 0) continue;
    const auto agreeing = static_cast<int>(std::count_if(
        lines.begin(), lines.end(), [&](const auto& line) { return line[k] == header; }));
    std::pair<int, int> score{agreeing, header};
    if (score > best_score) {
      best_score = score;
      best = kCandidates[k];
    }
  }
  return best;
}

class CsvReader::Source {
 public:
  virtual ~Source() = default;
  // Up to `n` bytes; fewer only at the end of the data.
  virtual std::size_t Read(char* out, std::size_t n) = 0;
  virtual std::uint64_t size() const = 0;
};

class CsvReader::FileSource final : public Source {
 public:
  explicit FileSource(const std::filesystem::path& path) : file_(std::fopen(path.c_str(), "rb")) {
    std::error_code error;
    size_ = std::filesystem::file_size(path, error);
    if (file_ == nullptr || error) throw FileError("cannot open the file");
  }
  ~FileSource() override {
    if (file_ != nullptr) std::fclose(file_);
  }
  std::size_t Read(char* out, std::size_t n) override {
    const std::size_t got = std::fread(out, 1, n, file_);
    if (got < n && std::ferror(file_)) throw FileError("cannot read the file");
    return got;
  }
  std::uint64_t size() const override { return size_; }

 private:
  std::FILE* file_;
  std::uint64_t size_ = 0;
};

class CsvReader::MemorySource final : public Source {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t Read(char* out, std::size_t n) override {
    n = std::min(n, bytes_.size() - offset_);
    std::copy_n(bytes_.data() + offset_, n, out);
    offset_ += n;
    return n;
  }
  std::uint64_t size() const override { return bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t offset_ = 0;
};

void CsvReader::ConverterCloser::operator()(UConverter* converter) const { ucnv_close(converter); }

CsvReader::CsvReader(const std::filesystem::path& path, const ReadLimits& limits)
    : CsvReader(std::make_unique<FileSource>(path), limits, kChunkBytes) {}

std::unique_ptr<CsvReader> CsvReader::FromBytes(std::string_view bytes, const ReadLimits& limits,
                                                std::size_t chunk_bytes) {
  return std::unique_ptr<CsvReader>(new CsvReader(std::make_unique<MemorySource>(bytes), limits,
                                                  std::max<std::size_t>(chunk_bytes, 4)));
}

CsvReader::~CsvReader() = default;

CsvReader::CsvReader(std::unique_ptr<Source> source, const ReadLimits& limits,
                     std::size_t chunk_bytes)
    : limits_(limits),
      source_(std::move(source)),
      size_(source_->size()),
      // A small file needs no more than its size (plus one byte to see its end in one read).
      chunk_size_(static_cast<std::size_t>(std::min<std::uint64_t>(chunk_bytes, size_ + 1))) {
  // The first chunk decides the encoding, then the delimiter.
  buffer_.resize(chunk_size_);
  const std::size_t n = ReadRaw(buffer_.data(), chunk_size_);
  chunk_bytes_ = n;
  std::size_t bom = 0;
  encoding_ = DetectEncoding({buffer_.data(), n}, eof_, bom);
  if (encoding_ == TextEncoding::kUtf8) {
    pos_ = buffer_.data() + bom;
    end_ = buffer_.data() + n;
  } else {
    UErrorCode status = U_ZERO_ERROR;
    from_.reset(ucnv_open(ConverterName(encoding_), &status));
    utf8_.reset(ucnv_open("UTF-8", &status));
    if (U_FAILURE(status)) throw FileError("cannot decode the file's text");
    pivot_source_ = pivot_target_ = pivot_.data();
    raw_.assign(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(n));
    Decode(raw_.data() + bom, n - bom, eof_);
  }
  delimiter_ = DetectDelimiter({pos_, static_cast<std::size_t>(end_ - pos_)});
  ends_unquoted_[static_cast<unsigned char>(delimiter_)] = true;
  ends_unquoted_['\r'] = true;
  ends_unquoted_['\n'] = true;
}

std::size_t CsvReader::ReadRaw(char* out, std::size_t n) {
  if (eof_) return 0;
  const std::size_t got = source_->Read(out, n);
  eof_ = got < n;
  return got;
}

void CsvReader::Decode(const char* data, std::size_t n, bool flush) {
  // One input byte becomes at most 3 bytes of UTF-8 in all the encodings handled here; the loop
  // grows the buffer anyway rather than trust that.
  if (buffer_.size() < 3 * n + 16) buffer_.resize(3 * n + 16);
  const char* source = data;
  std::size_t written = 0;
  for (;;) {
    char* target = buffer_.data() + written;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_convertEx(utf8_.get(), from_.get(), &target, buffer_.data() + buffer_.size(), &source,
                   data + n, pivot_.data(), &pivot_source_, &pivot_target_,
                   pivot_.data() + pivot_.size(), false, flush, &status);
    written = static_cast<std::size_t>(target - buffer_.data());
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      buffer_.resize(buffer_.size() * 2);
      continue;
    }
    if (U_FAILURE(status)) throw FileError("cannot decode the file's text");
    break;
  }
  pos_ = buffer_.data();
  end_ = buffer_.data() + written;
}

bool CsvReader::Fill() {
  while (!eof_) {
    chunk_offset_ += chunk_bytes_;
    if (encoding_ == TextEncoding::kUtf8) {
      chunk_bytes_ = ReadRaw(buffer_.data(), chunk_size_);
      pos_ = buffer_.data();
      end_ = pos_ + chunk_bytes_;
    } else {
      chunk_bytes_ = ReadRaw(raw_.data(), raw_.size());
      Decode(raw_.data(), chunk_bytes_, eof_);
    }
    if (pos_ < end_) return true;
  }
  return false;
}

double CsvReader::Progress() const {
  if (size_ == 0 || (eof_ && pos_ == end_)) return 1.0;
  const char* begin = buffer_.data();
  const double in_chunk = end_ > begin ? double(pos_ - begin) / double(end_ - begin) : 1.0;
  return std::min(1.0, (double(chunk_offset_) + in_chunk * double(chunk_bytes_)) / double(size_));
}

bool CsvReader::Next(std::vector<std::string>& cells) {
  while (ReadRecord(cells)) {
    if (std::any_of(cells.begin(), cells.end(), [](const auto& cell) { return !cell.empty(); })) {
      return true;
    }
  }
  cells.clear();
  return false;
}

bool CsvReader::ReadRecord(std::vector<std::string>& cells) {
  if (skip_lf_) {
    if (!Available()) return false;
    if (*pos_ == '\n') ++pos_;
    skip_lf_ = false;
  }
  if (!Available()) return false;
  ++row_;
  std::size_t n = 0;
  for (;;) {
    if (n == limits_.max_columns) {
      throw FileError(fmt::format("row {}: more than {} columns", row_, limits_.max_columns));
    }
    if (n == cells.size()) cells.emplace_back();
    std::string& cell = cells[n++];
    cell.clear();
    column_ = n;
    unsigned char high_bits = 0;
    if (Available() && *pos_ == '"') {
      ++pos_;
      high_bits = ReadQuoted(cell);
    }
    // The unquoted cell, or what follows a closing quote: spreadsheets keep such text too.
    for (;;) {
      if (!Available()) {
        FinishCell(cell, high_bits);
        cells.resize(n);
        return true;
      }
      const char* p = pos_;
      while (p < end_ && !ends_unquoted_[static_cast<unsigned char>(*p)]) {
        high_bits |= static_cast<unsigned char>(*p);
        ++p;
      }
      Append(cell, pos_, p);
      pos_ = p;
      if (p == end_) continue;
      const char c = *pos_++;
      FinishCell(cell, high_bits);
      if (c == delimiter_) break;
      skip_lf_ = c == '\r';
      cells.resize(n);
      return true;
    }
  }
}

unsigned char CsvReader::ReadQuoted(std::string& cell) {
  unsigned char high_bits = 0;
  for (;;) {
    if (!Available()) {
      throw FileError(fmt::format("row {}: a quoted cell is not closed", row_));
    }
    const char* p = pos_;
    while (p < end_ && *p != '"' && *p != '\r' && *p != '\n') {
      high_bits |= static_cast<unsigned char>(*p);
      ++p;
    }
    Append(cell, pos_, p);
    pos_ = p;
    if (p == end_) continue;
    const char c = *pos_++;
    if (c == '"') {
      if (Available() && *pos_ == '"') {
        ++pos_;
        cell.push_back('"');
        continue;
      }
      return high_bits;
    }
    cell.push_back(c);
  }
}

void CsvReader::Append(std::string& cell, const char* from, const char* to) {
  cell.append(from, static_cast<std::size_t>(to - from));
  if (cell.size() > limits_.max_cell_bytes) {
    throw FileError(fmt::format("row {}, column {}: a cell is longer than {} bytes", row_, column_,
                                limits_.max_cell_bytes));
  }
}

void CsvReader::FinishCell(std::string& cell, unsigned char high_bits) {
  if (high_bits & 0x80) ToWellFormedNfc(cell, scratch_);
}

}  // namespace sen::files
