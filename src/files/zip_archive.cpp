// Ratio checks start above a floor: a small part of repeated XML may compress beyond the limit
// and can do no harm.
#include "files/zip_archive.h"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <utility>

namespace sen::files {

namespace {

constexpr std::uint64_t kRatioFloorBytes = 1 << 20;

FileError NotXlsx(std::string_view why) {
  return FileError(fmt::format("not a valid .xlsx file: {}", why));
}

FileError ZipBomb(std::string_view part) {
  return FileError(fmt::format(
      "the file looks like a zip bomb: its part {} would inflate far beyond its size", part));
}

bool OverRatio(std::uint64_t size, std::uint64_t compressed, std::uint64_t ratio) {
  return size > kRatioFloorBytes && size / std::max<std::uint64_t>(compressed, 1) > ratio;
}

}  // namespace

std::unique_ptr<ZipArchive> ZipArchive::OpenFile(const std::filesystem::path& path,
                                                 const ReadLimits& limits) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) throw NotXlsx("the zip container is damaged");
  return std::unique_ptr<ZipArchive>(new ZipArchive(archive, limits));
}

std::unique_ptr<ZipArchive> ZipArchive::OpenBytes(std::string_view bytes,
                                                  const ReadLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_t* archive = nullptr;
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive == nullptr) zip_source_free(source);
  }
  zip_error_fini(&error);
  if (archive == nullptr) throw NotXlsx("the zip container is damaged");
  return std::unique_ptr<ZipArchive>(new ZipArchive(archive, limits));
}

ZipArchive::~ZipArchive() { zip_discard(archive_); }

long long ZipArchive::Locate(std::string_view name) const {
  const std::string key(name);
  zip_int64_t index = zip_name_locate(archive_, key.c_str(), 0);
  // Part names are case-insensitive in Open Packaging; some writers disagree with their own
  // relationships about case.
  if (index < 0) index = zip_name_locate(archive_, key.c_str(), ZIP_FL_NOCASE);
  return index;
}

bool ZipArchive::Has(std::string_view name) const { return Locate(name) >= 0; }

ZipPart ZipArchive::OpenPart(std::string_view name) {
  const long long index = Locate(name);
  if (index < 0) throw NotXlsx(fmt::format("the part {} is missing", name));
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
      (stat.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) != (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) {
    throw NotXlsx(fmt::format("the part {} is damaged", name));
  }
  if (stat.size >
          limits_.max_uncompressed_bytes - std::min(inflated_, limits_.max_uncompressed_bytes) ||
      OverRatio(stat.size, stat.comp_size, limits_.max_compression_ratio)) {
    throw ZipBomb(name);
  }
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) throw NotXlsx(fmt::format("the part {} cannot be read", name));
  return ZipPart(*this, file, std::string(name), stat.size, stat.comp_size);
}

void ZipArchive::Count(const ZipPart& part, std::size_t n) {
  inflated_ += n;
  if (part.inflated_ > part.size_ || inflated_ > limits_.max_uncompressed_bytes ||
      OverRatio(part.inflated_, part.compressed_, limits_.max_compression_ratio)) {
    throw ZipBomb(part.name_);
  }
}

ZipPart::ZipPart(ZipArchive& archive, zip_file* file, std::string name, std::uint64_t size,
                 std::uint64_t compressed)
    : archive_(&archive),
      file_(file),
      name_(std::move(name)),
      size_(size),
      compressed_(compressed) {}

ZipPart::ZipPart(ZipPart&& other) noexcept
    : archive_(other.archive_),
      file_(std::exchange(other.file_, nullptr)),
      name_(std::move(other.name_)),
      size_(other.size_),
      compressed_(other.compressed_),
      inflated_(other.inflated_) {}

ZipPart::~ZipPart() {
  if (file_ != nullptr) zip_fclose(file_);
}

std::size_t ZipPart::Read(char* out, std::size_t n) {
  const zip_int64_t got = zip_fread(file_, out, n);
  if (got < 0) throw NotXlsx(fmt::format("the part {} is damaged", name_));
  inflated_ += static_cast<std::uint64_t>(got);
  archive_->Count(*this, static_cast<std::size_t>(got));
  return static_cast<std::size_t>(got);
}

}  // namespace sen::files
