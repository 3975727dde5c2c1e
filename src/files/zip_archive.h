// The parts of a zip package (an .xlsx file) read with libzip, with zip bombs refused.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "files/table_reader.h"

struct zip;
struct zip_file;

namespace sen::files {

class ZipArchive;

// One part being inflated. Counts the bytes it really produces: the sizes in the zip's headers
// are whatever the file's author wrote.
class ZipPart {
 public:
  ZipPart(ZipPart&& other) noexcept;
  ~ZipPart();
  // Up to `n` bytes; 0 at the end. Throws FileError for a damaged part or a zip bomb.
  std::size_t Read(char* out, std::size_t n);
  std::uint64_t size() const { return size_; }
  std::uint64_t inflated() const { return inflated_; }
  const std::string& name() const { return name_; }

 private:
  friend class ZipArchive;
  ZipPart(ZipArchive& archive, zip_file* file, std::string name, std::uint64_t size,
          std::uint64_t compressed);

  ZipArchive* archive_;
  zip_file* file_;
  std::string name_;
  std::uint64_t size_;
  std::uint64_t compressed_;
  std::uint64_t inflated_ = 0;
};

class ZipArchive {
 public:
  // Throw FileError("not a valid .xlsx file ...") when the zip cannot be opened.
  static std::unique_ptr<ZipArchive> OpenFile(const std::filesystem::path& path,
                                              const ReadLimits& limits);
  // Bytes held in memory, which must outlive the archive (tests, fuzzing).
  static std::unique_ptr<ZipArchive> OpenBytes(std::string_view bytes, const ReadLimits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool Has(std::string_view name) const;
  // Throws FileError when the part is missing or its declared size or compression ratio says
  // it is a zip bomb.
  ZipPart OpenPart(std::string_view name);

 private:
  friend class ZipPart;
  ZipArchive(zip* archive, const ReadLimits& limits) : archive_(archive), limits_(limits) {}
  // Called as bytes are inflated; throws when a part or the whole outgrows the limits.
  void Count(const ZipPart& part, std::size_t n);
  long long Locate(std::string_view name) const;

  zip* archive_;
  ReadLimits limits_;
  std::uint64_t inflated_ = 0;  // over all parts
};

}  // namespace sen::files
