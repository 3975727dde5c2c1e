// Random tokens, token hashes and password hashes (libsodium).
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sen {

// Must run once before any other function here; safe to call again.
void InitSecrets();

// `bytes` random bytes as URL-safe base64 without padding.
std::string RandomToken(std::size_t bytes = 32);
// SHA-256 as lower-case hex: how session and API tokens are stored.
std::string Sha256Hex(std::string_view data);
// argon2id at libsodium's interactive limits (~90 ms on this class of machine).
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view hash, std::string_view password);
// Constant-time equality for secrets.
bool SecretsEqual(std::string_view a, std::string_view b);

// Seals the few secrets Sen must give back in clear to someone else (the SMTP password) with a key
// kept outside the database, so that a copy or a backup of the database alone does not reveal
// them. libsodium's secretbox (XSalsa20-Poly1305): a fresh random nonce per seal, and any change
// to the sealed text, or another key, makes Open fail instead of answering garbage.
class SecretBox {
 public:
  // The key in the file at `path` (base64 of 32 bytes), made there, readable by its owner only,
  // when there is no such file. std::runtime_error naming the file when it is not such a key.
  static SecretBox AtPath(const std::filesystem::path& path);
  // `key` must be kKeyBytes bytes.
  explicit SecretBox(std::string_view key);
  ~SecretBox();
  SecretBox(const SecretBox&) = default;
  SecretBox& operator=(const SecretBox&) = default;

  static constexpr std::size_t kKeyBytes = 32;

  // "sb1:" and base64 of nonce and box.
  std::string Seal(std::string_view plain) const;
  // std::nullopt when `sealed` was sealed with another key, was altered, or is not sealed text.
  std::optional<std::string> Open(std::string_view sealed) const;

 private:
  std::array<unsigned char, kKeyBytes> key_;
};

}  // namespace sen
