// Thin wrappers that keep libsodium's C API in one place.
#include "core/secrets.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace sen {

void InitSecrets() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

namespace {

constexpr std::string_view kSealed = "sb1:";
constexpr int kBase64 = sodium_base64_VARIANT_ORIGINAL;

std::string ToBase64(const unsigned char* data, std::size_t size, int variant) {
  std::string out(sodium_base64_encoded_len(size, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, variant);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::string> FromBase64(std::string_view text) {
  std::string out(text.size() * 3 / 4 + 3, '\0');
  std::size_t size = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                        nullptr, &size, nullptr, kBase64) != 0) {
    return std::nullopt;
  }
  out.resize(size);
  return out;
}

}  // namespace

std::string RandomToken(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  return ToBase64(raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::string hex(crypto_hash_sha256_BYTES * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.pop_back();
  return hex;
}

std::string HashPassword(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  std::string h(hash);  // needs a NUL-terminated string
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

bool SecretsEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SecretBox SecretBox::AtPath(const std::filesystem::path& path) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  // O_EXCL: two processes starting on the same data folder at once end up with one key.
  if (int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600); fd >= 0) {
    unsigned char key[crypto_secretbox_KEYBYTES];
    crypto_secretbox_keygen(key);
    const std::string line = ToBase64(key, sizeof key, kBase64) + "\n";
    sodium_memzero(key, sizeof key);
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) throw std::runtime_error("cannot write the secret key file " + path.string());
  } else if (errno != EEXIST) {
    throw std::runtime_error("cannot create the secret key file " + path.string() + ": " + std::strerror(errno));
  }
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  auto key = FromBase64(line);
  if (!key || key->size() != crypto_secretbox_KEYBYTES) {
    throw std::runtime_error("the secret key file " + path.string() + " does not hold a key (base64 of " +
                             std::to_string(crypto_secretbox_KEYBYTES) + " bytes on its first line)");
  }
  SecretBox box(*key);
  sodium_memzero(key->data(), key->size());
  return box;
}

SecretBox::SecretBox(std::string_view key) {
  static_assert(kKeyBytes == crypto_secretbox_KEYBYTES);
  if (key.size() != kKeyBytes) throw std::invalid_argument("a secret box key is 32 bytes");
  std::copy(key.begin(), key.end(), key_.begin());
}

SecretBox::~SecretBox() { sodium_memzero(key_.data(), key_.size()); }

std::string SecretBox::Seal(std::string_view plain) const {
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), out.data(), key_.data());
  return std::string(kSealed) + ToBase64(out.data(), out.size(), kBase64);
}

std::optional<std::string> SecretBox::Open(std::string_view sealed) const {
  if (sealed.substr(0, kSealed.size()) != kSealed) return std::nullopt;
  auto raw = FromBase64(sealed.substr(kSealed.size()));
  if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw->data());
  std::string plain(raw->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), bytes + crypto_secretbox_NONCEBYTES,
                                 raw->size() - crypto_secretbox_NONCEBYTES, bytes,
                                 key_.data()) != 0) {
    return std::nullopt;
  }
  return plain;
}

}  // namespace sen
